import { createRouteRef } from '@backstage/core-plugin-api';

/** The standalone Case Studies page (knowledge library, later team and rollout views). */
export const rootRouteRef = createRouteRef({ id: 'case-studies' });

/** The Case Studies tab on an entity page. */
export const entityContentRouteRef = createRouteRef({
  id: 'case-studies:entity-content',
});
