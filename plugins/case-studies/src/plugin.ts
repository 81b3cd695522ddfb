import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { caseStudiesApiRef, CaseStudiesClient } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/** The Case Studies plugin for the legacy frontend system. @public */
export const caseStudiesPlugin = createPlugin({
  id: 'case-studies',
  apis: [
    createApiFactory({
      api: caseStudiesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CaseStudiesClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/** The Case Studies tab, for `EntityLayout.Route` on any entity page. @public */
export const EntityCaseStudiesContent = caseStudiesPlugin.provide(
  createRoutableExtension({
    name: 'EntityCaseStudiesContent',
    component: () =>
      import('./components/EntityCaseStudiesContent').then(
        m => m.EntityCaseStudiesContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/** The standalone page: the knowledge library. @public */
export const CaseStudiesPage = caseStudiesPlugin.provide(
  createRoutableExtension({
    name: 'CaseStudiesPage',
    component: () =>
      import('./components/CaseStudiesPage').then(m => m.CaseStudiesPage),
    mountPoint: rootRouteRef,
  }),
);
