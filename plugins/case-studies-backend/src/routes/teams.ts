import { HttpAuthService } from '@backstage/backend-plugin-api';
import { RollupScope } from '@case-studies/plugin-case-studies-common';
import express from 'express';
import Router from 'express-promise-router';
import { RollupService } from '../service/RollupService';
import { parseInput, parseNamespacedRef, rollupQuerySchema } from './request';

/** The roll-up routes and the scope each serves. */
const ROLLUP_ROUTES: { path: string; scope: RollupScope }[] = [
  { path: '/groups/:namespace/:name/progress', scope: 'group' },
  { path: '/users/:namespace/:name/progress', scope: 'user' },
  { path: '/systems/:namespace/:name/progress', scope: 'system' },
  { path: '/domains/:namespace/:name/progress', scope: 'domain' },
];

/**
 * `/groups/…/progress` and its siblings for users, systems and domains: the
 * scored entities below a team, a user's teams, a system or a domain.
 */
export function createTeamRoutes(options: {
  httpAuth: HttpAuthService;
  rollupService: RollupService;
}): express.Router {
  const { httpAuth, rollupService } = options;
  const router = Router();

  for (const { path, scope } of ROLLUP_ROUTES) {
    router.get(path, async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const query = parseInput(rollupQuerySchema, req.query, 'query');
      const ref = parseNamespacedRef(req, scope);
      res.json(
        await rollupService.progress({
          scope,
          ref,
          recursive: query.recursive,
          page: { limit: query.limit, cursor: query.cursor },
          credentials,
        }),
      );
    });
  }

  return router;
}
