/**
 * Scorecards against Backstage Tech Insights, side by side in one run:
 * `yarn bench:scorecard`.
 *
 * Workload: a seeded catalog of 10,000 components in 200 groups below one
 * organisation (orgCatalog.ts with `componentsOnly`; `--workload owned`
 * takes the teams bench's 10,000 owned Components, Systems and Resources
 * instead), served by the indexed in-memory catalog (IndexedCatalog.ts);
 * on in-memory SQLite and on a fresh database of the local PostgreSQL
 * server (dropped after), each side on a database of its own.
 *
 * The peer (techInsights.ts): Tech Insights' own store and migrations, 12
 * boolean facts per entity, 12 `fact equal true` checks, `runChecks` per
 * entity under a concurrency limit of 100, as `POST /checks/run` does.
 *
 * Ours: checklist states seeded through the plugin's store, then (b) the
 * scorecard snapshot of every entity (`ScorecardService.takeSnapshot`:
 * catalog read, profile, guidance, score, write), (a) the report from the
 * latest snapshot, `GET /scorecards?groupBy=owner` over HTTP through the
 * plugin's router in a test backend, and (c) the peak RSS of a snapshot of
 * 100,000 entities, in a child process of its own.
 *
 * Options: --entities <n> (default 10,000); --workload components|owned;
 * --rounds <n> report requests timed (default 5); --snapshot-rounds <n>
 * snapshots timed, after one untimed (default 2); --skip-postgres;
 * --concurrency <n> for the peer's checks (default 100); --rss-entities <n>
 * (default 100,000); --skip-rss; --seed-through-store writes the 10,000
 * entities' checklist states through `applyChange` (slower) instead of in
 * bulk. PostgreSQL: BENCH_POSTGRES_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres).
 *
 * Not shipped (outside `src/`).
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  KnowledgeBase,
  ScorecardReport,
  ScoringRules,
} from '@case-studies/plugin-case-studies-common';
import { seededRandom } from '@case-studies/plugin-case-studies-common/bench/catalog';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { fork } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { Knex } from 'knex';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';
import { DatabaseChecklistStore } from '../src/database/DatabaseChecklistStore';
import { DatabaseScorecardStore } from '../src/database/DatabaseScorecardStore';
import { EntityScorer } from '../src/service/EntityScorer';
import { GuidanceService } from '../src/service/GuidanceService';
import { loadKnowledge } from '../src/service/loadKnowledge';
import { loadScoringRules } from '../src/service/loadScoringRules';
import { DEFAULT_RETENTION_DAYS } from '../src/service/loadSnapshotSettings';
import { ScorecardService } from '../src/service/ScorecardService';
import { get, startBackend } from './backend';
import { checkIndexedCatalog } from './checkCatalog';
import { seedChecklistStates } from './checklistStates';
import {
  BenchDatabase,
  BenchDatabaseKind,
  connectDatabase,
  DEFAULT_POSTGRES_URL,
  probePostgres,
  withDatabase,
} from './databases';
import { CallCounts, IndexedCatalog } from './IndexedCatalog';
import { BENCH_ORG, generateOrgCatalog, OrgCatalog } from './orgCatalog';
import { calls, kb, median, ms, n, now, out, runBench } from './report';
import {
  CHECKS_RUN_CONCURRENCY,
  ChecksRun,
  FACT_NAMES,
  runTechInsightsChecks,
  seedTechInsights,
  TECH_INSIGHTS_CHECKS,
} from './techInsights';

const SEED = 20250601;
const DATABASE_PREFIX = 'bench_scorecard';
const ADMIN = 'user:default/bench-admin';
/** Entities checked once before the peer's timed run (JIT, connections). */
const WARM_UP_ENTITIES = 200;
/** Checklist changes written at a time through the store (PostgreSQL). */
const SEED_CONCURRENCY = 8;
const DAY_MS = 24 * 60 * 60 * 1000;
const TARGETS = { report: 50, snapshot: 1, rssMb: 512 };

const credentials: BackstageCredentials = mockCredentials.user(ADMIN);
const mb = (kib: number) => `${n(kib / 1024)} MB`;
const ratio = (value: number) =>
  value >= 10 ? `${value.toFixed(0)}x` : `${value.toFixed(2)}x`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/** What every database's run shares: the knowledge, rules and matching engine. */
