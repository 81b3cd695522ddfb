/**
 * Where a bench pass spends its time: a V8 CPU profile of the process
 * (client and server share it) with self time grouped by the code it is in,
 * and counts of the plugin's expensive calls. Not shipped (outside `src/`).
 */
import fs from 'fs';
import { Session } from 'inspector';
import path from 'path';
import { DatabaseChecklistStore } from '../src/database/DatabaseChecklistStore';
import { GuidanceService } from '../src/service/GuidanceService';

interface CpuProfile {
  nodes: {
    id: number;
    children?: number[];
    callFrame: {
      functionName: string;
      url: string;
      lineNumber: number;
    };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the work a function belongs to, by its file and name. */
const BUCKETS: [string, (url: string, fn: string) => boolean][] = [
  ['profile', url => url.includes('/case-studies-common/src/profile/')],
  [
    'guidance (matching)',
    url =>
      url.includes('/case-studies-common/src/matching/') ||
      url.includes('/case-studies-common/src/knowledge/'),
  ],
  [
    'checklist + scoring',
    url => url.includes('/case-studies-common/src/scoring/'),
  ],
  ['catalog reads', url => url.includes('/src/service/readEntityContext')],
  ['in-memory catalog', url => url.includes('/bench/IndexedCatalog')],
  ['roll-up assembly', url => url.includes('/src/service/RollupService')],
  [
    'guidance response',
    url =>
      url.includes('/src/service/GuidanceService') ||
      url.includes('/src/service/GuidanceCache') ||
      url.includes('/lru-cache/'),
  ],
  [
    'serialisation',
    (url, fn) =>
      url.includes('/src/service/SerialisedJson') ||
      (url.endsWith('express/lib/response.js') &&
        (fn === 'json' || fn === 'stringify')),
  ],
  [
    'store',
    url =>
      url.includes('/src/database/') ||
      url.includes('/knex/') ||
      url.includes('better-sqlite3'),
  ],
  [
    'entity refs',
    url =>
      url.includes('/@backstage/catalog-model/') ||
      url.includes('/src/service/entityRefs'),
  ],
  [
    'client (fetch, JSON.parse)',
    url => url.includes('undici') || url.includes('/bench/teams'),
  ],
  [
    'HTTP server',
    url => url.includes('/express') || url.includes('/@backstage/'),
  ],
  ['node (sockets, streams, timers)', url => url.startsWith('node:')],
  ['garbage collection', (_, fn) => fn === '(garbage collector)'],
  ['idle', (_, fn) => fn === '(idle)'],
];

const VM_FRAMES = new Set([
  '(garbage collector)',
  '(idle)',
  '(program)',
  '(root)',
]);

/**
 * The bucket of each node: a native or built-in frame (no file: JSON,
 * SQLite, hashing, socket writes) counts with the code that called it, and
 * anything below the inspector is the profiler's own.
 */
export function bucketsOf(profile: CpuProfile): Map<number, string> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  const bucketOf = new Map<number, string>();
  // Whether a JS caller with a file of its own is above: Node's internals
  // (buffers, streams) count with the code that called them; the event
  // loop's own (sockets, timers) stay in Node.
  const hasCaller = (id: number | undefined): boolean => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { url } = byId.get(at)!.callFrame;
      if (url !== '' && !url.startsWith('node:')) return true;
    }
    return false;
  };
  const resolve = (id: number): string => {
    const known = bucketOf.get(id);
    if (known) return known;
    bucketOf.set(id, 'other');
    const { url, functionName } = byId.get(id)!.callFrame;
    let bucket: string;
    const inherits =
      (url === '' && !VM_FRAMES.has(functionName)) || url.startsWith('node:');
    if (url === 'node:inspector') bucket = 'profiler';
    else if (inherits && parent.has(id) && hasCaller(parent.get(id)!)) {
      bucket = resolve(parent.get(id)!);
    } else {
      bucket =
        BUCKETS.find(([, test]) => test(url, functionName))?.[0] ?? 'other';
    }
    if (bucket !== 'profiler' && parent.has(id)) {
      // The profiler's own frames sit below JS code: check the ancestors.
      if (resolve(parent.get(id)!) === 'profiler') bucket = 'profiler';
    }
    bucketOf.set(id, bucket);
    return bucket;
  };
  for (const node of profile.nodes) resolve(node.id);
  return bucketOf;
}

