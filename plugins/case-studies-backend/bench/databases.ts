/**
 * Databases for the benches: SQLite (better-sqlite3, one connection; in
 * memory unless a file is named) and a fresh PostgreSQL database per run on
 * the local server, dropped after; each knex counts its queries. Not
 * shipped (outside `src/`).
 */
import { randomBytes } from 'crypto';
import { Knex, knex as createKnex } from 'knex';

/** The server's maintenance database: where bench databases are created and dropped. */
export const DEFAULT_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabaseKind = 'SQLite' | 'PostgreSQL';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** how another process opens it (see `connectDatabase`): a file or a connection string */
  location: string;
  knex: Knex;
  /** queries sent since the database was opened (knex 'query' events) */
  queries(): number;
  /** closes the connections (and drops a database `openPostgres` created) */
  close(): Promise<void>;
}

function counted(knex: Knex) {
  let queries = 0;
  knex.on('query', () => {
    queries++;
  });
  return () => queries;
}

/** SQLite, in memory by default: the stores' own cost without the disk's. */
export function sqliteKnex(filename = ':memory:'): Knex {
  return createKnex({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
}

function database(
  kind: BenchDatabaseKind,
  location: string,
  knex: Knex,
  close: () => Promise<void> = () => knex.destroy(),
): BenchDatabase {
  return { kind, location, knex, queries: counted(knex), close };
}

/** A database another process created: connects, and only disconnects on close. */
export function connectDatabase(
  kind: BenchDatabaseKind,
  location: string,
): BenchDatabase {
  return database(
    kind,
    location,
    kind === 'SQLite'
      ? sqliteKnex(location)
      : createKnex({ client: 'pg', connection: location }),
  );
}

/** The server's version, or why it cannot be reached. */
export async function probePostgres(
  url = DEFAULT_POSTGRES_URL,
): Promise<{ version: string } | { unreachable: string }> {
  const admin = createKnex({
    client: 'pg',
    connection: { connectionString: url, connectionTimeoutMillis: 3000 },
    pool: { min: 0, max: 1 },
  });
  try {
    const result = await admin.raw('show server_version');
    return { version: String(result.rows[0].server_version).split(' ')[0] };
  } catch (error) {
    return { unreachable: String((error as Error)?.message ?? error) };
  } finally {
    await admin.destroy();
  }
}

/**
 * A fresh database `<prefix>_<random>` on the server of `url`, with knex's
 * default pool (up to 10 connections, as a backend plugin gets), dropped on
 * close.
 */
export async function openPostgres(
  prefix: string,
  url = DEFAULT_POSTGRES_URL,
): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = createKnex({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 1 },
  });
  await admin.raw('create database ??', [name]);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const knex = createKnex({ client: 'pg', connection: target.toString() });
  return database('PostgreSQL', target.toString(), knex, async () => {
    await knex.destroy();
    try {
      await admin.raw('drop database if exists ??', [name]);
    } finally {
      await admin.destroy();
    }
  });
}

/**
 * Opens a database of the kind (SQLite in `sqliteFile`, or in memory), runs
 * `use` on it and closes it whatever happens.
 */
export async function withDatabase<T>(
  kind: BenchDatabaseKind,
  prefix: string,
  use: (db: BenchDatabase) => Promise<T>,
  sqliteFile = ':memory:',
): Promise<T> {
  const db =
    kind === 'SQLite'
      ? database('SQLite', sqliteFile, sqliteKnex(sqliteFile))
      : await openPostgres(prefix);
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}
