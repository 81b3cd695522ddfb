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
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
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
