// Crash safety (issue 16), run by hand: kill -9 the real backend while
// writes are in flight, restart it on the same database, and check that
// every write that got a 2xx is there and that each item's status agrees
// with its history.
//
//   yarn test:crash [--databases sqlite,postgres] [--rounds 5]
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
    rounds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '20' },
  },
});
const ENTITY = 'component/default/payments-monolith';
const ITEMS = ['dora-change-lead-time', 'dora-change-fail-rate'];

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Writes from `clients` clients until the backend dies; the acknowledged ones. */
async function writeUntilKilled(backend, token, round, clients) {
  const acknowledged = [];
  let n = 0;
  let dead = false;
  async function client(id) {
    while (!dead) {
      const itemId = ITEMS[n % ITEMS.length];
      const body = {
        status: n % 2 ? 'done' : 'in-progress',
        note: `round ${round} write ${n++} by client ${id}`,
      };
      try {
        const { status } = await putItem(backend, token, ENTITY, itemId, body);
        if (status >= 200 && status < 300) acknowledged.push({ itemId, body });
      } catch {
        dead = true; // connection refused or reset: the process is gone
      }
    }
  }
  const writers = Array.from({ length: clients }, (_, id) => client(id));
  // kill at a moment that varies from round to round, mid-stream
  await new Promise(resolve => setTimeout(resolve, 1500 + round * 700));
  await backend.kill();
  dead = true;
  await Promise.all(writers);
  return acknowledged;
}

async function runOn(kind, results, port) {
  const database = createDatabase(kind, `case-studies-crash-${kind}`);
  const acknowledged = [];
  try {
    for (let round = 1; round <= Number(args.rounds); round++) {
      await results.check(`crash on ${kind}, round ${round}`, async () => {
        let backend = await startBackend({
          port,
          database,
          name: `crash-${kind}`,
        });
        const { token } = await backend.token();
        const written = await writeUntilKilled(
          backend,
          token,
          round,
          Number(args.clients),
        );
        acknowledged.push(...written);
        backend = await startBackend({ port, database, name: `crash-${kind}` });
        try {
          for (const itemId of ITEMS) {
            const history = await itemHistory(backend, token, ENTITY, itemId);
            const notes = new Set(history.map(entry => entry.note));
            const lost = acknowledged.filter(
              w => w.itemId === itemId && !notes.has(w.body.note),
            );
            assert(
              lost.length === 0,
              `${lost.length} acknowledged writes of ${itemId} lost, e.g. ${lost[0]?.body.note}`,
            );
            const state = await itemState(backend, token, ENTITY, itemId);
            assert(
              state?.version === history[0]?.version &&
                state?.note === history[0]?.note,
              `${itemId}: status ${JSON.stringify(
                state,
              )} disagrees with the newest history entry ${JSON.stringify(
                history[0],
              )}`,
            );
          }
          log(
            `${kind} round ${round}: ${written.length} writes acknowledged before kill -9, all present after restart`,
          );
        } finally {
          await backend.stop();
        }
      });
    }
  } finally {
    database.cleanUp();
  }
}

async function main() {
  const results = createResults(
    path.join(repoRoot, '.data', 'crash-results.json'),
  );
  let port = 7121;
  for (const kind of args.databases.split(',')) {
    await runOn(kind.trim(), results, port++);
  }
  process.exit(results.write() === 0 ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
