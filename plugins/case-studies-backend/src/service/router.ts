import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  caseStudiesChecklistUpdatePermission,
  GuidanceResponse,
  KnowledgeBase,
  ScoringRules,
} from '@case-studies/plugin-case-studies-common';
import express from 'express';
import Router from 'express-promise-router';
import { ChecklistStore } from '../database/ChecklistStore';
import { GuidanceService } from './GuidanceService';
import { GuidanceCache } from './GuidanceCache';
import { SerialisedJson } from './SerialisedJson';
import { normalisedRef } from './readEntityContext';
import {
  checklistUpdateSchema,
  entityParamsSchema,
  historyQuerySchema,
  matchRequestSchema,
  parseInput,
} from './validation';

export interface RouterOptions {
  knowledge: KnowledgeBase;
  scoring: ScoringRules;
  checklistStore: ChecklistStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
}

/**
 * The REST API. It validates input, authenticates, authorises and delegates:
 * matching and scoring live in the common package, persistence in the store.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { knowledge, checklistStore, httpAuth, permissions } = options;
  const guidanceService = new GuidanceService(knowledge, options.scoring);
  const guidanceCache = new GuidanceCache(options.catalog, guidanceService);
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The knowledge base never changes while the backend runs.
  const knowledgeResponse = new SerialisedJson(knowledge);
  router.get('/knowledge', async (req, res) => {
    await httpAuth.credentials(req);
    knowledgeResponse.send(req, res);
  });

  router.post('/match', async (req, res) => {
    await httpAuth.credentials(req);
    const body = parseInput(matchRequestSchema, req.body, 'body');
    const result: GuidanceResponse = guidanceService.forStandaloneEntity(
      body.entity as Entity,
      (body.relatedEntities ?? []) as Entity[],
    );
    res.json(result);
  });

  /** The caller's view of the entity in the path, with its guidance. */
  async function readEntity(
    req: express.Request,
    credentials: BackstageCredentials,
  ) {
    const ref = parseInput(entityParamsSchema, req.params, 'path');
    return guidanceCache.read(ref, credentials);
  }

  router.get('/entities/:kind/:namespace/:name/guidance', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entry = await readEntity(req, credentials);
    const states = await checklistStore.getStates(
      normalisedRef(entry.context.entityRef),
    );
    guidanceCache.response(entry, states).send(req, res);
  });

  router.get(
    '/entities/:kind/:namespace/:name/checklist/history',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const query = parseInput(historyQuerySchema, req.query, 'query');
      const { context } = await readEntity(req, credentials);
      res.json(
        await checklistStore.getHistory({
          entityRef: normalisedRef(context.entityRef),
          itemId: query.itemId,
          limit: query.limit,
          cursor: query.cursor,
        }),
      );
    },
  );

  router.put(
    '/entities/:kind/:namespace/:name/checklist/:itemId',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const update = parseInput(checklistUpdateSchema, req.body, 'body');
      const entry = await readEntity(req, credentials);
      const context = entry.context;

      const [decision] = await permissions.authorize(
        [
          {
            permission: caseStudiesChecklistUpdatePermission,
            resourceRef: context.entityRef,
          },
        ],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Only the owners of ${context.entityRef} may change its checklist`,
        );
      }

      const itemId = req.params.itemId;
      const applicability = entry.guidance.checklist.find(
        item => item.id === itemId,
      );
      if (!applicability) {
        throw new NotFoundError(`No checklist item ${itemId}`);
      }
      if (!applicability.applies) {
        throw new NotFoundError(
          `Checklist item ${itemId} does not apply to ${context.entityRef}: ${applicability.explanation}`,
        );
      }

      const result = await checklistStore.applyChange({
        entityRef: normalisedRef(context.entityRef),
        itemId,
        status: update.status,
        note: update.note,
        evidenceUrl: update.evidenceUrl,
        expectedVersion: update.version,
        actor: credentials.principal.userEntityRef,
      });
      if (result.outcome === 'conflict') {
        // A Backstage error body, plus the state the client must now show.
        res.status(409).json({
          error: {
            name: 'ConflictError',
            message: `Checklist item ${itemId} was changed by ${result.state.updatedBy} (now version ${result.state.version}); you sent version ${update.version}`,
          },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 409 },
          current: result.state,
        });
        return;
      }
      res.json(result.state);
    },
  );

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

  return router;
}
