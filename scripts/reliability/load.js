// Concurrency proof (issue 16): the real backend on SQLite and on PostgreSQL,
// 1,000 conflicting updates of two checklist items from 50 clients at once,
// half with the version they last saw (optimistic), half without. Checks:
// no 5xx; every accepted write is in the item's history, exactly once;
// versions are gapless; losers of versioned writes get 409 with the current
// state; unversioned writes all succeed; the final state is the last
// accepted write.
//
//   yarn test:load [--databases sqlite,postgres] [--writes 1000] [--clients 50]
const path = require('path');
const { parseArgs } = require('util');
const {
  createDatabase,
  createResults,
  itemHistory,
  itemState,
  log,
  putItem,
  repoRoot,
  startBackend,
} = require('./backend');

const { values: args } = parseArgs({
  options: {
    databases: { type: 'string', default: 'sqlite,postgres' },
    writes: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '50' },
    port: { type: 'string', default: '7107' },
  },
});
const WRITES = Number(args.writes);
const CLIENTS = Number(args.clients);
const ENTITY = 'component/default/payments-monolith';
const VERSIONED_ITEM = 'dora-change-lead-time';
const UNVERSIONED_ITEM = 'dora-change-fail-rate';
const STATUSES = ['todo', 'in-progress', 'done'];

/**
 * `writes` PUTs of one item from `clients` concurrent clients. Versioned
 * clients send the version they last saw and, on a 409, adopt the current
 * one from its body.
 */
async function hammer(backend, token, itemId, { writes, clients, versioned }) {
  const outcomes = [];
  let next = 0;
  async function client(id) {
    let seen = 0;
    while (next < writes) {
      const n = next++;
      const body = {
        status: STATUSES[n % STATUSES.length],
        note: `write ${n} by client ${id}`,
        ...(versioned ? { version: seen } : {}),
      };
      const { status, body: answer } = await putItem(
        backend,
        token,
        ENTITY,
        itemId,
        body,
      );
      outcomes.push({ n, status, sent: body, answer });
      if (status === 200) seen = answer.version;
      if (status === 409) seen = answer.current?.version ?? seen;
    }
  }
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  return outcomes;
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The checks every run must pass, for one item's outcomes and history. */
function verify(outcomes, history, { versioned }) {
  const serverErrors = outcomes.filter(o => o.status >= 500);
  assert(
    serverErrors.length === 0,
    `${serverErrors.length} responses 5xx, e.g. ${JSON.stringify(
      serverErrors[0],
    )}`,
  );
  const accepted = outcomes.filter(o => o.status === 200);
  const refused = outcomes.filter(o => o.status !== 200);
  if (versioned) {
    assert(
      refused.every(o => o.status === 409 && o.answer.current?.version >= 1),
      `a versioned write was refused otherwise than with 409 and the current state: ${JSON.stringify(
        refused.find(o => o.status !== 409 || !o.answer.current),
      )}`,
    );
  } else {
    assert(
      refused.length === 0,
      `${refused.length} unversioned writes refused, e.g. ${JSON.stringify(
        refused[0],
      )}`,
    );
  }
  const versions = accepted.map(o => o.answer.version).sort((a, b) => a - b);
  versions.forEach((version, index) =>
    assert(
      version === index + 1,
      `accepted versions are not 1..${versions.length}: ${versions.slice(
        Math.max(0, index - 2),
        index + 3,
      )}`,
    ),
  );
  const notes = history.map(entry => entry.note);
  assert(
    new Set(notes).size === notes.length,
    'a write appears twice in the history',
  );
  const missing = accepted.filter(o => !notes.includes(o.sent.note));
  assert(
    missing.length === 0,
    `${missing.length} accepted writes missing from the history, e.g. ${missing[0]?.sent.note}`,
  );
  assert(
    history.length === accepted.length,
    `the history has ${history.length} entries, ${accepted.length} writes were accepted`,
  );
  const last = accepted.reduce((a, b) =>
    a.answer.version > b.answer.version ? a : b,
  );
  return { accepted: accepted.length, refused: refused.length, last };
}

async function runOn(kind, results, port) {
  const database = createDatabase(kind, `case-studies-load-${kind}`);
  let backend;
  try {
    await results.check(`load on ${kind}: the backend starts`, async () => {
      backend = await startBackend({
        port,
        database,
        name: `load-${kind}`,
      });
    });
    if (!backend) return;
    const { token } = await backend.token();
    await results.check(
      `errors on ${kind}: no stack trace or server path in any error body (development mode)`,
      async () => {
        const api = `${backend.url}/api/case-studies`;
        const asGuest = { Authorization: `Bearer ${token}` };
        const failing = [
          [`${api}/knowledge`, {}],
          [`${api}/knowledge`, { headers: { Authorization: 'Bearer a.b.c' } }],
          [
            `${api}/entities/component/default/nope/guidance`,
            { headers: asGuest },
          ],
          [
            `${api}/entities/${ENTITY}/checklist/${VERSIONED_ITEM}`,
            {
              method: 'PUT',
              headers: { ...asGuest, 'Content-Type': 'application/json' },
              body: '{"status":',
            },
          ],
        ];
        for (const [url, init] of failing) {
          const response = await fetch(url, init);
          const body = await response.text();
          assert(
            response.status >= 400 && response.status < 500,
            `${url}: ${response.status}`,
          );
          assert(
            !/"stack"|\/work\/|node_modules|\.ts:\d+/.test(body),
            `${init.method ?? 'GET'} ${url} (${
              response.status
            }) reveals internals: ${body.slice(0, 300)}`,
          );
        }
      },
    );
    for (const versioned of [true, false]) {
      const itemId = versioned ? VERSIONED_ITEM : UNVERSIONED_ITEM;
      const label = versioned ? 'versioned' : 'unversioned';
      await results.check(
        `load on ${kind}: ${
          WRITES / 2
        } ${label} writes from ${CLIENTS} clients`,
        async () => {
          const started = Date.now();
          const outcomes = await hammer(backend, token, itemId, {
            writes: WRITES / 2,
            clients: CLIENTS,
            versioned,
          });
          const ms = Date.now() - started;
          const history = await itemHistory(backend, token, ENTITY, itemId);
          const { accepted, refused, last } = verify(outcomes, history, {
            versioned,
          });
          // the final state is the last accepted write
          const state = await itemState(backend, token, ENTITY, itemId);
          assert(
            state?.version === last.answer.version &&
              state?.note === last.sent.note &&
              state?.status === last.sent.status,
            `the final state ${JSON.stringify(
              state,
            )} is not the last accepted write ${JSON.stringify(last.sent)}`,
          );
          log(
            `${kind} ${label}: ${accepted} accepted, ${refused} refused (409), ${ms} ms, ${Math.round(
              (outcomes.length / ms) * 1000,
            )} writes/s`,
          );
        },
      );
    }
  } finally {
    await backend?.stop();
    database.cleanUp();
  }
}

async function main() {
  const results = createResults(
    path.join(repoRoot, '.data', 'load-results.json'),
  );
  let port = Number(args.port);
  for (const kind of args.databases.split(',')) {
    await runOn(kind.trim(), results, port++);
  }
  process.exit(results.write() === 0 ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
