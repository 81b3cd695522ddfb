/**
 * The scale proof: `yarn bench:scale`.
 *
 * A seeded catalog of 50,000 owned entities (orgCatalog.ts: the teams
 * bench's organisation of 1 → 5 departments → 20 areas → 175 teams, sized
 * up), served by the indexed in-memory catalog (IndexedCatalog.ts); checklist
 * states seeded through the plugin's store (in bulk as the rows its first
 * writes leave, read back through it; `--seed-through-store` writes them
 * through `applyChange`); the real plugin in a test backend, over HTTP.
 *
 * Each size runs in a child process of its own, which asks the parent's
 * catalog over IPC: the child holds what a catalog sends it, as a plugin
 * holds a catalog backend's responses, and not the catalog itself, so its
 * memory is the plugin's (and the bench client's). In the child, in turn:
 * the scorecard snapshot (`ScorecardService.takeSnapshot`, taken before the
 * backend starts, so the plugin's start-up run finds today done), then over
 * HTTP the guidance of a seeded sample of entities (p50/p99), the roll-up of
 * the largest team and of the organisation (all pages of 500), and the live
 * scorecard report (`GET /scorecards?groupBy=owner&live=true`) and the one
 * from the snapshot. Each step's peak RSS is exact (the kernel's high-water
 * mark, reset before the step through /proc/self/clear_refs); its peak heap
 * is sampled every 100 ms (a step that blocks the event loop is sampled
 * less). The RSS after a full GC is taken before the steps and after them.
 *
 * Options: --entities <n> (default 50,000); --compare-entities <n> runs
 * that size first, in a child of its own, and prints how memory grew
 * against the catalog (default 10,000; 0 skips it); --sample <n> entities'
 * guidance (default 200); --database sqlite|postgres (default sqlite: in
 * memory, one connection; postgres: a fresh database on
 * BENCH_POSTGRES_URL, dropped after); --seed-through-store;
 * --max-old-space-mb <n> caps V8's old space in the children (a child that
 * dies is reported with the step it died in). BENCH_TRACE=1 prints each
 * child's steps on stderr.
 *
 * Not shipped (outside `src/`).
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  GuidanceResponse,
  RollupResponse,
  ScorecardReport,
} from '@case-studies/plugin-case-studies-common';
import { seededRandom } from '@case-studies/plugin-case-studies-common/bench/catalog';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { fork } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
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
import { seedChecklistStates, shuffled } from './checklistStates';
import {
  BenchDatabaseKind,
  DEFAULT_POSTGRES_URL,
  probePostgres,
  withDatabase,
} from './databases';
import {
  CallCounts,
  COUNTED_METHODS,
  CountedMethod,
  IndexedCatalog,
} from './IndexedCatalog';
import { BENCH_ORG, generateOrgCatalog } from './orgCatalog';
import { calls, kb, ms, n, now, out, runBench } from './report';

const SEED = 20250601;
const ADMIN = 'user:default/bench-admin';
const PAGE_LIMIT = 500;
/** Guidance requests before the timed sample (loading, JIT). */
const WARM_UP = 10;
const SAMPLE_EVERY_MS = 100;

const credentials: BackstageCredentials = mockCredentials.user(ADMIN);
const mib = (bytes: number) => `${n(bytes / 2 ** 20)} MB`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

// ------------------------------------------------------------ memory

