import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  KnowledgeBase,
  RolloutInput,
} from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import { DatabaseChecklistStore } from '../database/DatabaseChecklistStore';
import { DatabaseRolloutStore } from '../database/DatabaseRolloutStore';
import { RolloutService } from '../service/RolloutService';

/**
 * The rollout service on a test database over a catalog, with every
 * permission allowed and the time given by `clock`; `database` is for
 * further stores on the same database.
 */
export async function rolloutServices(options: {
  knex: Knex;
  catalog: CatalogService;
  knowledge: KnowledgeBase;
  clock: () => Date;
}) {
  const database = {
    getClient: async () => options.knex,
    migrations: { skip: false },
  };
  const checklistStore = await DatabaseChecklistStore.create({ database });
  const service = new RolloutService({
    store: await DatabaseRolloutStore.create({ database }),
    checklistStore,
    catalog: options.catalog,
    auth: mockServices.auth(),
    permissions: mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    }),
    knowledge: options.knowledge,
    clock: options.clock,
  });
  return { database, checklistStore, service };
}

/** An active rollout of idempotency keys on POST for everything tagged `payments`, November and December 2026. */
export const paymentsHardening: Required<RolloutInput> = {
  title: 'Payments hardening',
  description: '',
  itemIds: ['idempotency-keys-on-post'],
  target: { tags: ['payments'] },
  startDate: '2026-11-01',
  dueDate: '2026-12-31',
  state: 'active',
  requireExemptionApproval: false,
};