interface Engine {
  knowledge: KnowledgeBase;
  scoring: ScoringRules;
  guidanceService: GuidanceService;
}

async function loadEngine(): Promise<Engine> {
  const config = mockServices.rootConfig({ data: {} });
  const knowledge = await loadKnowledge({
    config,
    logger: mockServices.rootLogger({ level: 'none' }),
  });
  const scoring = loadScoringRules(config);
  return {
    knowledge,
    scoring,
    guidanceService: new GuidanceService(knowledge, scoring),
  };
}

function generate(entities: number, componentsOnly: boolean): OrgCatalog {
  return generateOrgCatalog(
    { ...BENCH_ORG, owned: entities, componentsOnly },
    seededRandom(SEED),
  );
}

// ---------------------------------------------------------------- the peer

interface PeerResult {
  seedMs: number;
  run: ChecksRun;
  expectedPassed: number;
}

/** Tech Insights on a database of its own: seed, warm up, then every entity's checks. */
async function measurePeer(
  kind: BenchDatabaseKind,
  entityRefs: string[],
  concurrency: number,
): Promise<PeerResult> {
  return withDatabase(kind, `${DATABASE_PREFIX}_ti`, async database => {
    const peer = await seedTechInsights({
      database: mockServices.database({ knex: database.knex }),
      logger: mockServices.rootLogger({ level: 'none' }),
      entityRefs,
      random: seededRandom(SEED + 10),
    });
    await runTechInsightsChecks(
      peer,
      entityRefs.slice(0, WARM_UP_ENTITIES),
      database.queries,
      concurrency,
    );
    const run = await runTechInsightsChecks(
      peer,
      entityRefs,
      database.queries,
      concurrency,
    );
    return { seedMs: peer.seedMs, run, expectedPassed: peer.trueFacts };
  });
}

function describePeer(result: PeerResult) {
  const { run } = result;
  const complete =
    run.errors === 0 &&
    run.results === run.entities * TECH_INSIGHTS_CHECKS.length &&
    run.passed === result.expectedPassed;
  out(
    `  Tech Insights runChecks, ${n(run.entities)} entities x ${
      TECH_INSIGHTS_CHECKS.length
    } checks: ${ms(run.ms)} (${(run.ms / run.entities).toFixed(
      2,
    )} ms per entity, ${(run.queries / run.entities).toFixed(
      1,
    )} queries per entity); facts seeded in ${ms(result.seedMs)}`,
  );
  out(
    `    check results: ${n(run.results)}, passed ${n(
      run.passed,
    )} (facts seeded true: ${n(result.expectedPassed)}), errors ${
      run.errors
    }: ${complete ? 'complete' : 'NOT complete'}`,
  );
}

// -------------------------------------------------------------------- ours

/** The scorecard service as the plugin wires it, on the given database. */
async function scorecardService(
  knex: Knex,
  catalog: CatalogService,
  engine: Engine,
): Promise<ScorecardService> {
  const database = mockServices.database({ knex });
  const checklistStore = await DatabaseChecklistStore.create({ database });
  return new ScorecardService({
    catalog,
    auth: mockServices.auth(),
    scorer: new EntityScorer({
      catalog,
      knowledge: engine.knowledge,
      scoring: engine.scoring,
      guidanceService: engine.guidanceService,
      checklistStore,
    }),
    store: await DatabaseScorecardStore.create({ database }),
    scoring: engine.scoring,
    logger: mockServices.rootLogger({ level: 'none' }),
    retentionDays: DEFAULT_RETENTION_DAYS,
  });
}

/**
 * Checklist states for the catalog's entities: in bulk, as the rows the
 * store's first writes leave (then read back through the store), or with
 * `bulk` false through `applyChange`, one transaction per change.
 */
async function seedStates(
  database: BenchDatabase,
  catalog: IndexedCatalog,
  org: OrgCatalog,
  engine: Engine,
  bulk: boolean,
) {
  const started = now();
  const seeded = await seedChecklistStates({
    knex: database.knex,
    catalog,
    entityRefs: org.owned,
    guidanceService: engine.guidanceService,
    credentials,
    random: seededRandom(SEED + 1),
    actor: ADMIN,
    note: 'seeded by bench:scorecard',
    concurrency: database.kind === 'SQLite' ? 1 : SEED_CONCURRENCY,
    bulk,
  });
  return { ...seeded, bulk, ms: now() - started };
}

