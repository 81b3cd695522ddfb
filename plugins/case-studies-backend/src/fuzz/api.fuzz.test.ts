import { TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import {
  clearStore,
  credentialHeaders,
  FuzzBackend,
  startFuzzBackend,
  storeDump,
  writeCount,
} from '../__testUtils__/fuzzBackend';
import {
  FuzzRequest,
  fuzzRequest,
  isMutating,
  ROLLOUT_INPUT,
} from '../__testUtils__/fuzzRequests';
import {
  describeRequest,
  FuzzClient,
  SentRequest,
} from '../__testUtils__/fuzzClient';

/*
 * Issue 16, "Reliability proof": generated requests over every route,
 * through the real router on each database. No answer may be a 5xx, a body
 * over the limit is a 413, and a rejected change leaves the store exactly as
 * it was. CI runs FUZZ_RUNS (default 10,000) requests per database with a
 * fixed seed; `yarn test:fuzz` runs more. Every distinct failure is kept
 * with the request that caused it and reported at the end, so one run shows
 * them all, each with the exact request that caused it; FUZZ_SEED replays a run.
 */

const RUNS = Number(process.env.FUZZ_RUNS || 10_000);
/** Fixed in CI; `yarn test:fuzz` draws one (FUZZ_SEED=random) and prints it, so a failure can be replayed. */
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED || 16);
/** Every how many changes the store is also compared row by row, not only by its write counter. */
const DUMP_EVERY = 50;
/** Rollouts created by accepted POSTs before the store is emptied and seeded again, to keep lists short. */
const MAX_CREATED_ROLLOUTS = 40;

jest.setTimeout(30 * 60_000);

const databases = TestDatabases.create();
const api = '/api/case-studies';

interface Failure {
  problem: string;
  route: string;
  status?: number;
  request: string;
  logged: string[];
  count: number;
}

/**
 * Defects known when this suite was written and being fixed elsewhere,
 * recognised by what the backend logged; they still fail the run.
 */
function knownDefect(logged: string[]): string | undefined {
  const text = logged.join('\n');
  if (/invalid byte sequence|0x00|Unicode escape|surrogate/i.test(text)) {
    return 'known defect: NUL or lone surrogate in text reaches PostgreSQL';
  }
  if (
    /out of range for type bigint|invalid input syntax for type bigint/i.test(
      text,
    )
  ) {
    return 'known defect: history cursor beyond the safe integer range';
  }
  return undefined;
}

/** What a logged error says, without the request line and the values in it, to tell distinct failures apart. */
const errorKind = (logged: string) =>
  logged
    .replace(/^\S+ \S+ failed: /, '')
    .replace(/'[^']*'|"[^"]*"/g, "'…'")
    .replace(/\d+/g, 'N');

function errorMessage(body: string): string {
  try {
    return JSON.parse(body).error.message;
  } catch {
    return body.slice(0, 200);
  }
}

