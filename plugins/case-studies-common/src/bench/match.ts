/**
 * Benchmark of profile + guidance on one core, over a deterministic catalog of
 * 10,000 varied entities (seeded PRNG). Not part of the package API.
 *
 *   yarn workspace @case-studies/plugin-case-studies-common bench:match
 *
 * Options: --entities <n> (default 10000), --rounds <n> timed passes (default 5).
 */
import type { Entity } from '@backstage/catalog-model';
import { parseArgs } from 'util';
import { loadKnowledge } from '../cli';
import { guidance } from '../matching/guidance';
import { profile } from '../profile/profile';
import type { ProfileNeighbours } from '../profile/types';

/** mulberry32: a small, fast, seeded PRNG, so every run profiles the same catalog. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGE_TAGS = [
  'java',
  'kotlin',
  'golang',
  'ruby',
  'rails',
  'python',
  'typescript',
  'nodejs',
  'elixir',
  'rust',
];
const DATABASE_TAGS = [
  'pg',
  'postgresql',
  'mysql',
  'cassandra',
  'scylla',
  'dynamodb',
  'mongodb',
  'sqlite',
  'clickhouse',
];
const OTHER_TAGS = [
  'kafka',
  'redis',
  'memcache',
  'k8s',
  'serverless',
  'payments',
  'billing',
  'chat',
  'e-commerce',
  'geo',
  'crdt',
  'chaos-engineering',
  'grpc',
  'rest',
  'frontend',
];
const SCALES = ['small', 'medium', 'large', 'hyperscale'];
const ARCHITECTURES = [
  'monolith',
  'modular-monolith',
  'microservices',
  'serverless',
];
const PRACTICES = [
  'observability',
  'alerting',
  'idempotency-keys',
  'chaos-engineering',
  'feature-flags',
  'postmortems',
  'circuit-breakers',
];

interface Sample {
  entity: Entity;
  neighbours: ProfileNeighbours;
}

function generateCatalog(count: number, random: () => number): Sample[] {
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  const some = <T>(list: readonly T[], max: number) =>
    Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list));
  const resource = (name: string, type: string, tags: string[]): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, tags },
    spec: { type, owner: 'team' },
  });
  const component = (
    name: string,
    annotations: Record<string, string>,
    tags: string[],
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, tags, annotations },
    spec: {
      type: 'service',
      lifecycle: pick(['production', 'experimental']),
      owner: 'team',
      system: `system-${name.length % 50}`,
    },
  });

  return Array.from({ length: count }, (_, index) => {
    const annotations: Record<string, string> = {};
    // A third of the entities are annotated, as in a catalog that adopted the plugin part-way.
    if (random() < 0.33) {
      annotations['case-studies/scale'] = pick(SCALES);
      annotations['case-studies/architecture'] = pick(ARCHITECTURES);
      annotations['case-studies/practices'] = some(PRACTICES, 4).join(',');
    }
    if (random() < 0.2)
      annotations['case-studies/database'] = pick(DATABASE_TAGS);
    if (random() < 0.2)
      annotations['case-studies/peak-rps'] = String(
        Math.floor(random() * 200_000),
      );
    if (random() < 0.3) annotations['pagerduty.com/service-id'] = `P${index}`;
    const tags = [
      ...some(LANGUAGE_TAGS, 2),
      ...some(DATABASE_TAGS, 1),
      ...some(OTHER_TAGS, 4),
    ];
    const entity = component(`service-${index}`, annotations, tags);
    const neighbours: ProfileNeighbours = {};
    if (random() < 0.6) {
      neighbours.resources = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        (__, n) =>
          resource(
            `service-${index}-${pick(DATABASE_TAGS)}-${n}`,
            pick(['database', 'cache', 'message-queue']),
            some(DATABASE_TAGS, 1),
          ),
      );
    }
    if (random() < 0.7) {
      const size = 1 + Math.floor(random() * 8);
      neighbours.system = {
        components: Array.from({ length: size }, (__, n) =>
          component(
            `peer-${index}-${n}`,
            random() < 0.3 ? { 'case-studies/consistency': 'strong' } : {},
            some(OTHER_TAGS, 2),
          ),
        ),
        resources: neighbours.resources,
      };
    }
    if (random() < 0.8) {
      neighbours.ownerGroup = {
        memberCount: 1 + Math.floor(random() * 12),
        ownedComponents: 1 + Math.floor(random() * 15),
      };
    }
    return { entity, neighbours };
  });
}

const WARM_UP_PASSES = 3;

/**
 * Milliseconds to sort 10⁶ random doubles: a yardstick printed with the
 * figures, so results from machines of different speed can be compared
 * (about 130 ms on a current desktop core).
 */
