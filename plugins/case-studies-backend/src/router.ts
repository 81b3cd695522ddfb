import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { ChecklistStore } from './database/ChecklistStore';
import { createEntityRoutes } from './routes/entities';
import { createKnowledgeRoutes } from './routes/knowledge';
import { createRolloutRoutes } from './routes/rollouts';
import { createScorecardRoutes } from './routes/scorecards';
import { createTeamRoutes } from './routes/teams';
import { databaseDeadline } from './routes/databaseDeadline';
import { errorHandler } from './routes/errors';
import { ChecklistService } from './service/ChecklistService';
import { DatabaseHealth } from './service/DatabaseHealth';
import { DatabaseSettings } from './service/loadDatabaseSettings';
import { GuidanceCache } from './service/GuidanceCache';
import { GuidanceService } from './service/GuidanceService';
import { RolloutService } from './service/RolloutService';
import { RollupService } from './service/RollupService';
import { ScorecardService } from './service/ScorecardService';
import { SerialisedJson } from './service/SerialisedJson';

/** The services the routes delegate to, built by the plugin. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  databaseHealth: DatabaseHealth;
  databaseSettings: DatabaseSettings;
  /** `GET /knowledge`: the knowledge base, serialised once */
  knowledgeResponse: SerialisedJson;
  guidanceService: GuidanceService;
  guidanceCache: GuidanceCache;
  checklistService: ChecklistService;
  checklistStore: ChecklistStore;
  rollupService: RollupService;
  scorecardService: ScorecardService;
  rolloutService: RolloutService;
}

/**
 * The REST API. Routes live in `routes/`, one module per resource; each
 * validates input (`routes/request.ts`), authenticates and delegates to the
 * services: matching and scoring live in the common package, checklist rules
 * in ChecklistService, persistence in the store.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { databaseHealth, databaseSettings, logger } = options;
  const { retryAfterSeconds } = databaseSettings;
  const router = Router();

  // Liveness: the process answers. Stays up while the database is down, so
  // an orchestrator does not restart a backend that would recover by itself.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness: whether requests can be served now, database included.
  router.get('/health/readiness', async (_req, res) => {
    const database = await databaseHealth.probe();
    if (database.status !== 'ok') {
      res.setHeader('Retry-After', String(retryAfterSeconds));
    }
    res
      .status(database.status === 'ok' ? 200 : 503)
      .json({ status: database.status, database });
  });

  router.use(
    databaseDeadline({
      health: databaseHealth,
      waitMs: databaseSettings.timeoutMs,
      retryAfterSeconds,
    }),
  );
  router.use(express.json({ limit: '1mb' }));

  // The route modules (routes/), one per resource: mount new ones here.
  router.use(createKnowledgeRoutes(options));
  router.use(createEntityRoutes(options));
  router.use(createTeamRoutes(options));
  router.use(createScorecardRoutes(options));
  router.use(createRolloutRoutes(options));

  router.use(
    (
      error: Error,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      // express.json() rejects malformed bodies with a SyntaxError; make it a
      // Backstage InputError so it is a 400 naming the problem.
      if (error instanceof SyntaxError && 'body' in error) {
        next(new InputError(`body: not valid JSON (${error.message})`));
        return;
      }
      next(error);
    },
  );
  router.use(errorHandler({ logger, retryAfterSeconds }));

  return router;
}
