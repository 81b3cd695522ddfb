/**
 * Team roll-ups against one entity at a time: `yarn bench:teams`.
 *
 * A seeded catalog of 10,000 owned entities in 200 groups nested three deep
 * below one organisation (see orgCatalog.ts), served by an indexed in-memory
 * catalog (IndexedCatalog.ts, checked against catalogServiceMock at start);
 * checklist states seeded into in-memory SQLite through the plugin's store;
 * the real plugin in a test backend, measured over HTTP on this machine.
 *
 * Options: --rounds <n> roll-up timings per subject (default 5);
 * --budget-seconds <s> for the organisation's one-at-a-time side, after
 * which it stops at a seeded random sample of at least --sample <n>
 * entities (defaults 60 and 500) and extrapolates; --full fetches all;
 * --catalog-latency-ms <n> makes each catalog call wait n ms, as a round
 * trip to a catalog backend would (default 0: in memory);
 * --no-profile skips the CPU profiles of where the time goes, --profile-top
 * <n> lists their n costliest functions, --save-profiles <dir> writes them
 * as .cpuprofile files (Chrome DevTools, speedscope).
 *
 * Not shipped (outside `src/`).
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  GuidanceResponse,
  RollupPageResponse,
} from '@case-studies/plugin-case-studies-common';
import { seededRandom } from '@case-studies/plugin-case-studies-common/bench/catalog';
import { Knex } from 'knex';
import { parseArgs } from 'util';
import { GuidanceService } from '../src/service/GuidanceService';
import { loadKnowledge } from '../src/service/loadKnowledge';
import { loadScoringRules } from '../src/service/loadScoringRules';
import { get, startBackend } from './backend';
import { checkIndexedCatalog } from './checkCatalog';
import { seedChecklistStates, shuffled } from './checklistStates';
import { sqliteKnex } from './databases';
import { CallCounts, IndexedCatalog } from './IndexedCatalog';
import { BENCH_ORG, generateOrgCatalog } from './orgCatalog';
import {
  profileBuckets,
  ProfileCounters,
  saveProfile,
  topFunctions,
  withCpuProfile,
} from './profile';
import { calls, kb, median, ms, n, now, out, runBench } from './report';

const SEED = 20250601;
const ADMIN = 'user:default/bench-admin';
const PAGE_LIMIT = 500;
const TARGET_RATIO = 20;

const credentials: BackstageCredentials = mockCredentials.user(ADMIN);

interface Subject {
  label: string;
  ref: string;
  expected: string[];
}

interface RollupRun {
  ms: number;
  pageMs: number[];
  bytes: number[];
  refs: string[];
  scores: Map<string, unknown>;
  /** bytes of the teams, on the first page only */
  teamsBytes: number;
  /** bytes of the summary, which every page repeats */
  summaryBytes: number;
  totalEntities: number;
  calls: CallCounts;
}