function describeSeeded(seeded: Awaited<ReturnType<typeof seedStates>>) {
  return `checklist states: ${n(seeded.changes)} for ${n(
    seeded.entities,
  )} entities, ${
    seeded.bulk
      ? `inserted in bulk as first writes (read back through the store as written: ${n(
          seeded.readBack ?? 0,
        )})`
      : 'through DatabaseChecklistStore.applyChange'
  }, ${ms(seeded.ms)}`;
}

interface SnapshotRun {
  day: string;
  ms: number;
  entities: number;
  queries: number;
  calls: CallCounts;
}

interface ReportRun {
  ms: number[];
  bytes: number;
  groups: number;
  entities: number;
  source: string;
  previous: boolean;
  queries: number;
}

interface OursResult {
  seeded: Awaited<ReturnType<typeof seedStates>>;
  warmUp: SnapshotRun;
  snapshots: SnapshotRun[];
  report: ReportRun;
}

async function timedSnapshot(
  service: ScorecardService,
  database: BenchDatabase,
  catalog: IndexedCatalog,
  at: Date,
): Promise<SnapshotRun> {
  catalog.resetCallCounts();
  const queries = database.queries();
  const started = now();
  const result = await service.takeSnapshot({ now: at });
  const elapsed = now() - started;
  if (!result.taken) {
    throw new Error(`The snapshot of ${result.day} was not taken`);
  }
  return {
    day: result.day,
    ms: elapsed,
    entities: result.entities,
    queries: database.queries() - queries,
    calls: catalog.callCounts(),
  };
}

/**
 * States, then one untimed snapshot (the report's previous one) and
 * `snapshotRounds` timed ones on the following days up to today, then the
 * report over HTTP from a backend started on the same database: today has
 * its snapshot, so the plugin's start-up run has nothing to do.
 */
async function measureOurs(
  kind: BenchDatabaseKind,
  org: OrgCatalog,
  catalog: IndexedCatalog,
  engine: Engine,
  options: { rounds: number; snapshotRounds: number; bulk: boolean },
): Promise<OursResult> {
  return withDatabase(kind, DATABASE_PREFIX, async database => {
    const seeded = await seedStates(
      database,
      catalog,
      org,
      engine,
      options.bulk,
    );
    const service = await scorecardService(database.knex, catalog, engine);
    const today = Date.now();
    const day = (daysAgo: number) => new Date(today - daysAgo * DAY_MS);
    const warmUp = await timedSnapshot(
      service,
      database,
      catalog,
      day(options.snapshotRounds),
    );
    const snapshots: SnapshotRun[] = [];
    for (let daysAgo = options.snapshotRounds - 1; daysAgo >= 0; daysAgo--) {
      snapshots.push(
        await timedSnapshot(service, database, catalog, day(daysAgo)),
      );
    }

    const { backend, api } = await startBackend(
      catalog,
      database.knex,
      credentials,
    );
    try {
      const url = `${api}/scorecards?groupBy=owner`;
      await get(url); // the first request pays for loading and connecting
      const report: ReportRun = {
        ms: [],
        bytes: 0,
        groups: 0,
        entities: 0,
        source: '',
        previous: false,
        queries: 0,
      };
      const queries = database.queries();
      for (let round = 0; round < options.rounds; round++) {
        const { elapsed, body } = await get(url);
        report.ms.push(elapsed);
        report.bytes = body.length;
        const parsed = JSON.parse(body.toString('utf8')) as ScorecardReport;
        report.groups = parsed.groups.length;
        report.entities = parsed.totals.entities;
        report.source = parsed.source;
        report.previous = Boolean(parsed.previousTakenAt);
      }
      report.queries = (database.queries() - queries) / options.rounds;
      return { seeded, warmUp, snapshots, report };
    } finally {
      await backend.stop();
    }
  });
}

