/**
 * The bench catalog: 10,000 varied entities with their neighbours, generated
 * from a seeded PRNG so every run and every machine profiles the same ones.
 * Not part of the package API.
 */
import type { Entity } from '@backstage/catalog-model';
import type { ProfileNeighbours } from '../src/profile/types';

/** mulberry32: a small, fast, seeded PRNG, so every run profiles the same catalog. */
export function seededRandom(seed: number): () => number {
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

export interface Sample {
  entity: Entity;
  neighbours: ProfileNeighbours;
}

export function generateCatalog(count: number, random: () => number): Sample[] {
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
      // drawn in this order, as before owned services were counted
      const memberCount = 1 + Math.floor(random() * 12);
      const owned = 1 + Math.floor(random() * 15);
      // every component here is a service: the team runs all it owns
      neighbours.ownerGroup = {
        memberCount,
        ownedComponents: owned,
        ownedServices: owned,
      };
    }
    return { entity, neighbours };
  });
}