/** Every page of a subject's roll-up, in turn. */
async function rollup(
  api: string,
  catalog: IndexedCatalog,
  subject: Subject,
): Promise<RollupRun> {
  const { namespace, name } = {
    namespace: subject.ref.split(':')[1].split('/')[0],
    name: subject.ref.split('/')[1],
  };
  catalog.resetCallCounts();
  const run: RollupRun = {
    ms: 0,
    pageMs: [],
    bytes: [],
    refs: [],
    scores: new Map(),
    teamsBytes: 0,
    summaryBytes: 0,
    totalEntities: 0,
    calls: IndexedCatalog.noCalls(),
  };
  let cursor: string | undefined;
  do {
    const { elapsed, body } = await get(
      `${api}/groups/${namespace}/${name}/progress?recursive=true&limit=${PAGE_LIMIT}${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
    );
    run.ms += elapsed;
    run.pageMs.push(elapsed);
    run.bytes.push(body.length);
    const page = JSON.parse(body.toString('utf8')) as RollupPageResponse;
    for (const entity of page.entities) {
      run.refs.push(entity.entityRef);
      run.scores.set(entity.entityRef, entity.score);
    }
    run.totalEntities = page.totalEntities;
    if (page.teams) {
      run.teamsBytes = Buffer.byteLength(JSON.stringify(page.teams));
    }
    run.summaryBytes = Buffer.byteLength(JSON.stringify(page.summary));
    cursor = page.nextCursor;
  } while (cursor);
  run.calls = catalog.callCounts();
  return run;
}

/** Whether the pages together name every expected entity exactly once. */
function visitedOnce(run: RollupRun, expected: string[]) {
  const seen = new Set<string>();
  let repeated = 0;
  for (const ref of run.refs) {
    if (seen.has(ref.toLocaleLowerCase('en-US'))) repeated++;
    seen.add(ref.toLocaleLowerCase('en-US'));
  }
  const wanted = new Set(expected.map(ref => ref.toLocaleLowerCase('en-US')));
  const missing = [...wanted].filter(ref => !seen.has(ref)).length;
  const extra = [...seen].filter(ref => !wanted.has(ref)).length;
  return {
    ok:
      repeated === 0 &&
      missing === 0 &&
      extra === 0 &&
      run.totalEntities === expected.length,
    text: `${n(run.refs.length)} entities on ${
      run.bytes.length
    } pages, ${repeated} repeated, ${missing} missing, ${extra} not expected, totalEntities ${n(
      run.totalEntities,
    )}`,
  };
}

interface OneAtATimeRun {
  fetched: number;
  total: number;
  ms: number;
  bytes: number;
  calls: CallCounts;
  scoresAgree: number;
  extrapolated: boolean;
}

/** Each entity's guidance in turn (on a backend of its own: a cold cache). */
async function oneAtATime(
  api: string,
  catalog: IndexedCatalog,
  refs: string[],
  scores: Map<string, unknown>,
  budget?: { ms: number; minSample: number },
): Promise<OneAtATimeRun> {
  catalog.resetCallCounts();
  const run: OneAtATimeRun = {
    fetched: 0,
    total: refs.length,
    ms: 0,
    bytes: 0,
    calls: IndexedCatalog.noCalls(),
    scoresAgree: 0,
    extrapolated: false,
  };
  const started = now();
  for (const ref of refs) {
    const [kind, rest] = ref.split(':');
    const { elapsed, body } = await get(
      `${api}/entities/${kind}/${rest}/guidance`,
    );
    run.ms += elapsed;
    run.bytes += body.length;
    run.fetched++;
    const guidance = JSON.parse(body.toString('utf8')) as GuidanceResponse;
    if (JSON.stringify(guidance.score) === JSON.stringify(scores.get(ref))) {
      run.scoresAgree++;
    }
    if (
      budget &&
      now() - started > budget.ms &&
      run.fetched >= budget.minSample
    ) {
      run.extrapolated = run.fetched < refs.length;
      break;
    }
  }
  run.calls = catalog.callCounts();
  return run;
}

/** Runs a pass on a backend started for it, stopped after. */
async function onFreshBackend<T>(
  catalog: IndexedCatalog,
  knex: Knex,
  pass: (api: string) => Promise<T>,
): Promise<T> {
  const { backend, api } = await startBackend(catalog, knex, credentials);
  try {
    return await pass(api);
  } finally {
    await backend.stop();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      'budget-seconds': { type: 'string', default: '60' },
      sample: { type: 'string', default: '500' },
      full: { type: 'boolean', default: false },
      'no-profile': { type: 'boolean', default: false },
      'profile-top': { type: 'string', default: '0' },
      'save-profiles': { type: 'string' },
      'catalog-latency-ms': { type: 'string', default: '0' },
    },
  });
  const rounds = Number(values.rounds);

  const checked = await checkIndexedCatalog();
  out(
    `catalog: IndexedCatalog (indexed by ref, kind, spec.type and relation), agrees with catalogServiceMock on ${n(
      checked,
    )} calls over a small catalog`,
  );

  const org = generateOrgCatalog(BENCH_ORG, seededRandom(SEED));
  const latencyMs = Number(values['catalog-latency-ms']);
  const catalog = new IndexedCatalog(org.entities, { latencyMs });
  const kinds = new Map<string, number>();
  for (const entity of org.entities) {
    kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1);
  }
  const groupsAt = (depth: number) =>
    org.groups.filter(group => group.depth === depth).length;
  out(
    `catalog of ${n(org.entities.length)} entities, seed ${SEED}: ${n(
      org.owned.length,
    )} owned ` +
      `(${['Component', 'System', 'Resource']
        .map(kind => `${n(kinds.get(kind) ?? 0)} ${kind}s`)
        .join(', ')}), ` +
      `${n(kinds.get('Domain') ?? 0)} Domains, ${n(
        kinds.get('User') ?? 0,
      )} Users; groups: 1 organisation → ` +
      `${groupsAt(1)} departments → ${groupsAt(2)} areas → ${groupsAt(
        3,
      )} teams`,
  );
  out(
    latencyMs > 0
      ? `catalog calls wait ${latencyMs} ms each, as round trips to a catalog backend (calls made together wait together)`
      : 'catalog calls answer at once (in memory; a real catalog is a round trip per call: see --catalog-latency-ms)',
  );

  const config = mockServices.rootConfig({ data: {} });
  const knowledge = await loadKnowledge({
    config,
    logger: mockServices.rootLogger({ level: 'none' }),
  });
  const guidanceService = new GuidanceService(
    knowledge,
    loadScoringRules(config),
  );
  // In-memory SQLite (better-sqlite3, one connection): the store's own cost
  // without the disk's; the demo backend keeps its SQLite in a file.
  const knex = sqliteKnex();
  const started = now();
  const seeded = await seedChecklistStates({
    knex,
    catalog,
    entityRefs: org.owned,
    guidanceService,
    credentials,
    random: seededRandom(SEED + 1),
    actor: ADMIN,
    note: 'seeded by bench:teams',
  });
  out(
    `checklist states: ${n(seeded.changes)} for ${n(
      seeded.entities,
    )} entities (${Math.round(
      (seeded.entities / org.owned.length) * 100,
    )} %), through DatabaseChecklistStore.applyChange into in-memory SQLite, ${ms(
      now() - started,
    )}`,
  );

  const largest = org.groups
    .filter(group => group.depth === 3)
    .reduce((a, b) => (b.owned.length > a.owned.length ? b : a));
  const subjects: Subject[] = [
    {
      label: `largest team ${largest.ref}`,
      ref: largest.ref,
      expected: largest.owned,
    },
    {
      label: `root organisation ${org.root}, recursive`,
      ref: org.root,
      expected: org.owned,
    },
  ];

  // Batched side first, on its own backend: roll-ups only peek at the
  // guidance cache, which nothing has filled.
  const batchedBackend = await startBackend(catalog, knex, credentials);
  const batched: RollupRun[][] = [];
  for (const subject of subjects) {
    const runs: RollupRun[] = [];
    for (let round = 0; round < rounds; round++) {
      runs.push(await rollup(batchedBackend.api, catalog, subject));
    }
    batched.push(runs);
  }

  const results: {
    subject: Subject;
    runs: RollupRun[];
    single: OneAtATimeRun;
  }[] = [];
  for (const [i, subject] of subjects.entries()) {
    const runs = batched[i];
    const last = runs[runs.length - 1];
    const isRoot = subject.ref === org.root;
    const order = isRoot
      ? shuffled(last.refs, seededRandom(SEED + 2))
      : last.refs;
    const single = await onFreshBackend(catalog, knex, api =>
      oneAtATime(
        api,
        catalog,
        order,
        last.scores,
        isRoot && !values.full
          ? {
              ms: Number(values['budget-seconds']) * 1000,
              minSample: Number(values.sample),
            }
          : undefined,
      ),
    );
    results.push({ subject, runs, single });
  }

  out();
  for (const { subject, runs, single } of results) {
    const times = runs.map(run => run.ms);
    const batchedMs = median(times);
    const run = runs[times.indexOf(batchedMs)];
    const scale = single.total / single.fetched;
    const singleMs = single.ms * scale;
    const ratio = singleMs / batchedMs;
    const once = visitedOnce(run, subject.expected);
    out(
      `${subject.label}: ${n(run.totalEntities)} entities, ${
        run.bytes.length
      } page(s) of ≤ ${PAGE_LIMIT}`,
    );
    out(
      `  roll-up, all pages:  median ${ms(batchedMs)} (${rounds} rounds: ${times
        .map(ms)
        .join(', ')}); ` +
        `pages: first ${ms(run.pageMs[0])}${
          run.pageMs.length > 1
            ? `, the others ${ms(median(run.pageMs.slice(1)))} each (median)`
            : ''
        }; ${kb(run.bytes.reduce((a, b) => a + b, 0))}`,
    );
    out(`    catalog calls: ${calls(run.calls)}`);
    out(
      `  one at a time:       ${ms(singleMs)}${
        single.extrapolated ? ' EXTRAPOLATED' : ''
      } ` +
        `(${(single.ms / single.fetched).toFixed(1)} ms per entity, ${n(
          single.fetched,
        )} of ${n(single.total)} entities fetched` +
        `${
          single.extrapolated
            ? `: a seeded random sample, times ${scale.toFixed(2)}`
            : ''
        }); ` +
        `${kb(single.bytes / single.fetched)} per response`,
    );
    out(
      `    catalog calls${
        single.extrapolated ? ' (extrapolated)' : ''
      }: ${calls(single.calls, scale)}; ` +
        `guidance cache hits: ${
          single.fetched - single.calls.getEntityByRef
        } (one getEntityByRef per miss); ` +
        `scores equal to the roll-up's: ${n(single.scoresAgree)} of ${n(
          single.fetched,
        )}`,
    );
    out(
      `  one at a time / roll-up: ${ratio.toFixed(1)}x${
        subject.ref === org.root
          ? ` (target ≥ ${TARGET_RATIO}x: ${
              ratio >= TARGET_RATIO ? 'met' : 'NOT met'
            })`
          : ''
      }`,
    );
    if (subject.ref === org.root) {
      out(
        `  response: ${kb(run.bytes.reduce((a, b) => a + b, 0))} over ${
          run.bytes.length
        } pages ` +
          `(first ${kb(run.bytes[0])}, of which ${kb(
            run.teamsBytes,
          )} teams, on the first page only, and ${kb(
            run.summaryBytes,
          )} summary, on every page); every entity exactly once: ${
            once.ok ? 'yes' : 'NO'
          } (${once.text})`,
      );
    } else if (!once.ok) {
      out(`  every entity exactly once: NO (${once.text})`);
    }
  }

  if (!values['no-profile']) {
    out();
    out(
      'where the time goes (CPU profile of one more pass, client and server in this process):',
    );
    const root = subjects[1];
    const counters = new ProfileCounters();
    const pass = await withCpuProfile(counters, () =>
      rollup(batchedBackend.api, catalog, root),
    );
    out(
      `  root organisation roll-up, all ${pass.result.bytes.length} pages, ${ms(
        pass.result.ms,
      )}: ` + `${counters.describe()}`,
    );
    out(`    ${profileBuckets(pass.profile)}`);
    saveProfile(values['save-profiles'], 'rollup', pass.profile);
    for (const line of topFunctions(
      pass.profile,
      Number(values['profile-top']),
    )) {
      out(`      ${line}`);
    }
    const sample = shuffled(root.expected, seededRandom(SEED + 3)).slice(
      0,
      300,
    );
    const singleCounters = new ProfileCounters();
    const singlePass = await onFreshBackend(catalog, knex, api =>
      withCpuProfile(singleCounters, () =>
        oneAtATime(api, catalog, sample, new Map()),
      ),
    );
    out(
      `  one at a time, ${sample.length} random entities, ${ms(
        singlePass.result.ms,
      )}: ${singleCounters.describe()}`,
    );
    out(`    ${profileBuckets(singlePass.profile)}`);
    saveProfile(values['save-profiles'], 'one-at-a-time', singlePass.profile);
    for (const line of topFunctions(
      singlePass.profile,
      Number(values['profile-top']),
    )) {
      out(`      ${line}`);
    }
  }

  await batchedBackend.backend.stop();
  await knex.destroy();
  out();
}

runBench(main);
