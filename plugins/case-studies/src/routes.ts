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