function machineYardstickMs(random: () => number): number {
  const numbers = Array.from({ length: 1_000_000 }, random);
  const started = process.hrtime.bigint();
  numbers.sort((a, b) => a - b);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))
  ];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const count = Number(values.entities);
  const rounds = Number(values.rounds);
  const knowledge = loadKnowledge();
  const catalog = generateCatalog(count, seededRandom(20250101));

  let checksum = 0;
  const run = (sample: Sample) => {
    const result = guidance(
      profile(sample.entity, sample.neighbours),
      knowledge,
    );
    checksum += result.companies[0].score + result.antipatterns.length;
  };

  // Warm-up: V8 needs a few passes before the hot paths are fully optimised.
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
    for (const sample of catalog) run(sample);
  }

  // Each round times every entity; the machine may be shared, so the best
  // round is the figure closest to what one free core does.
  const perEntityMicros = new Float64Array(count * rounds);
  const roundRates: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    const roundStarted = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const before = process.hrtime.bigint();
      run(catalog[i]);
      perEntityMicros[round * count + i] =
        Number(process.hrtime.bigint() - before) / 1000;
    }
    const roundMs = Number(process.hrtime.bigint() - roundStarted) / 1e6;
    roundRates.push(Math.round((count / roundMs) * 1000));
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);

  // Where the time goes: each half on its own, best of three passes.
  const bestPassMicros = (pass: () => void) => {
    let best = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const passStarted = process.hrtime.bigint();
      pass();
      best = Math.min(best, Number(process.hrtime.bigint() - passStarted));
    }
    return best / 1000 / count;
  };
  const profileMicros = bestPassMicros(() => {
    for (const sample of catalog) {
      checksum += profile(sample.entity, sample.neighbours).unknown.length;
    }
  });
  const profiles = catalog.map(sample =>
    profile(sample.entity, sample.neighbours),
  );
  const guidanceMicros = bestPassMicros(() => {
    for (const serviceProfile of profiles) {
      checksum += guidance(serviceProfile, knowledge).lessons.length;
    }
  });
  perEntityMicros.sort();
  const sortedRates = [...roundRates].sort((a, b) => a - b);

  const evaluated = count * rounds;
  process.stdout.write(
    [
      `profile + guidance, ${count} entities x ${rounds} rounds, knowledge ${knowledge.version} ` +
        `(${knowledge.companies.length} companies, ${knowledge.lessons.length} lessons, ${knowledge.patterns.length} patterns, ` +
        `${knowledge.antipatterns.length} antipatterns, ${knowledge.checklist.length} checklist items), node ${process.version}`,
      `entities/s: ${sortedRates[sortedRates.length - 1]} best round, ${
        sortedRates[Math.floor(sortedRates.length / 2)]
      } median round, ${Math.round(
        (evaluated / totalMs) * 1000,
      )} overall (rounds: ${roundRates.join(', ')})`,
      `total: ${totalMs.toFixed(
        1,
      )} ms for ${evaluated} entities (process CPU ${(
        (cpu.user + cpu.system) /
        1000
      ).toFixed(1)} ms)`,
      `per entity: p50 ${percentile(perEntityMicros, 0.5).toFixed(
        1,
      )} µs, p99 ${percentile(perEntityMicros, 0.99).toFixed(1)} µs`,
      `split: profile ${profileMicros.toFixed(
        1,
      )} µs + guidance ${guidanceMicros.toFixed(1)} µs per entity`,
      `machine yardstick: sorting 10^6 doubles takes ${machineYardstickMs(
        seededRandom(1),
      ).toFixed(0)} ms`,
      `checksum: ${checksum}`,
      '',
    ].join('\n'),
  );
}

main();