describe.each(databases.eachSupportedId())('API fuzz on %s', databaseId => {
  let backend: FuzzBackend;
  let client: FuzzClient;
  let rolloutId = '';

  const send = (
    request: Omit<FuzzRequest, 'route' | 'query'> & { query?: string },
  ) => {
    const sent = client.prepare(
      { route: 'seed', query: '', ...request },
      { rolloutId, authorization: credentialHeaders[request.credentials] },
    );
    return client.send(sent, false);
  };

  /** An empty store with one active rollout that requires approval, and an exemption in it to approve. */
  async function seed() {
    await clearStore(backend.knex);
    const writesBefore = await writeCount(backend.knex);
    const created = await send({
      method: 'POST',
      path: '/rollouts',
      body: {
        text: JSON.stringify(ROLLOUT_INPUT),
        contentType: 'application/json',
      },
      credentials: 'platform',
    });
    expect(created.status).toBe(201);
    rolloutId = JSON.parse(created.body).id;
    // the write counter sees an accepted change
    expect(await writeCount(backend.knex)).not.toBe(writesBefore);
    const exempted = await send({
      method: 'PUT',
      path: '/entities/component/default/checkout/checklist/timeouts-on-remote-calls',
      body: {
        text: JSON.stringify({
          status: 'not-applicable',
          note: 'No remote calls',
        }),
        contentType: 'application/json',
      },
      credentials: 'owner',
    });
    expect(exempted.status).toBe(200);
  }

  beforeAll(async () => {
    backend = await startFuzzBackend(databases, databaseId);
    client = new FuzzClient(backend.port, api);
    await seed();
  });

  afterAll(() => client?.close());

  it(`answers ${RUNS} generated requests (seed ${SEED}) without a 5xx, and rejected changes write nothing`, async () => {
    const failures = new Map<string, Failure>();
    const statuses = new Map<number, number>();
    let requests = 0;
    let mutating = 0;
    let rejectedChanges = 0;
    let createdRollouts = 0;
    let sendMs = 0;
    const routeStatuses = new Map<string, Record<number, number>>();
    const reasons = new Map<string, number>();
    let checkMs = 0;

    const fail = (
      problem: string,
      request: FuzzRequest,
      sent: SentRequest,
      status?: number,
      logged: string[] = [],
    ) => {
      const known = knownDefect(logged);
      const key = `${request.route} ${status} ${
        logged.length ? logged.map(errorKind).join('|') : problem.slice(0, 40)
      }`;
      const existing = failures.get(key);
      if (existing) {
        existing.count++;
        return;
      }
      failures.set(key, {
        problem: known ? `${problem} (${known})` : problem,
        route: request.route,
        status,
        request: describeRequest(sent),
        logged: logged.map(l => (l.length > 600 ? `${l.slice(0, 600)}…` : l)),
        count: 1,
      });
    };

    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async request => {
        requests++;
        const { knex, errors } = backend;
        const sent = client.prepare(request, {
          rolloutId,
          authorization: credentialHeaders[request.credentials],
        });
        const changes = isMutating(request);
        const fullCheck = changes && ++mutating % DUMP_EVERY === 0;
        const snapshot = async () =>
          fullCheck
            ? `${await writeCount(knex)} ${await storeDump(knex)}`
            : writeCount(knex);
        let mark = Date.now();
        const before = changes ? await snapshot() : undefined;
        checkMs += Date.now() - mark;
        errors.take();

        let response;
        mark = Date.now();
        try {
          response = await client.send(sent, request.body?.oversized === true);
          sendMs += Date.now() - mark;
        } catch (error) {
          fail(`no response: ${error}`, request, sent);
          return;
        }
        const { status } = response;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const byRoute = routeStatuses.get(request.route) ?? {};
        byRoute[status] = (byRoute[status] ?? 0) + 1;
        routeStatuses.set(request.route, byRoute);
        if (process.env.FUZZ_VERBOSE && status >= 400 && status < 500) {
          const reason = `${request.route} ${status} ${errorMessage(
            response.body,
          )
            .replace(/"[^"]*"/g, '"…"')
            .slice(0, 90)}`;
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }

        if (status >= 500) {
          fail(
            `answered ${status}: ${errorMessage(response.body)}`,
            request,
            sent,
            status,
            errors.take(),
          );
        }
        // The health routes read no body, and a request without valid
        // credentials is refused before its body is read.
        const readsBody =
          !request.route.startsWith('GET /health') &&
          ['owner', 'nonOwner', 'platform', 'service'].includes(
            request.credentials,
          );
        if (request.body?.oversized && readsBody && status !== 413) {
          fail(
            'a body over 1 MB was not answered with 413',
            request,
            sent,
            status,
          );
        }
        if (changes && status >= 400) {
          rejectedChanges++;
          mark = Date.now();
          const after = await snapshot();
          checkMs += Date.now() - mark;
          if (after !== before) {
            fail(
              `rejected with ${status} but the store changed${
                fullCheck ? ' (row by row)' : ''
              }`,
              request,
              sent,
              status,
            );
          }
        }

        // Keep the store small and the seeded rollout usable.
        if (request.route === 'POST /rollouts' && status === 201) {
          createdRollouts++;
        }
        const archived =
          request.route === 'PATCH /rollouts/:id' &&
          status === 200 &&
          sent.url.includes(rolloutId) &&
          JSON.parse(response.body).state === 'archived';
        if (archived || createdRollouts > MAX_CREATED_ROLLOUTS) {
          createdRollouts = 0;
          await seed();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    const seconds = (Date.now() - started) / 1000;
    // eslint-disable-next-line no-console
    console.log(
      `${databaseId}: ${requests} requests with seed ${SEED} (${rejectedChanges} rejected changes checked) in ${seconds.toFixed(
        1,
      )} s (${(sendMs / 1000).toFixed(1)} s answering, ${(
        checkMs / 1000
      ).toFixed(1)} s comparing the store); statuses ${JSON.stringify(
        Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      )}`,
    );

    if (process.env.FUZZ_VERBOSE) {
      // eslint-disable-next-line no-console
      console.log(
        [...routeStatuses]
          .map(([route, counts]) => `${route}: ${JSON.stringify(counts)}`)
          .join('\n'),
      );
      // eslint-disable-next-line no-console
      console.log(
        [...reasons]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 60)
          .map(([reason, count]) => `${count} ${reason}`)
          .join('\n'),
      );
    }
    const report = [...failures.values()].map(
      f =>
        `${f.problem}\n  route: ${f.route}, status ${f.status} (${
          f.count
        }x)\n  ${f.request}${
          f.logged.length ? `\n  logged: ${f.logged.join('\n          ')}` : ''
        }`,
    );
    expect(requests).toBe(RUNS);
    if (report.length > 0) {
      throw new Error(
        `${
          report.length
        } distinct failures on ${databaseId} (seed ${SEED}, ${RUNS} runs):\n\n${report.join(
          '\n\n',
        )}`,
      );
    }
  });
});
