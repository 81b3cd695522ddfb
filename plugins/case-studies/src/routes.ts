import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The standalone Case Studies page: the knowledge library, teams and scorecards. */
export const rootRouteRef = createRouteRef({ id: 'case-studies' });

/** The page's Scorecards tab; the team roll-up links to it, filtered to the team. */
export const scorecardsRouteRef = createSubRouteRef({
  id: 'case-studies:scorecards',
  parent: rootRouteRef,
  path: '/scorecards',
});

/** The Case Studies tab on an entity page. */
export const entityContentRouteRef = createRouteRef({
  id: 'case-studies:entity-content',
});

/** The page's Rollouts tab: the platform team's campaigns. */
export const rolloutsRouteRef = createSubRouteRef({
  id: 'case-studies:rollouts',
  parent: rootRouteRef,
  path: '/rollouts',
});

/** One rollout's page; the backend's reminders link to `/case-studies/rollouts/:id`. */
export const rolloutRouteRef = createSubRouteRef({
  id: 'case-studies:rollout',
  parent: rootRouteRef,
  path: '/rollouts/:id',
});
