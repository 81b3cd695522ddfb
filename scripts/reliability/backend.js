// Starts the demo backend (packages/backend, the real plugin with real auth,
// catalog and permission policy) as a process of its own on a database of
// its own, for the reliability scripts: load, crash and two instances.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createResults: createChecks, waitFor } = require('../checks');

const repoRoot = path.resolve(__dirname, '..', '..');

/** The local PostgreSQL server, as scripts/lib.sh's use_local_postgres finds it. */
function postgresConnection() {
  return {
    host: process.env.POSTGRES_HOST ?? '127.0.0.1',
    port: Number(process.env.POSTGRES_PORT ?? 5432),
    user: process.env.POSTGRES_USER ?? 'postgres',
    password: process.env.POSTGRES_PASSWORD ?? '',
  };
}

/** Runs SQL on the local PostgreSQL server's `postgres` database with psql. */
function psql(sql) {
  const { host, port, user } = postgresConnection();
  return execFileSync(
    'psql',
    ['-h', host, '-p', String(port), '-U', user, '-d', 'postgres', '-tAc', sql],
    { encoding: 'utf8' },
  );
}

/**
 * A database for one run: a SQLite directory, or a prefix for PostgreSQL
 * (each plugin's database is `<prefix><pluginId>`), dropped by `cleanUp`.
 */
function createDatabase(kind, name) {
  if (kind === 'sqlite') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    return {
      kind,
      config: { client: 'better-sqlite3', connection: { directory } },
      cleanUp: () => fs.rmSync(directory, { recursive: true, force: true }),
    };
  }
  const prefix = `${name.replace(/[^a-z0-9]/g, '_')}_${process.pid}_`;
  return {
    kind,
    config: {
      client: 'pg',
      connection: postgresConnection(),
      pluginDivisionMode: 'database',
      prefix,
    },
    cleanUp() {
      const names = psql(
        `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`,
      )
        .split('\n')
        .filter(Boolean);
      for (const database of names) {
        psql(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      }
    },
  };
}

function log(message) {
  console.log(`[reliability] ${message}`);
}

/**
 * Starts one backend on `port` with `database` (from createDatabase) and
 * resolves once it serves the Case Studies API and the catalog has the
 * guest's team. `extraConfig` is merged into its app-config.
 */
async function startBackend({ port, database, name, extraConfig = {} }) {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-config-`));
  const configFile = path.join(configDir, 'app-config.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
        database: database.config,
      },
      ...extraConfig,
    }),
  );
  const logPath = path.join(repoRoot, '.data', `${name}.log`);
  fs.mkdirSync(path.dirname(logPath), { recursive: true });
  const logFile = fs.openSync(logPath, 'w');
  const child = spawn(
    'yarn',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: path.join(repoRoot, 'packages', 'backend'),
      stdio: ['ignore', logFile, logFile],
      detached: true,
      env: { ...process.env, NODE_ENV: 'development' },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const backend = {
    url,
    child,
    logPath,
    /** The guest's token: a member of the payments team, owner of its services. */
    async token() {
      const response = await fetch(`${url}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      if (!response.ok) throw new Error(`guest sign-in: ${response.status}`);
      return (await response.json()).backstageIdentity;
    },
    /** Ends it gracefully. */
    async stop() {
      await signal(child, 'SIGTERM');
    },
    /** Ends it the hard way: no shutdown hooks, no flushing. */
    async kill() {
      await signal(child, 'SIGKILL');
    },
  };
  await waitFor(
    `the backend on :${port} (log ${logPath})`,
    async () => {
      if (child.exitCode !== null) {
        throw Object.assign(
          new Error(
            `the backend exited with ${child.exitCode}; see ${logPath}`,
          ),
          { fatal: true },
        );
      }
      const identity = await backend.token();
      if (
        !identity.identity.ownershipEntityRefs.includes(
          'group:default/payments-team',
        )
      ) {
        return false;
      }
      const entity = await fetch(
        `${url}/api/catalog/entities/by-name/component/default/payments-monolith`,
        { headers: { Authorization: `Bearer ${identity.token}` } },
      );
      return entity.ok;
    },
    240_000,
  );
  return backend;
}

/** Sends a signal to the backend's whole process group and waits for it to end. */
async function signal(child, name) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise(resolve => child.once('exit', resolve));
  try {
    process.kill(-child.pid, name);
  } catch {
    return;
  }
  await Promise.race([ended, new Promise(r => setTimeout(r, 20_000))]);
}

/** Every history entry of one item of an entity, newest first, through the API. */
async function itemHistory(backend, token, entityPath, itemId) {
  const entries = [];
  let cursor;
  do {
    const query = new URLSearchParams({ itemId, limit: '200' });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(
      `${backend.url}/api/case-studies/entities/${entityPath}/checklist/history?${query}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) throw new Error(`history: ${response.status}`);
    const page = await response.json();
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

/** One checklist write through the API; the body is parsed when it is JSON. */
async function putItem(backend, token, entityPath, itemId, body) {
  const response = await fetch(
    `${backend.url}/api/case-studies/entities/${entityPath}/checklist/${itemId}`,
    {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    },
  );
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: response.status, body: json };
}

/** The checklist state of one item of an entity, from its guidance. */
async function itemState(backend, token, entityPath, itemId) {
  const response = await fetch(
    `${backend.url}/api/case-studies/entities/${entityPath}/guidance`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!response.ok) throw new Error(`guidance: ${response.status}`);
  const guidance = await response.json();
  return guidance.checklist.find(item => item.id === itemId)?.state;
}

/** Checks of a reliability script, written to `file` for scripts/summarise-tests.js. */
function createResults(file) {
  return createChecks({ file, prefix: 'reliability' });
}

module.exports = {
  createDatabase,
  createResults,
  itemHistory,
  itemState,
  log,
  putItem,
  repoRoot,
  startBackend,
  waitFor,
};
