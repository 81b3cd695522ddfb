// Two backends on one PostgreSQL (issue 16): a write on one is read on the
// other, both ways, with optimistic versions that hold across them; the
// daily scorecard snapshot (a global scheduled task) runs on one instance
// only. The second starts once the first is up: Backstage's own catalog and
// auth plugins fail when two instances create their schemas at the same
// moment (MigrationLocked), which is theirs to fix; the plugin's own
// migrations racing is proven by src/database/migrations.test.ts.
//
//   yarn test:two-instances
const fs = require('fs');
const path = require('path');
const {
  createDatabase,
  createResults,
  itemState,
  log,
  putItem,
  repoRoot,
  startBackend,
  waitFor,
} = require('./backend');

const ENTITY = 'component/default/payments-monolith';
const ITEM = 'dora-deployment-rework-rate';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  const results = createResults(
    path.join(repoRoot, '.data', 'two-instances-results.json'),
  );
  const database = createDatabase('postgres', 'case-studies-two');
  // the snapshot soon after start-up, so the run need not wait a minute
  const extraConfig = {
    caseStudies: {
      scorecards: {
        snapshots: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 10 },
            initialDelay: { seconds: 20 },
          },
        },
      },
    },
  };
  let a;
  let b;
  try {
    await results.check('two instances start on one PostgreSQL', async () => {
      a = await startBackend({
        port: 7111,
        database,
        name: 'two-a',
        extraConfig,
      });
      b = await startBackend({
        port: 7112,
        database,
        name: 'two-b',
        extraConfig,
      });
    });
    if (!a || !b) return;
    const { token } = await a.token();

    await results.check(
      'a write on one instance is read on the other, and versions hold across them',
      async () => {
        const first = await putItem(a, token, ENTITY, ITEM, {
          status: 'in-progress',
          note: 'written on A',
        });
        assert(first.status === 200, `write on A: ${first.status}`);
        const onB = await itemState(b, token, ENTITY, ITEM);
        assert(
          onB?.note === 'written on A' && onB.version === first.body.version,
          `B reads ${JSON.stringify(onB)}`,
        );
        const second = await putItem(b, token, ENTITY, ITEM, {
          status: 'done',
          note: 'written on B',
          version: onB.version,
        });
        assert(second.status === 200, `write on B: ${second.status}`);
        // A's client still holds the first version: a stale write is a 409 on A too
        const stale = await putItem(a, token, ENTITY, ITEM, {
          status: 'todo',
          note: 'stale on A',
          version: first.body.version,
        });
        assert(
          stale.status === 409 && stale.body.current?.note === 'written on B',
          `stale write on A: ${stale.status} ${JSON.stringify(stale.body)}`,
        );
        const onA = await itemState(a, token, ENTITY, ITEM);
        assert(onA?.note === 'written on B', `A reads ${JSON.stringify(onA)}`);
      },
    );

    await results.check(
      'the scheduled scorecard snapshot runs on one instance only',
      async () => {
        await waitFor(
          'the first snapshot',
          async () => {
            const response = await fetch(
              `${a.url}/api/case-studies/scorecards?groupBy=owner`,
              { headers: { Authorization: `Bearer ${token}` } },
            );
            return response.ok && (await response.json()).source === 'snapshot';
          },
          180_000,
        );
        // give a second run, if there were one, time to finish and log
        await new Promise(resolve => setTimeout(resolve, 15_000));
        const runs = [a, b].map(
          backend =>
            fs
              .readFileSync(backend.logPath, 'utf8')
              .split('\n')
              .filter(line => line.includes('Scorecard snapshot of')).length,
        );
        log(`snapshot runs: ${runs[0]} on A, ${runs[1]} on B`);
        assert(
          runs[0] + runs[1] === 1,
          `the snapshot ran ${runs[0]} times on A and ${runs[1]} on B`,
        );
      },
    );
  } finally {
    await Promise.all([a?.stop(), b?.stop()]);
    database.cleanUp();
  }
  process.exit(results.write() === 0 ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
