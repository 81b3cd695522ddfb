import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { caseStudiesApiRef, CaseStudiesClient } from './api';
import { rootRouteRef } from './routes';

const caseStudiesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: caseStudiesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CaseStudiesClient({ discoveryApi, fetchApi }),
    }),
});

const caseStudiesEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'case-studies',
    title: 'Case Studies',
    loader: () =>
      import('./components/EntityCaseStudiesContent').then(m => (
        <m.EntityCaseStudiesContent />
      )),
  },
});

const caseStudiesPage = PageBlueprint.make({
  params: {
    path: '/case-studies',
    title: 'Case Studies',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/CaseStudiesPage').then(m => <m.CaseStudiesPage />),
  },
});

/**
 * The Case Studies plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'case-studies',
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [caseStudiesApi, caseStudiesEntityContent, caseStudiesPage],
});
