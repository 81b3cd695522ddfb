import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
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
import { DatabaseReminderStore } from './database/DatabaseReminderStore';
import {
  RolloutReminders,
  scheduleReminders,
} from './service/RolloutReminders';
import { RollupService } from './service/RollupService';
import { ScorecardService } from './service/ScorecardService';
import { scheduleSnapshots } from './service/scheduleSnapshots';
import { loadSnapshotSettings } from './service/loadSnapshotSettings';
import { loadKnowledge } from './service/loadKnowledge';
import { loadDatabaseSettings } from './service/loadDatabaseSettings';
import { DatabaseHealth } from './service/DatabaseHealth';
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
        instanceMetadata: coreServices.rootInstanceMetadata,
        // Always resolvable (it has a default factory); whether a
        // notifications backend is there is decided in scheduleReminders.
        notifications: notificationService,
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
        instanceMetadata,
        notifications,
      }) {
        permissionsRegistry.addPermissions(caseStudiesPermissions);

        const scoring = loadScoringRules(config);
        const databaseSettings = loadDatabaseSettings(config);
        const knowledge = await loadKnowledge({ config, logger });
        const checklistStore = await DatabaseChecklistStore.create({
          database,
        });
        const guidanceService = new GuidanceService(knowledge, scoring);
        const guidanceCache = new GuidanceCache(catalog, guidanceService);
        const rolloutService = new RolloutService({
          store: await DatabaseRolloutStore.create({ database }),
          checklistStore,
          catalog,
          auth,
          permissions,
          knowledge,
        });
        const checklistService = new ChecklistService({
          checklistStore,
          guidanceCache,
          permissions,
          rolloutItemsOf: async (entityRef, credentials) =>
            new Set(
              (
                await rolloutService.list({
                  state: 'active',
                  entity: entityRef,
                  credentials,
                })
              ).flatMap(rollout => rollout.itemIds),
            ),
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

        await scheduleReminders({
          config,
          scheduler,
          logger,
          instanceMetadata,
          reminders: new RolloutReminders({
            rolloutService,
            store: await DatabaseReminderStore.create({ database }),
            notifications,
            auth,
            logger,
            knowledge,
          }),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            databaseSettings,
            databaseHealth: new DatabaseHealth(
              await database.getClient(),
              databaseSettings.timeoutMs,
            ),
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
        // both /health (liveness) and /health/readiness
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
