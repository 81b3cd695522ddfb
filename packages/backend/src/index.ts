/*
 * The demo backend: the smallest set of core plugins the Case Studies demo
 * needs (guest auth, catalog, permissions with a real policy), plus the
 * Case Studies backend plugin, and notifications for its rollout reminders.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// a second demo identity, a platform engineer, for creating rollouts
backend.add(import('./demoPlatformSignIn'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// Notifications (the bell in the app), with signals for live updates: the
// Case Studies rollout reminders are sent through them.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@case-studies/plugin-case-studies-backend'));

backend.start();
