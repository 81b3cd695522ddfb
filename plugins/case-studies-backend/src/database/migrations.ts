import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The Knex migrations shipped with the package, one directory for every table. */
export const migrationsDir = resolvePackagePath(
  '@case-studies/plugin-case-studies-backend',
  'migrations',
);

/**
 * The plugin's database client, migrated to the latest schema unless the
 * database service (or the caller) says migrations are skipped.
 */
export async function migratedClient(options: {
  database: DatabaseService;
  skipMigrations?: boolean;
}): Promise<Knex> {
  const client = await options.database.getClient();
  const skip =
    options.skipMigrations ?? options.database.migrations?.skip ?? false;
  if (!skip) {
    await migrateLatest(client);
  }
  return client;
}

/** The PostgreSQL advisory lock the plugin's migrations are serialised with (any constant; per database). */
const MIGRATION_LOCK_KEY = 0x6361_7365_5374; // "caseSt"

/**
 * Migrates to the latest schema. On PostgreSQL, instances that start at the
 * same moment take turns through an advisory lock: Knex's own migration lock
 * does not cover the creation of its lock table, and instances racing there
 * fail or leave the lock held. The lock is held by a transaction of its own
 * (released on commit, or when its connection dies), while the migrations
 * run on other connections; whoever comes second finds nothing to do.
 */
async function migrateLatest(client: Knex): Promise<void> {
  if (!['pg', 'postgres', 'postgresql'].includes(client.client.config.client)) {
    await client.migrate.latest({ directory: migrationsDir });
    return;
  }
  await client.transaction(async lock => {
    await lock.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    await client.migrate.latest({ directory: migrationsDir });
  });
}

/** Whether a write failed on a primary key or unique constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || // PostgreSQL unique_violation
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
