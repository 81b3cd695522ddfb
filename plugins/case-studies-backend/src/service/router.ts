import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KnowledgeBase } from '@case-studies/plugin-case-studies-common';
import express from 'express';
import Router from 'express-promise-router';
import { ChecklistStore } from '../database/ChecklistStore';

export interface RouterOptions {
  knowledge: KnowledgeBase;
  checklistStore: ChecklistStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
}

/**
 * The REST API. It validates input, authorises and delegates; the logic lives
 * in the common package (matching, scoring) and the store.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { knowledge } = options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/knowledge', (_req, res) => {
    res.json(knowledge);
  });

  return router;
}