function procStatusBytes(field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = readFileSync('/proc/self/status', 'utf8').match(
      new RegExp(`${field}:\\s+(\\d+)`),
    );
    return match ? Number(match[1]) * 1024 : undefined;
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

function collectGarbage() {
  const gc = (global as { gc?: () => void }).gc;
  if (!gc) throw new Error('the child runs with --expose-gc');
  gc();
  gc();
}

/** Progress on stderr with BENCH_TRACE=1. */
const trace = (line: string) => {
  if (process.env.BENCH_TRACE)
    process.stderr.write(`[${process.pid}] ${line}\n`);
};

const rssNow = () => procStatusBytes('VmRSS') ?? process.memoryUsage().rss;

interface StepMemory {
  /** RSS after a full GC, just before the step */
  startRss: number;
  /** heap used after that GC */
  startHeapUsed: number;
  /** the kernel's high-water mark during the step (exact) */
  peakRss: number;
  /** sampled every 100 ms, and at the start and end */
  peakHeapUsed: number;
  peakExact: boolean;
}

interface StepResult<T> {
  name: string;
  ms: number;
  memory: StepMemory;
  value?: T;
  error?: string;
}

/** Runs a step after a GC, with its peak RSS and sampled heap; an error is kept as a finding. */
async function step<T>(
  name: string,
  fn: () => Promise<T>,
): Promise<StepResult<T>> {
  trace(`step ${name}`);
  process.send?.({ progress: name });
  collectGarbage();
  const startRss = rssNow();
  const startHeapUsed = process.memoryUsage().heapUsed;
  const peakExact = resetPeakRss();
  let peakHeapUsed = startHeapUsed;
  let sampledRss = startRss;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, usage.heapUsed);
    sampledRss = Math.max(sampledRss, usage.rss);
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  const started = now();
  let value: T | undefined;
  let error: string | undefined;
  try {
    value = await fn();
  } catch (e) {
    error = String((e as Error)?.message ?? e).slice(0, 500);
  }
  const elapsed = now() - started;
  clearInterval(timer);
  sample();
  const peakRss = peakExact
    ? Math.max(procStatusBytes('VmHWM') ?? 0, sampledRss)
    : sampledRss;
  return {
    name,
    ms: elapsed,
    memory: { startRss, startHeapUsed, peakRss, peakHeapUsed, peakExact },
    value,
    error,
  };
}

// ---------------------------------------------- the catalog, over IPC

type CatalogRequest = { id: number; method: string; request: unknown };
type CatalogReply = { id: number; result?: unknown; error?: string };

/**
 * The parent's catalog, asked over the IPC channel, with the calls counted
 * by method here. Credentials stay behind (the bench catalog shows
 * everything to everyone).
 */
function parentCatalog() {
  let nextId = 0;
  let counts: CallCounts = IndexedCatalog.noCalls();
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  process.on('message', (reply: CatalogReply) => {
    if (typeof reply?.id !== 'number') return;
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) call?.reject(new Error(reply.error));
    else call?.resolve(reply.result);
  });
  // Not a thenable (the backend awaits its service factories' results).
  const catalog = new Proxy({} as CatalogService, {
    get: (_, method) =>
      typeof method !== 'string' || method === 'then'
        ? undefined
        : (request: unknown) =>
            new Promise((resolve, reject) => {
              if (COUNTED_METHODS.includes(method as CountedMethod)) {
                counts[method as CountedMethod]++;
              }
              const id = nextId++;
              pending.set(id, { resolve, reject });
              process.send!({ id, method, request } satisfies CatalogRequest);
            }),
  });
  return {
    catalog,
    reset: () => {
      counts = IndexedCatalog.noCalls();
    },
    counts: () => ({ ...counts }),
  };
}

// ---------------------------------------------------------- the child

interface Workload {
  entities: number;
  owned: string[];
  root: string;
  largest: { ref: string; owned: string[] };
  sample: string[];
}

interface GuidanceStep {
  p50: number;
  p99: number;
  max: number;
  requests: number;
  bytes: number;
  calls: CallCounts;
}

interface RollupStep {
  subject: string;
  pages: number;
  firstPageMs: number;
  bytes: number;
  totalEntities: number;
  distinct: number;
  expected: number;
  missing: number;
  extra: number;
  repeated: number;
  calls: CallCounts;
}

interface ReportStep {
  source: string;
  entities: number;
  groups: number;
  bytes: number;
  calls: CallCounts;
}

interface SnapshotStep {
  entities: number;
  taken: boolean;
  calls: CallCounts;
}