function describeOurs(result: OursResult, peerMs: number, entities: number) {
  const { seeded, snapshots, report } = result;
  out(`  ${describeSeeded(seeded)}`);
  const reportMs = median(report.ms);
  const reportRatio = peerMs / reportMs;
  const reportOk =
    report.entities === entities &&
    report.source === 'snapshot' &&
    report.previous;
  out(
    `  (a) report from the latest snapshot, GET /scorecards?groupBy=owner over HTTP: median ${ms(
      reportMs,
    )} (${report.ms.length} rounds: ${report.ms.map(ms).join(', ')}); ${
      report.groups
    } groups, ${n(
      report.entities,
    )} entities, change since the previous snapshot: ${
      report.previous ? 'yes' : 'NO'
    }; ${kb(report.bytes)}, ${report.queries.toFixed(0)} queries${
      reportOk ? '' : ' (NOT the expected report)'
    }`,
  );
  out(
    `      Tech Insights runChecks / report: ${ratio(reportRatio)} (target ≥ ${
      TARGETS.report
    }x: ${verdict(reportRatio >= TARGETS.report)})`,
  );
  const snapshotMs = median(snapshots.map(run => run.ms));
  const snapshot = snapshots[snapshots.map(run => run.ms).indexOf(snapshotMs)];
  const snapshotRatio = peerMs / snapshotMs;
  out(
    `  (b) snapshot of ${n(
      snapshot.entities,
    )} entities (catalog read, profile, guidance, score, write): ${ms(
      snapshotMs,
    )} (${snapshots.length} timed: ${snapshots
      .map(run => ms(run.ms))
      .join(', ')}; untimed first one ${ms(result.warmUp.ms)}); ${(
      (snapshotMs / snapshot.entities) *
      1000
    ).toFixed(0)} µs per entity, ${n(snapshot.queries)} queries`,
  );
  out(`      catalog calls: ${calls(snapshot.calls)}`);
  out(
    `      Tech Insights runChecks / snapshot: ${ratio(
      snapshotRatio,
    )} (target ≥ ${TARGETS.snapshot}x, no slower: ${verdict(
      snapshotRatio >= TARGETS.snapshot,
    )})`,
  );
  return { reportMs, reportRatio, snapshotMs, snapshotRatio };
}

// ------------------------------------------------- (c) peak RSS, in a child

interface RssResult {
  entities: number;
  snapshotMs: number;
  /** KiB: RSS before the snapshot, and its peak during it */
  baselineKb: number;
  peakKb: number;
  /** whether the peak was reset before the snapshot (/proc/self/clear_refs) */
  peakReset: boolean;
}

type CatalogRequest = { id: number; method: string; request: unknown };
type CatalogReply = { id: number; result?: unknown; error?: string };

function procStatusKb(field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = readFileSync('/proc/self/status', 'utf8').match(
      new RegExp(`${field}:\\s+(\\d+)`),
    );
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the process's peak RSS to its current RSS (Linux); false where it cannot. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * The catalog of the parent process, asked over the IPC channel: the child
 * holds what the catalog sends it, as a plugin holds a catalog backend's
 * responses, and not the catalog itself. Credentials stay behind (the
 * bench catalog shows everything to everyone).
 */
function parentCatalog(): CatalogService {
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  process.on('message', (reply: CatalogReply) => {
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) call?.reject(new Error(reply.error));
    else call?.resolve(reply.result);
  });
  return new Proxy({} as CatalogService, {
    get: (_, method: string) => (request: unknown) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        process.send!({ id, method, request } satisfies CatalogRequest);
      }),
  });
}

/** The child: one snapshot over the parent's catalog and seeded database, its peak RSS alone. */
async function rssChild(kind: BenchDatabaseKind, location: string) {
  const engine = await loadEngine();
  const database = connectDatabase(kind, location);
  try {
    const service = await scorecardService(
      database.knex,
      parentCatalog(),
      engine,
    );
    (global as { gc?: () => void }).gc?.();
    const peakReset = resetPeakRss();
    const baselineKb = procStatusKb('VmRSS') ?? process.resourceUsage().maxRSS;
    const started = now();
    const snapshot = await service.takeSnapshot();
    const snapshotMs = now() - started;
    const peakKb = Math.max(
      procStatusKb('VmHWM') ?? 0,
      process.resourceUsage().maxRSS,
    );
    const result: RssResult = {
      entities: snapshot.entities,
      snapshotMs,
      baselineKb,
      peakKb,
      peakReset,
    };
    await new Promise(resolve => process.send!({ result }, resolve));
  } finally {
    await database.close();
  }
}

/**
 * (c): the parent generates the catalog and seeds the states (in bulk) into
 * a database both can open (PostgreSQL, or SQLite in a temporary file),
 * then a child process takes the snapshot, asking the parent's catalog
 * over IPC, and reports its own peak RSS.
 */
