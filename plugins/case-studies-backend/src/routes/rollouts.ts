import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { RolloutConflict, RolloutService } from '../service/RolloutService';
import {
  exemptionApprovalSchema,
  parseInput,
  rolloutCreateSchema,
  rolloutIdSchema,
  rolloutListQuerySchema,
  rolloutPatchSchema,
} from './request';

/** `/rollouts`: a platform team's campaigns, their history and progress. */
export function createRolloutRoutes(options: {
  httpAuth: HttpAuthService;
  rolloutService: RolloutService;
}): express.Router {
  const { httpAuth, rolloutService } = options;
  const router = Router();
  const rolloutId = (req: express.Request) =>
    parseInput(rolloutIdSchema, req.params, 'path').id;

  router.get('/rollouts', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parseInput(rolloutListQuerySchema, req.query, 'query');
    res.json({
      rollouts: await rolloutService.list({ ...query, credentials }),
    });
  });

  router.post('/rollouts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const input = parseInput(rolloutCreateSchema, req.body, 'body');
    res.status(201).json(await rolloutService.create(input, credentials));
  });

  router.get('/rollouts/:id', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await rolloutService.get(rolloutId(req)));
  });

  router.patch('/rollouts/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = rolloutId(req);
    const patch = parseInput(rolloutPatchSchema, req.body, 'body');
    const result = await rolloutService.update(id, patch, credentials);
    if (result instanceof RolloutConflict) {
      // A Backstage error body, plus the rollout the client must now show.
      res.status(409).json({
        error: {
          name: 'ConflictError',
          message: `Rollout ${id} changed since version ${patch.version}; it is at version ${result.rollout.version}`,
        },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 409 },
        current: result.rollout,
      });
      return;
    }
    res.json(result);
  });

  router.post('/rollouts/:id/approvals', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = rolloutId(req);
    const approval = parseInput(exemptionApprovalSchema, req.body, 'body');
    res
      .status(201)
      .json(await rolloutService.approveExemption(id, approval, credentials));
  });

  router.get('/rollouts/:id/progress', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await rolloutService.progress(rolloutId(req), credentials));
  });

  return router;
}
