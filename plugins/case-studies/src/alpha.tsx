import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { caseStudiesApiRef, CaseStudiesClient } from './api';
import {
  rolloutRouteRef,
  rolloutsRouteRef,
  rootRouteRef,
  scorecardsRouteRef,
} from './routes';

const caseStudiesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: caseStudiesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CaseStudiesClient({ discoveryApi, fetchApi }),
    }),
});

/** The Case Studies tab on every entity page (a roll-up on groups, systems, domains and users). */
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

/** The overview card: score, level, top warning, link to the tab. */
const caseStudiesEntityCard = EntityCardBlueprint.make({
  params: {
    type: 'info',
    loader: () =>
      import('./components/EntityCaseStudiesCard').then(m => (
        <m.EntityCaseStudiesCard />
      )),
  },
});

/** The group overview card: mean score, levels, the three lowest scores. */
const caseStudiesTeamProgressCard = EntityCardBlueprint.make({
  name: 'team-progress',
  params: {
    type: 'info',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityTeamProgressCard').then(m => (
        <m.EntityTeamProgressCard />
      )),
  },
});

/** The page at /case-studies: library, teams, and scorecards at /case-studies/scorecards. */
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
 * The Case Studies plugin for the new frontend system: the API, the entity
 * tab (`entity-content:case-studies`), the overview card
 * (`entity-card:case-studies`), the group overview card
 * (`entity-card:case-studies/team-progress`) and the page
 * (`page:case-studies`).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'case-studies',
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    scorecards: convertLegacyRouteRef(scorecardsRouteRef),
    rollouts: convertLegacyRouteRef(rolloutsRouteRef),
    rollout: convertLegacyRouteRef(rolloutRouteRef),
  },
  extensions: [
    caseStudiesApi,
    caseStudiesEntityContent,
    caseStudiesEntityCard,
    caseStudiesTeamProgressCard,
    caseStudiesPage,
  ],
});
