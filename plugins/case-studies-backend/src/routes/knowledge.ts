import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { GuidanceResponse } from '@case-studies/plugin-case-studies-common';
import express from 'express';
import Router from 'express-promise-router';
import { GuidanceService } from '../service/GuidanceService';
import { SerialisedJson } from '../service/SerialisedJson';
import { matchRequestSchema, parseInput } from './request';

/** `GET /knowledge` and `POST /match`: the knowledge base, and guidance for any entity. */
export function createKnowledgeRoutes(options: {
  httpAuth: HttpAuthService;
  knowledgeResponse: SerialisedJson;
  guidanceService: GuidanceService;
}): express.Router {
  const { httpAuth, knowledgeResponse, guidanceService } = options;
  const router = Router();

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

  return router;
}