export interface SizeResult {
  entities: number;
  catalogEntities: number;
  seeded: { changes: number; entities: number; readBack?: number; ms: number };
  baselineRss: number;
  baselineHeapUsed: number;
  steps: StepResult<unknown>[];
  /** RSS after a full GC once the steps are done, the backend still up, then stopped */
  endRss: number;
  endHeapUsed: number;
  stoppedRss: number;
  stoppedHeapUsed: number;
  /** V8's old space limit in the child, --max-old-space-mb */
  heapLimit: number;
}

function groupPath(ref: string) {
  const [, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return `${namespace}/${name}`;
}

async function rollup(
  api: string,
  ipc: ReturnType<typeof parentCatalog>,
  subject: string,
  expected: string[],
): Promise<RollupStep> {
  ipc.reset();
  const seen = new Set<string>();
  let repeated = 0;
  let pages = 0;
  let bytes = 0;
  let firstPageMs = 0;
  let totalEntities = 0;
  let cursor: string | undefined;
  do {
    const { elapsed, body } = await get(
      `${api}/groups/${groupPath(
        subject,
      )}/progress?recursive=true&limit=${PAGE_LIMIT}${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
    );
    if (pages === 0) firstPageMs = elapsed;
    pages++;
    bytes += body.length;
    const page = JSON.parse(body.toString('utf8')) as RollupResponse;
    for (const entity of page.entities) {
      const ref = entity.entityRef.toLocaleLowerCase('en-US');
      if (seen.has(ref)) repeated++;
      seen.add(ref);
    }
    totalEntities = page.totalEntities;
    cursor = page.nextCursor;
  } while (cursor);
  const wanted = new Set(expected.map(ref => ref.toLocaleLowerCase('en-US')));
  return {
    subject,
    pages,
    firstPageMs,
    bytes,
    totalEntities,
    distinct: seen.size,
    expected: wanted.size,
    missing: [...wanted].filter(ref => !seen.has(ref)).length,
    extra: [...seen].filter(ref => !wanted.has(ref)).length,
    repeated,
    calls: ipc.counts(),
  };
}

async function report(
  url: string,
  ipc: ReturnType<typeof parentCatalog>,
): Promise<ReportStep> {
  ipc.reset();
  const { body } = await get(url);
  const parsed = JSON.parse(body.toString('utf8')) as ScorecardReport;
  return {
    source: parsed.source,
    entities: parsed.totals.entities,
    groups: parsed.groups.length,
    bytes: body.length,
    calls: ipc.counts(),
  };
}

async function runSize(
  kind: BenchDatabaseKind,
  seedThroughStore: boolean,
): Promise<SizeResult> {
  const ipc = parentCatalog();
  const workload = await new Promise<Workload>(resolve => {
    const listener = (message: { workload?: Workload }) => {
      if (!message?.workload) return;
      process.off('message', listener);
      resolve(message.workload);
    };
    process.on('message', listener);
    process.send!({ ready: true });
  });
  const config = mockServices.rootConfig({ data: {} });
  const knowledge = await loadKnowledge({
    config,
    logger: mockServices.rootLogger({ level: 'none' }),
  });
  const scoring = loadScoringRules(config);
  const guidanceService = new GuidanceService(knowledge, scoring);

  return withDatabase(kind, 'bench_scale', async database => {
    trace('seeding');
    process.send?.({ progress: 'seeding' });
    const seedStarted = now();
    const seeded = await seedChecklistStates({
      knex: database.knex,
      catalog: ipc.catalog,
      entityRefs: workload.owned,
      guidanceService,
      credentials,
      random: seededRandom(SEED + 1),
      actor: ADMIN,
      note: 'seeded by bench:scale',
      concurrency: kind === 'SQLite' ? 1 : 8,
      bulk: !seedThroughStore,
    });
    const seedMs = now() - seedStarted;

    const db = mockServices.database({ knex: database.knex });
    const scorecardService = new ScorecardService({
      catalog: ipc.catalog,
      auth: mockServices.auth(),
      scorer: new EntityScorer({
        catalog: ipc.catalog,
        knowledge,
        scoring,
        guidanceService,
        checklistStore: await DatabaseChecklistStore.create({ database: db }),
      }),
      store: await DatabaseScorecardStore.create({ database: db }),
      scoring,
      logger: mockServices.rootLogger({ level: 'none' }),
      retentionDays: DEFAULT_RETENTION_DAYS,
    });

    collectGarbage();
    const baselineRss = rssNow();
    const baselineHeapUsed = process.memoryUsage().heapUsed;
    const steps: StepResult<unknown>[] = [];

    // The snapshot first: today then has one, so the start-up run of the
    // plugin's snapshot task finds nothing to do and stays out of the way.
    steps.push(
      await step<SnapshotStep>('snapshot', async () => {
        ipc.reset();
        const result = await scorecardService.takeSnapshot();
        return {
          entities: result.entities,
          taken: result.taken,
          calls: ipc.counts(),
        };
      }),
    );

    trace('starting the backend');
    const { backend, api } = await startBackend(
      ipc.catalog,
      database.knex,
      credentials,
    );
    let stopped = false;
    try {
      steps.push(
        await step<GuidanceStep>('guidance', async () => {
          const fetchGuidance = async (ref: string) => {
            const [kindName, rest] = ref.split(':');
            const { elapsed, body } = await get(
              `${api}/entities/${kindName}/${rest}/guidance`,
            );
            JSON.parse(body.toString('utf8')) as GuidanceResponse;
            return { elapsed, bytes: body.length };
          };
          for (const ref of workload.sample.slice(0, WARM_UP)) {
            await fetchGuidance(ref);
          }
          ipc.reset();
          const times: number[] = [];
          let bytes = 0;
          for (const ref of workload.sample.slice(WARM_UP)) {
            const { elapsed, bytes: size } = await fetchGuidance(ref);
            times.push(elapsed);
            bytes += size;
          }
          return {
            p50: percentile(times, 0.5),
            p99: percentile(times, 0.99),
            max: Math.max(...times),
            requests: times.length,
            bytes,
            calls: ipc.counts(),
          };
        }),
      );
      steps.push(
        await step('rollup-team', () =>
          rollup(api, ipc, workload.largest.ref, workload.largest.owned),
        ),
      );
      steps.push(
        await step('rollup-org', () =>
          rollup(api, ipc, workload.root, workload.owned),
        ),
      );
      steps.push(
        await step('report-live', () =>
          report(`${api}/scorecards?groupBy=owner&live=true`, ipc),
        ),
      );
      steps.push(
        await step('report-snapshot', () =>
          report(`${api}/scorecards?groupBy=owner`, ipc),
        ),
      );
      collectGarbage();
      const endRss = rssNow();
      const endHeapUsed = process.memoryUsage().heapUsed;
      await backend.stop();
      stopped = true;
      collectGarbage();
      return {
        entities: workload.entities,
        catalogEntities: 0,
        seeded: { ...seeded, ms: seedMs },
        baselineRss,
        baselineHeapUsed,
        steps,
        endRss,
        endHeapUsed,
        stoppedRss: rssNow(),
        stoppedHeapUsed: process.memoryUsage().heapUsed,
        heapLimit: require('v8').getHeapStatistics().heap_size_limit,
      };
    } finally {
      if (!stopped) await backend.stop();
    }
  });
}

// --------------------------------------------------------- the parent

/** Forks a child for one size, answers its catalog calls, returns what it measured. */
async function measureSize(
  entities: number,
  kind: BenchDatabaseKind,
  sampleSize: number,
  seedThroughStore: boolean,
  maxOldSpaceMb: number | undefined,
): Promise<SizeResult> {
  const org = generateOrgCatalog(
    { ...BENCH_ORG, owned: entities },
    seededRandom(SEED),
  );
  const catalog = new IndexedCatalog(org.entities);
  const kinds = new Map<string, number>();
  for (const entity of org.entities) {
    kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1);
  }
  const largest = org.groups
    .filter(group => group.depth === 3)
    .reduce((a, b) => (b.owned.length > a.owned.length ? b : a));
  out();
  out(
    `${n(org.owned.length)} owned entities (${[
      'Component',
      'System',
      'Resource',
    ]
      .map(name => `${n(kinds.get(name) ?? 0)} ${name}s`)
      .join(', ')}), ${n(
      org.entities.length,
    )} catalog entities in all, seed ${SEED}; ` +
      `groups: 1 organisation → 5 departments → 20 areas → 175 teams; largest team ${
        largest.ref
      } owns ${n(largest.owned.length)}`,
  );
  const workload: Workload = {
    entities: org.owned.length,
    owned: org.owned,
    root: org.root,
    largest: { ref: largest.ref, owned: largest.owned },
    sample: shuffled(org.owned, seededRandom(SEED + 2)).slice(
      0,
      sampleSize + WARM_UP,
    ),
  };
  const child = fork(
    __filename,
    [
      '--size-child',
      '--database',
      kind,
      ...(seedThroughStore ? ['--seed-through-store'] : []),
    ],
    {
      execArgv: [
        ...process.execArgv,
        '--expose-gc',
        ...(maxOldSpaceMb ? [`--max-old-space-size=${maxOldSpaceMb}`] : []),
      ],
      serialization: 'advanced',
    },
  );
  let catalogCalls = 0;
  let catalogEntitiesSent = 0;
  const forked = now();
  let progress = { step: 'start-up', at: forked };
  return new Promise<SizeResult>((resolve, reject) => {
    let answer: SizeResult | undefined;
    child.on(
      'message',
      async (
        message: CatalogRequest & { ready?: boolean; result?: SizeResult },
      ) => {
        if ((message as { progress?: string }).progress) {
          progress = {
            step: (message as { progress?: string }).progress!,
            at: now(),
          };
          return;
        }
        if (message.ready) {
          child.send({ workload });
          return;
        }
        if (message.result) {
          answer = message.result;
          return;
        }
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
          const { items } = (result ?? {}) as { items?: unknown[] };
          catalogEntitiesSent += Array.isArray(items) ? items.length : 1;
          child.send({ id: message.id, result } satisfies CatalogReply);
        } catch (error) {
          child.send({
            id: message.id,
            error: String(error),
          } satisfies CatalogReply);
        }
      },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (answer) {
        out(
          `  catalog in the parent: ${n(catalogCalls)} calls over IPC, ${n(
            catalogEntitiesSent,
          )} entities sent to the child`,
        );
        resolve({ ...answer, catalogEntities: org.entities.length });
      } else {
        reject(
          new Error(
            `The child for ${n(entities)} entities exited with ${
              signal ?? code
            } before reporting (out of memory or a crash: see its stderr above), in step ${
              progress.step
            }, ${ms(now() - progress.at)} into it, ${ms(
              now() - forked,
            )} after the child started`,
          ),
        );
      }
    });
  });
}

const STEP_LABELS: Record<string, string> = {
  snapshot: 'scorecard snapshot (ScorecardService.takeSnapshot)',
  guidance: 'guidance endpoint, one entity at a time',
  'rollup-team': 'roll-up of the largest team, all pages',
  'rollup-org': 'roll-up of the organisation, recursive, all pages',
  'report-live': 'live report, GET /scorecards?groupBy=owner&live=true',
  'report-snapshot': 'report from the snapshot, GET /scorecards?groupBy=owner',
};

function memoryLine(memory: StepMemory) {
  return `peak RSS ${mib(memory.peakRss)} (+${mib(
    memory.peakRss - memory.startRss,
  )} over ${mib(memory.startRss)} after GC at its start${
    memory.peakExact ? '' : '; sampled, /proc/self/clear_refs not writable'
  }), peak heap used ${mib(memory.peakHeapUsed)} (sampled; ${mib(
    memory.startHeapUsed,
  )} after GC at its start)`;
}

function describe(result: SizeResult): string[] {
  const problems: string[] = [];
  out(
    `  checklist states: ${n(result.seeded.changes)} for ${n(
      result.seeded.entities,
    )} entities, ${
      result.seeded.readBack !== undefined
        ? `inserted in bulk as the store's first writes (read back through the store as written: ${n(
            result.seeded.readBack,
          )})`
        : 'through DatabaseChecklistStore.applyChange'
    }, ${ms(result.seeded.ms)}`,
  );
  out(`  V8 heap limit in the child: ${mib(result.heapLimit)}`);
  out(
    `  before the steps, after GC: RSS ${mib(
      result.baselineRss,
    )}, heap used ${mib(result.baselineHeapUsed)}`,
  );
  for (const s of result.steps) {
    out(`  ${STEP_LABELS[s.name]}: ${s.error ? 'FAILED' : ms(s.ms)}`);
    if (s.error) {
      problems.push(`${s.name}: ${s.error}`);
      out(`    error: ${s.error}`);
    } else if (s.name === 'snapshot') {
      const v = s.value as SnapshotStep;
      const ok = v.taken && v.entities === result.entities;
      if (!ok) problems.push(`snapshot: ${v.entities} entities`);
      out(
        `    ${n(v.entities)} entities scored and written (${(
          (s.ms / v.entities) *
          1000
        ).toFixed(0)} µs each; expected ${n(result.entities)}: ${
          ok ? 'yes' : 'NO'
        }); catalog calls: ${calls(v.calls)}`,
      );
    } else if (s.name === 'guidance') {
      const v = s.value as GuidanceStep;
      out(
        `    ${
          v.requests
        } seeded random entities (after ${WARM_UP} untimed), each once (a cold cache): p50 ${v.p50.toFixed(
          1,
        )} ms, p99 ${v.p99.toFixed(1)} ms, max ${v.max.toFixed(1)} ms; ${kb(
          v.bytes / v.requests,
        )} per response; catalog calls: ${calls(v.calls)}`,
      );
    } else if (s.name.startsWith('rollup')) {
      const v = s.value as RollupStep;
      const ok =
        v.repeated === 0 &&
        v.missing === 0 &&
        v.extra === 0 &&
        v.totalEntities === v.expected;
      if (!ok) problems.push(`${s.name}: entities not as expected`);
      out(
        `    ${v.subject}: ${n(v.distinct)} entities on ${
          v.pages
        } page(s) of ≤ ${PAGE_LIMIT} (first page ${ms(
          v.firstPageMs,
        )}), totalEntities ${n(v.totalEntities)} (expected ${n(v.expected)}), ${
          v.repeated
        } repeated, ${v.missing} missing, ${v.extra} not expected: ${
          ok ? 'as expected' : 'NOT as expected'
        }; ${kb(v.bytes)}; catalog calls: ${calls(v.calls)}`,
      );
    } else {
      const v = s.value as ReportStep;
      const ok = v.entities === result.entities;
      if (!ok) problems.push(`${s.name}: ${v.entities} entities`);
      out(
        `    source ${v.source}, ${n(v.entities)} entities (expected ${n(
          result.entities,
        )}: ${ok ? 'yes' : 'NO'}), ${v.groups} groups, ${kb(
          v.bytes,
        )}; catalog calls: ${calls(v.calls)}`,
      );
    }
    out(`    ${memoryLine(s.memory)}`);
  }
  out(
    `  after the steps, after GC: RSS ${mib(result.endRss)} (${
      result.endRss >= result.baselineRss ? '+' : '−'
    }${mib(
      Math.abs(result.endRss - result.baselineRss),
    )} against before), heap used ${mib(result.endHeapUsed)} (+${mib(
      result.endHeapUsed - result.baselineHeapUsed,
    )}), the backend still up (its caches held); once it stopped RSS ${mib(
      result.stoppedRss,
    )}, heap used ${mib(result.stoppedHeapUsed)}`,
  );
  return problems;
}

async function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '50000' },
      'compare-entities': { type: 'string', default: '10000' },
      sample: { type: 'string', default: '200' },
      database: { type: 'string', default: 'sqlite' },
      'seed-through-store': { type: 'boolean', default: false },
      'size-child': { type: 'boolean', default: false },
      'max-old-space-mb': { type: 'string' },
    },
  });
  const database = values.database?.toLowerCase();
  if (
    database !== 'sqlite' &&
    database !== 'postgres' &&
    database !== 'postgresql'
  ) {
    throw new Error(`--database is sqlite or postgres, not ${values.database}`);
  }
  const kind: BenchDatabaseKind =
    database === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const seedThroughStore = Boolean(values['seed-through-store']);
  if (values['size-child']) {
    const result = await runSize(kind, seedThroughStore);
    await new Promise(resolve => process.send!({ result }, resolve));
    // Before runBench's closing line, which is the parent's to print.
    process.exit(0);
  }

  const entities = Number(values.entities);
  const compare = Number(values['compare-entities']);
  const sizes =
    compare > 0 && compare < entities ? [compare, entities] : [entities];
  out(
    `catalog: IndexedCatalog (indexed by ref, kind and relation), agrees with catalogServiceMock on ${n(
      await checkIndexedCatalog(),
    )} calls over a small catalog; it stays in this process and answers each size's child over IPC`,
  );
  if (kind === 'PostgreSQL') {
    const probe = await probePostgres();
    if ('unreachable' in probe) {
      throw new Error(
        `${DEFAULT_POSTGRES_URL} is not reachable (${probe.unreachable}); set BENCH_POSTGRES_URL`,
      );
    }
    out(
      `database: PostgreSQL ${probe.version} (${
        new URL(DEFAULT_POSTGRES_URL).host
      }), a fresh database per size, dropped after`,
    );
  } else {
    out(
      'database: SQLite (better-sqlite3, in memory, one connection) in the child',
    );
  }

  const results: SizeResult[] = [];
  const problems: string[] = [];
  for (const size of sizes) {
    const started = now();
    const result = await measureSize(
      size,
      kind,
      Number(values.sample),
      seedThroughStore,
      values['max-old-space-mb']
        ? Number(values['max-old-space-mb'])
        : undefined,
    );
    problems.push(...describe(result).map(p => `${n(size)}: ${p}`));
    out(`  this size: ${ms(now() - started)} in all`);
    results.push(result);
  }

  out();
  if (results.length === 2) {
    const [small, large] = results;
    const growth = large.entities / small.entities;
    out(
      `memory, ${n(large.entities)} against ${n(
        small.entities,
      )} entities (${growth.toFixed(
        1,
      )}x): what each step adds to the heap after GC at its start (peak, sampled) and its peak RSS, against what it covers:`,
    );
    for (const s of large.steps) {
      const before = small.steps.find(other => other.name === s.name);
      if (!before || s.error || before.error) continue;
      const covered = (r: StepResult<unknown>, size: SizeResult) => {
        if (r.name === 'guidance') return 1;
        if (r.name === 'rollup-team') return (r.value as RollupStep).distinct;
        return size.entities;
      };
      const coverage = covered(s, large) / covered(before, small);
      const added = (r: StepResult<unknown>) =>
        Math.max(r.memory.peakHeapUsed - r.memory.startHeapUsed, 1);
      const ratio = added(s) / added(before);
      out(
        `  ${s.name}: heap +${mib(added(before))} → +${mib(
          added(s),
        )} (${ratio.toFixed(1)}x for ${
          s.name === 'guidance'
            ? 'the same number of requests'
            : `${coverage.toFixed(1)}x the entities`
        }: ${
          ratio < Math.max(coverage, 1.5)
            ? 'grows less than what it covers'
            : 'grows AS MUCH AS what it covers, or more'
        }); peak RSS ${mib(before.memory.peakRss)} → ${mib(s.memory.peakRss)}`,
      );
    }
    const peak = (r: SizeResult) =>
      Math.max(...r.steps.map(s => s.memory.peakRss));
    out(
      `  whole child: peak RSS ${mib(peak(small))} → ${mib(peak(large))} (${(
        peak(large) / peak(small)
      ).toFixed(1)}x); RSS after GC before the steps ${mib(
        small.baselineRss,
      )} → ${mib(large.baselineRss)}, after them ${mib(small.endRss)} → ${mib(
        large.endRss,
      )}`,
    );
  }
  out(
    problems.length === 0
      ? `every step completed at every size, with the expected entities`
      : `PROBLEMS: ${problems.join('; ')}`,
  );
}

runBench(main);