async function measureRss(
  kind: BenchDatabaseKind,
  org: OrgCatalog,
  catalog: IndexedCatalog,
  engine: Engine,
) {
  const directory = mkdtempSync(join(tmpdir(), 'bench-scorecard-'));
  try {
    return await withDatabase(
      kind,
      DATABASE_PREFIX,
      async database => {
        const seeded = await seedStates(database, catalog, org, engine, true);
        const child = fork(
          __filename,
          ['--rss-child', kind, '--location', database.location],
          {
            execArgv: [...process.execArgv, '--expose-gc'],
            serialization: 'advanced',
          },
        );
        let catalogCalls = 0;
        let catalogEntities = 0;
        child.on('message', async (message: CatalogRequest) => {
          if (!('method' in message)) return;
          catalogCalls++;
          try {
            const method = (catalog as any)[message.method] as (
              request: unknown,
              options: { credentials: BackstageCredentials },
            ) => Promise<unknown>;
            const result = await method.call(catalog, message.request, {
              credentials,
            });
            const { items } = result as { items?: unknown[] };
            catalogEntities += Array.isArray(items) ? items.length : 0;
            child.send({ id: message.id, result } satisfies CatalogReply);
          } catch (error) {
            child.send({
              id: message.id,
              error: String(error),
            } satisfies CatalogReply);
          }
        });
        const result = await new Promise<RssResult>((resolve, reject) => {
          let answer: RssResult | undefined;
          child.on('message', (message: { result?: RssResult }) => {
            if (message.result) answer = message.result;
          });
          child.on('error', reject);
          child.on('exit', code =>
            answer
              ? resolve(answer)
              : reject(new Error(`The RSS child exited with ${code}`)),
          );
        });
        return { ...result, seeded, catalogCalls, catalogEntities };
      },
      join(directory, 'scorecard.sqlite'),
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function describeRss(
  kind: BenchDatabaseKind,
  result: Awaited<ReturnType<typeof measureRss>>,
) {
  const peakMb = result.peakKb / 1024;
  out(
    `  (c) peak RSS of a snapshot of ${n(
      result.entities,
    )} entities, in a child process: ${mb(result.peakKb)} (target < ${
      TARGETS.rssMb
    } MB: ${verdict(peakMb < TARGETS.rssMb)})`,
  );
  out(
    `      on ${
      kind === 'SQLite' ? 'SQLite in a temporary file' : 'PostgreSQL'
    }; ${
      result.peakReset
        ? 'peak reset just before the snapshot (/proc/self/clear_refs)'
        : 'peak over the whole child process (it could not be reset)'
    }, RSS then ${mb(result.baselineKb)}; the snapshot took ${ms(
      result.snapshotMs,
    )}; the catalog answered from the parent over IPC (${n(
      result.catalogCalls,
    )} calls, ${n(result.catalogEntities)} entities sent); ${describeSeeded(
      result.seeded,
    )}`,
  );
  return peakMb;
}

// -------------------------------------------------------------------- main

async function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: String(BENCH_ORG.owned) },
      workload: { type: 'string', default: 'components' },
      rounds: { type: 'string', default: '5' },
      'snapshot-rounds': { type: 'string', default: '2' },
      'skip-postgres': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: String(CHECKS_RUN_CONCURRENCY) },
      'rss-entities': { type: 'string', default: '100000' },
      'skip-rss': { type: 'boolean', default: false },
      'seed-through-store': { type: 'boolean', default: false },
      'rss-child': { type: 'string' },
      location: { type: 'string' },
    },
  });
  const entities = Number(values.entities);
  if (values.workload !== 'components' && values.workload !== 'owned') {
    throw new Error(
      `--workload is components or owned, not ${values.workload}`,
    );
  }
  const componentsOnly = values.workload === 'components';
  if (values['rss-child']) {
    await rssChild(
      values['rss-child'] as BenchDatabaseKind,
      values.location ?? '',
    );
    // Before runBench's closing line, which is the parent's to print.
    process.exit(0);
  }
  const concurrency = Number(values.concurrency);
  const rounds = Number(values.rounds);
  const snapshotRounds = Number(values['snapshot-rounds']);

  out(
    `catalog: IndexedCatalog (indexed by ref, kind and relation), agrees with catalogServiceMock on ${n(
      await checkIndexedCatalog(),
    )} calls over a small catalog`,
  );
  const org = generate(entities, componentsOnly);
  const catalog = new IndexedCatalog(org.entities);
  const kinds = new Map<string, number>();
  for (const entity of org.entities) {
    kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1);
  }
  out(
    `workload: ${n(org.owned.length)} ${
      componentsOnly
        ? 'components (each on its own: no Systems, no Resources)'
        : `owned entities (${['Component', 'System', 'Resource']
            .map(kind => `${n(kinds.get(kind) ?? 0)} ${kind}s`)
            .join(', ')})`
    } owned by ${
      org.groups.filter(group => group.owned.length > 0).length
    } groups (one organisation, ${
      org.groups.filter(group => group.depth === 1).length
    } departments, ${
      org.groups.filter(group => group.depth === 2).length
    } areas, ${
      org.groups.filter(group => group.depth === 3).length
    } teams; seed ${SEED}); ${n(
      org.entities.length,
    )} catalog entities in all, served at once (in memory, no latency)`,
  );
  out(
    `peer: Tech Insights (@backstage-community/plugin-tech-insights-backend ${
      require('@backstage-community/plugin-tech-insights-backend/package.json')
        .version
    }, -module-jsonfc ${
      require('@backstage-community/plugin-tech-insights-backend-module-jsonfc/package.json')
        .version
    }): ${FACT_NAMES.length} boolean facts per entity in one fact row, ${
      TECH_INSIGHTS_CHECKS.length
    } checks 'fact equal true', runChecks for the same ${n(
      org.owned.length,
    )} entities, concurrency ${concurrency}, after ${WARM_UP_ENTITIES} untimed`,
  );

  const databases: BenchDatabaseKind[] = ['SQLite'];
  let postgresVersion = '';
  if (values['skip-postgres']) {
    out('PostgreSQL: skipped (--skip-postgres)');
  } else {
    const probe = await probePostgres();
    if ('unreachable' in probe) {
      out(
        `PostgreSQL: skipped, ${DEFAULT_POSTGRES_URL} is not reachable (${probe.unreachable}); set BENCH_POSTGRES_URL`,
      );
    } else {
      postgresVersion = probe.version;
      databases.push('PostgreSQL');
    }
  }

  const engine = await loadEngine();
  const rssEntities = Number(values['rss-entities']);
  let rssWorkload: { org: OrgCatalog; catalog: IndexedCatalog } | undefined;
  const summary: string[] = [];
  for (const kind of databases) {
    out();
    out(
      kind === 'SQLite'
        ? 'SQLite (better-sqlite3, in memory, one connection; a database per side):'
        : `PostgreSQL ${postgresVersion} (${
            new URL(DEFAULT_POSTGRES_URL).host
          }; a fresh database per side, dropped after; knex pool of up to 10):`,
    );
    const peer = await measurePeer(kind, org.owned, concurrency);
    describePeer(peer);
    const ours = await measureOurs(kind, org, catalog, engine, {
      rounds,
      snapshotRounds,
      bulk: !values['seed-through-store'],
    });
    const figures = describeOurs(ours, peer.run.ms, org.owned.length);
    let rssLine = 'skipped';
    if (!values['skip-rss']) {
      if (!rssWorkload) {
        const rssOrg = generate(rssEntities, componentsOnly);
        rssWorkload = {
          org: rssOrg,
          catalog: new IndexedCatalog(rssOrg.entities),
        };
      }
      const rss = await measureRss(
        kind,
        rssWorkload.org,
        rssWorkload.catalog,
        engine,
      );
      const peakMb = describeRss(kind, rss);
      rssLine = `${n(peakMb)} MB for ${n(rss.entities)} (${verdict(
        peakMb < TARGETS.rssMb,
      )})`;
    }
    summary.push(
      `${kind}: Tech Insights ${ms(peer.run.ms)}; (a) report ${ms(
        figures.reportMs,
      )}, ${ratio(figures.reportRatio)} (${verdict(
        figures.reportRatio >= TARGETS.report,
      )}); (b) snapshot ${ms(figures.snapshotMs)}, ${ratio(
        figures.snapshotRatio,
      )} (${verdict(
        figures.snapshotRatio >= TARGETS.snapshot,
      )}); (c) ${rssLine}`,
    );
  }

  out();
  out(
    `summary (targets: (a) ≥ ${TARGETS.report}x, (b) ≥ ${TARGETS.snapshot}x, (c) < ${TARGETS.rssMb} MB):`,
  );
  for (const line of summary) out(`  ${line}`);
}

runBench(main);
