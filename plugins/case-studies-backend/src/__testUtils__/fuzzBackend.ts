import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { LoggerService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  caseStudiesChecklistUpdatePermission,
  caseStudiesRolloutManagePermission,
} from '@case-studies/plugin-case-studies-common';
import { Server } from 'http';
import { Knex } from 'knex';
import { AddressInfo } from 'net';
import { rollupCatalog } from '../testing/rollupCatalog';
import { FuzzCredentials } from './fuzzRequests';
import { startPluginBackend } from './startPluginBackend';

/*
 * The plugin as the fuzz suite drives it: the real backend over a test
 * database and the roll-up catalog, with a permission policy like the demo's,
 * no scheduled tasks (a snapshot or reminder run mid-fuzz would change the
 * store under a rejected request), and a logger that keeps what the error
 * handler logs so a 500 can be reported with its cause.
 */

/** alice is in the payments group: she owns what payments owns. */
export const OWNER = 'user:default/alice';
/** bob is in the platform group: manages rollouts, changes any checklist. */
export const PLATFORM = 'user:default/bob';
/** mallory owns nothing and is in no platform group here. */
export const STRANGER = 'user:default/mallory';

const OWNED_BY_ALICE = new Set([
  'component:default/checkout',
  'component:default/hidden-service',
  'system:default/payments-system',
  'domain:default/money',
]);

export const credentialHeaders: Record<FuzzCredentials, string | undefined> = {
  owner: mockCredentials.user.header(OWNER),
  nonOwner: mockCredentials.user.header(STRANGER),
  platform: mockCredentials.user.header(PLATFORM),
  service: mockCredentials.service.header(),
  none: undefined,
  garbage: 'Bearer not-a-token',
};

/** The plugin's tables (migrations/), with the columns that order their rows. */
const TABLES: { name: string; order: string[] }[] = [
  { name: 'checklist_status', order: ['entity_ref', 'item_id'] },
  { name: 'checklist_history', order: ['id'] },
  { name: 'rollout', order: ['id'] },
  { name: 'rollout_history', order: ['id'] },
  { name: 'rollout_member', order: ['rollout_id', 'entity_ref'] },
  {
    name: 'rollout_reminder',
    order: ['rollout_id', 'entity_ref', 'kind', 'deadline'],
  },
  {
    name: 'rollout_exemption_approval',
    order: ['rollout_id', 'entity_ref', 'item_id', 'exemption_version'],
  },
  { name: 'scorecard_snapshot_entity', order: ['snapshot_day', 'entity_ref'] },
  { name: 'scorecard_snapshot', order: ['snapshot_day'] },
];

const WRITES_TABLE = 'fuzz_writes';

/**
 * Adds to the test database (not to the plugin's schema) a counter that
 * row-level triggers on every table of the plugin increase on each insert,
 * update and delete: reading one number tells whether a request wrote
 * anything, even a row rewritten with the same values. A write that is
 * rolled back takes its count with it.
 */
export async function installWriteCounter(knex: Knex): Promise<void> {
  await knex.schema.createTable(WRITES_TABLE, table => {
    table.bigInteger('n').notNullable();
  });
  await knex(WRITES_TABLE).insert({ n: 0 });
  const postgres = knex.client.config.client === 'pg';
  if (postgres) {
    await knex.raw(`
      create function fuzz_count_write() returns trigger as $$
      begin
        update ${WRITES_TABLE} set n = n + 1;
        return null;
      end $$ language plpgsql`);
  }
  for (const { name } of TABLES) {
    if (postgres) {
      await knex.raw(
        `create trigger fuzz_${name} after insert or update or delete on ${name}
         for each row execute function fuzz_count_write()`,
      );
    } else {
      for (const operation of ['insert', 'update', 'delete']) {
        await knex.raw(
          `create trigger fuzz_${name}_${operation} after ${operation} on ${name}
           begin update ${WRITES_TABLE} set n = n + 1; end`,
        );
      }
    }
  }
}

/** How many rows the plugin has written since installWriteCounter. */
export async function writeCount(knex: Knex): Promise<string> {
  const [row] = await knex(WRITES_TABLE).select('n');
  return String(row.n);
}

/** Every row of every table of the plugin, ordered: the exact store. */
export async function storeDump(knex: Knex): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const { name, order } of TABLES) {
    dump[name] = await knex(name).select('*').orderBy(order);
  }
  return JSON.stringify(dump);
}

/** Empties every table of the plugin. */
export async function clearStore(knex: Knex): Promise<void> {
  for (const { name } of TABLES) {
    await knex(name).delete();
  }
}

/** What the backend's error handler logged, for reporting a 5xx with its cause. */
export class CapturedErrors {
  private messages: string[] = [];

  readonly logger: LoggerService = {
    error: (message: string, meta?: Error | object) => {
      let cause = '';
      if (meta instanceof Error) cause = `: ${meta.name}: ${meta.message}`;
      else if (meta) cause = `: ${JSON.stringify(meta)}`;
      this.messages.push(`${message}${cause}`);
    },
    warn: () => {},
    info: () => {},
    debug: () => {},
    child: () => this.logger,
  };

  /** The messages logged since the last call. */
  take(): string[] {
    const taken = this.messages;
    this.messages = [];
    return taken;
  }
}

export interface FuzzBackend {
  knex: Knex;
  server: Server;
  port: number;
  errors: CapturedErrors;
}

/** The real plugin on the given test database, listening on a local port. */
export async function startFuzzBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<FuzzBackend> {
  const knex = await databases.init(databaseId);
  const errors = new CapturedErrors();
  const server = await startPluginBackend({
    knex,
    entities: rollupCatalog,
    features: [
      mockServices.permissions.mock({
        authorize: async (requests, options) => {
          const user = (
            options.credentials.principal as { userEntityRef?: string }
          ).userEntityRef;
          return requests.map(r => {
            let allowed = true;
            if (r.permission.name === caseStudiesRolloutManagePermission.name) {
              allowed = user === PLATFORM;
            } else if (
              r.permission.name === caseStudiesChecklistUpdatePermission.name
            ) {
              const resourceRef = (r as { resourceRef?: string }).resourceRef;
              allowed =
                user === PLATFORM ||
                (user === OWNER && OWNED_BY_ALICE.has(resourceRef ?? ''));
            }
            return {
              result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
            };
          });
        },
      }).factory,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootLogger.mock(
        errors.logger as Parameters<typeof mockServices.rootLogger.mock>[0],
      ).factory,
    ],
  });
  await installWriteCounter(knex);
  const port = (server.address() as AddressInfo).port;
  return { knex, server: server as unknown as Server, port, errors };
}
