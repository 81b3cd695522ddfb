import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { caseStudiesApiRef, CaseStudiesClient } from './api';
import {
  entityContentRouteRef,
  rolloutRouteRef,
  rolloutsRouteRef,
  rootRouteRef,
  scorecardsRouteRef,
} from './routes';

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
    scorecards: scorecardsRouteRef,
    rollouts: rolloutsRouteRef,
    rollout: rolloutRouteRef,
  },
});

/**
 * The Case Studies tab, for `EntityLayout.Route path="/case-studies"` on any
 * entity page. On group, system, domain and user pages it shows the roll-up
 * of the entities below them. @public
 */
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

/**
 * The overview card: checklist score and level, the top warning and a link
 * to the tab (at `case-studies` next to the overview). @public
 */
export const EntityCaseStudiesCard = caseStudiesPlugin.provide(
  createComponentExtension({
    name: 'EntityCaseStudiesCard',
    component: {
      lazy: () =>
        import('./components/EntityCaseStudiesCard').then(
          m => m.EntityCaseStudiesCard,
        ),
    },
  }),
);

/**
 * The group overview card: mean score, level distribution and the three
 * lowest-scoring entities of the team and its sub-teams, with a link to the
 * tab (at `case-studies` next to the overview). @public
 */
export const EntityTeamProgressCard = caseStudiesPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamProgressCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamProgressCard').then(
          m => m.EntityTeamProgressCard,
        ),
    },
  }),
);

/**
 * The standalone page, with tabs: the knowledge library, the teams and their
 * scores, and the scorecard report (at `scorecards` below the page). @public
 */
export const CaseStudiesPage = caseStudiesPlugin.provide(
  createRoutableExtension({
    name: 'CaseStudiesPage',
    component: () =>
      import('./components/CaseStudiesPage').then(m => m.CaseStudiesPage),
    mountPoint: rootRouteRef,
  }),
);
