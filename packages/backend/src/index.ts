/*
 * The demo backend: the smallest set of core plugins the Case Studies demo
 * needs (guest auth, catalog, permissions with a real policy), plus the
 * Case Studies backend plugin, and notifications for its rollout reminders.
 */
import { createBackend } from '@backstage/backend-defaults';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';

// Backstage's error handlers (the root router's and each plugin's, in front
// of which the credentials check runs) put stack traces with absolute
// server paths in error bodies whenever NODE_ENV is development, which is
// how the demo runs. The Case Studies router answers its own errors without
// them; this covers the rest, such as a 401 for a missing token.
const errorHandler = MiddlewareFactory.prototype.error;
MiddlewareFactory.prototype.error = function errorWithoutStacks(options) {
  return errorHandler.call(this, { ...options, showStackTraces: false });
};

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
