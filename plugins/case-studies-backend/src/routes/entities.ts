import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { ChecklistStore } from '../database/ChecklistStore';
import { ChecklistService } from '../service/ChecklistService';
import { GuidanceCache } from '../service/GuidanceCache';
import {
  checklistUpdateSchema,
  historyQuerySchema,
  parseChecklistItemId,
  parseEntityRef,
  parseInput,
} from './request';

/** `/entities/:kind/:namespace/:name/…`: one catalog entity's guidance and checklist. */
export function createEntityRoutes(options: {
  httpAuth: HttpAuthService;
  guidanceCache: GuidanceCache;
  checklistService: ChecklistService;
  checklistStore: ChecklistStore;
}): express.Router {
  const { httpAuth, guidanceCache, checklistService, checklistStore } = options;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/guidance', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entry = await guidanceCache.read(parseEntityRef(req), credentials);
    const states = await checklistStore.getStates(entry.context.entityRef);
    guidanceCache.response(entry, states).send(req, res);
  });

  router.get(
    '/entities/:kind/:namespace/:name/checklist/history',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const query = parseInput(historyQuerySchema, req.query, 'query');
      res.json(
        await checklistService.getHistory({
          ref: parseEntityRef(req),
          query,
          credentials,
        }),
      );
    },
  );

  router.put(
    '/entities/:kind/:namespace/:name/checklist/:itemId',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const update = parseInput(checklistUpdateSchema, req.body, 'body');
      const result = await checklistService.updateItem({
        ref: parseEntityRef(req),
        itemId: parseChecklistItemId(req),
        update,
        credentials,
      });
      if (result.outcome === 'conflict') {
        // A Backstage error body, plus the state the client must now show.
        res.status(409).json({
          error: { name: 'ConflictError', message: result.message },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 409 },
          current: result.state,
        });
        return;
      }
      res.json(result.state);
    },
  );

  return router;
}
