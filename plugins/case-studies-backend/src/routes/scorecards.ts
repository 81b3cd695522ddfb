import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { scorecardCsv, scorecardCsvFilename } from '../service/scorecardCsv';
import { ScorecardService } from '../service/ScorecardService';
import {
  parseEntityRef,
  parseInput,
  scorecardHistoryQuerySchema,
  scorecardQuerySchema,
  scoreHistoryQuerySchema,
} from './request';

/** `/scorecards`, its history, and one entity's score history. */
export function createScorecardRoutes(options: {
  httpAuth: HttpAuthService;
  scorecardService: ScorecardService;
}): express.Router {
  const { httpAuth, scorecardService } = options;
  const router = Router();

  router.get('/scorecards', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { groupBy, kind, type, lifecycle, format, live } = parseInput(
      scorecardQuerySchema,
      req.query,
      'query',
    );
    const report = await scorecardService.report({
      groupBy,
      filters: { kind, type, lifecycle },
      live,
      credentials,
    });
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(scorecardCsvFilename(report))
        .send(scorecardCsv(report));
      return;
    }
    res.json(report);
  });

  router.get('/scorecards/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { groupBy, kind, type, lifecycle, range } = parseInput(
      scorecardHistoryQuerySchema,
      req.query,
      'query',
    );
    res.json(
      await scorecardService.history({
        groupBy,
        filters: { kind, type, lifecycle },
        range,
        credentials,
      }),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/score/history',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { range } = parseInput(scoreHistoryQuerySchema, req.query, 'query');
      res.json(
        await scorecardService.entityHistory({
          ref: parseEntityRef(req),
          range,
          credentials,
        }),
      );
    },
  );

  return router;
}