/** Self time by bucket, largest first, as one line (the profiler's own left out). */
export function profileBuckets(profile: CpuProfile): string {
  const bucketOf = bucketsOf(profile);
  const micros = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const bucket = bucketOf.get(id)!;
    micros.set(
      bucket,
      (micros.get(bucket) ?? 0) + (profile.timeDeltas[i] ?? 0),
    );
  });
  micros.delete('profiler');
  const busy = [...micros]
    .filter(([bucket]) => bucket !== 'idle')
    .reduce((sum, [, us]) => sum + us, 0);
  return [...micros]
    .sort((a, b) => b[1] - a[1])
    .map(([bucket, us]) =>
      bucket === 'idle'
        ? `idle ${Math.round(us / 1000)} ms`
        : `${bucket} ${Math.round(us / 1000)} ms (${((us / busy) * 100).toFixed(
            0,
          )} %)`,
    )
    .join(', ');
}

/** Writes a profile for DevTools or speedscope, when a folder is given. */
export function saveProfile(
  dir: string | undefined,
  name: string,
  profile: CpuProfile,
): void {
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `bench-teams-${name}.cpuprofile`),
    JSON.stringify(profile),
  );
}

/** The functions with the most self time, with their file and line. */
export function topFunctions(profile: CpuProfile, count: number): string[] {
  const nodes = new Map(profile.nodes.map(node => [node.id, node]));
  const bucketOf = bucketsOf(profile);
  const micros = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (bucketOf.get(id) === 'profiler') return;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.replace(
      /^.*\/(plugins|node_modules)\//,
      '',
    )}:${lineNumber + 1}`;
    micros.set(where, (micros.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return [...micros]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, us]) => `${Math.round(us / 1000)} ms ${where}`);
}

/** Counts the plugin's evaluations and store reads while installed. */
export class ProfileCounters {
  evaluations = 0;
  responses = 0;
  storeCalls = 0;
  storeRefs = 0;
  storeMs = 0;

  install(): () => void {
    const evaluate = GuidanceService.prototype.evaluate;
    const respond = GuidanceService.prototype.respond;
    const getStates = DatabaseChecklistStore.prototype.getStates;
    const getStatesForEntities =
      DatabaseChecklistStore.prototype.getStatesForEntities;
    const countEvaluation = () => this.evaluations++;
    const countResponse = () => this.responses++;
    GuidanceService.prototype.evaluate = function countedEvaluate(...args) {
      countEvaluation();
      return evaluate.apply(this, args);
    };
    GuidanceService.prototype.respond = function countedRespond(...args) {
      countResponse();
      return respond.apply(this, args);
    };
    const timed = async <T>(refs: number, read: () => Promise<T>) => {
      const started = performance.now();
      this.storeCalls++;
      this.storeRefs += refs;
      try {
        return await read();
      } finally {
        this.storeMs += performance.now() - started;
      }
    };
    DatabaseChecklistStore.prototype.getStates = function countedGetStates(
      ...args
    ) {
      return timed(1, () => getStates.apply(this, args));
    };
    DatabaseChecklistStore.prototype.getStatesForEntities =
      function countedGetStatesForEntities(...args) {
        return timed(args[0].length, () =>
          getStatesForEntities.apply(this, args),
        );
      };
    return () => {
      GuidanceService.prototype.evaluate = evaluate;
      GuidanceService.prototype.respond = respond;
      DatabaseChecklistStore.prototype.getStates = getStates;
      DatabaseChecklistStore.prototype.getStatesForEntities =
        getStatesForEntities;
    };
  }

  describe(): string {
    return (
      `guidance evaluated ${this.evaluations} times, ${this.responses} guidance responses built, ` +
      `store read ${this.storeCalls} times for ${
        this.storeRefs
      } refs in ${Math.round(
        this.storeMs,
      )} ms (wall, overlapping catalog reads)`
    );
  }
}

/** Runs a pass under the CPU profiler, with the counters installed. */
export async function withCpuProfile<T>(
  counters: ProfileCounters,
  pass: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  const restore = counters.install();
  await post('Profiler.start');
  try {
    const result = await pass();
    const { profile } = await post('Profiler.stop');
    return { result, profile };
  } finally {
    restore();
    session.disconnect();
  }
}
