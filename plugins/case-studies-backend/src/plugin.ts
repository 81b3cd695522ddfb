import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { caseStudiesPermissions } from '@case-studies/plugin-case-studies-common';
import { DatabaseChecklistStore } from './database/DatabaseChecklistStore';
import { createRouter } from './router';
import { ChecklistService } from './service/ChecklistService';
import { GuidanceCache } from './service/GuidanceCache';
import { GuidanceService } from './service/GuidanceService';
import { DatabaseRolloutStore } from './database/DatabaseRolloutStore';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { EntityScorer } from './service/EntityScorer';
import { RolloutService } from './service/RolloutService';
import { RollupService } from './service/RollupService';
import { ScorecardService } from './service/ScorecardService';
import { scheduleSnapshots } from './service/scheduleSnapshots';
import { loadSnapshotSettings } from './service/loadSnapshotSettings';
import { loadKnowledge } from './service/loadKnowledge';
import { loadScoringRules } from './service/loadScoringRules';
import { SerialisedJson } from './service/SerialisedJson';

/**
 * The Case Studies backend plugin, mounted at `/api/case-studies`.
 *
 * @public
 */
export const caseStudiesPlugin = createBackendPlugin({
  pluginId: 'case-studies',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.rootLifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        auth,
        scheduler,
        lifecycle,
        catalog,
      }) {
        permissionsRegistry.addPermissions(caseStudiesPermissions);

        const scoring = loadScoringRules(config);
        const knowledge = await loadKnowledge({ config, logger });
        const checklistStore = await DatabaseChecklistStore.create({
          database,
        });
        const guidanceService = new GuidanceService(knowledge, scoring);
        const guidanceCache = new GuidanceCache(catalog, guidanceService);
        const checklistService = new ChecklistService({
          checklistStore,
          guidanceCache,
          permissions,
        });
        const scorer = new EntityScorer({
          catalog,
          knowledge,
          scoring,
          guidanceService,
          checklistStore,
          cachedGuidance: (ref, credentials) =>
            guidanceCache.peek(ref, credentials),
        });
        const rollupService = new RollupService({
          catalog,
          knowledge,
          scoring,
          scorer,
        });
        const snapshotSettings = loadSnapshotSettings(config);
        const scorecardService = new ScorecardService({
          catalog,
          auth,
          scorer,
          store: await DatabaseScorecardStore.create({ database }),
          scoring,
          logger,
          retentionDays: snapshotSettings.retentionDays,
        });
        await scheduleSnapshots({
          scheduler,
          lifecycle,
          logger,
          scorecardService,
          schedule: snapshotSettings.schedule,
        });

        const rolloutService = new RolloutService({
          store: await DatabaseRolloutStore.create({ database }),
          checklistStore,
          catalog,
          auth,
          permissions,
          knowledge,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            // The knowledge base never changes while the backend runs.
            knowledgeResponse: new SerialisedJson(knowledge),
            guidanceService,
            guidanceCache,
            checklistService,
            checklistStore,
            rollupService,
            scorecardService,
            rolloutService,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
