import type { Entity } from '@backstage/catalog-model';
import { loadKnowledge } from '../cli';
import type { KnowledgeBase } from '../knowledge/schema';
import { profile } from '../profile/profile';
import type { ProfileNeighbours } from '../profile/types';
import { guidance } from './guidance';

/** Tests over the built-in knowledge base (`knowledge/**` of this package). */
let knowledge: KnowledgeBase;
beforeAll(() => {
  knowledge = loadKnowledge();
});

interface ServiceSketch {
  name?: string;
  tags?: string[];
  annotations?: Record<string, string>;
  type?: string;
  lifecycle?: string;
}

function component({
  name = 'service',
  tags = [],
  annotations = {},
  type = 'service',
  lifecycle = 'production',
}: ServiceSketch): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, tags, annotations },
    spec: { type, lifecycle, owner: 'team' },
  };
}

function database(name: string, tags: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, tags },
    spec: { type: 'database' },
  };
}

function guide(sketch: ServiceSketch, neighbours: ProfileNeighbours = {}) {
  return guidance(profile(component(sketch), neighbours), knowledge);
}

function topThree(sketch: ServiceSketch, neighbours?: ProfileNeighbours) {
  return guide(sketch, neighbours)
    .companies.slice(0, 3)
    .map(c => c.id);
}

const cs = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      `case-studies/${key}`,
      value,
    ]),
  );

describe('companies like a service (built-in knowledge)', () => {
  const cases: [string, string, ServiceSketch, ProfileNeighbours?][] = [
    [
      'Ruby monolith on PostgreSQL handling payments',
      'stripe',
      {
        tags: ['ruby', 'postgres', 'payments'],
        annotations: cs({ architecture: 'monolith' }),
      },
    ],
    [
      'payments service on a dependsOn PostgreSQL, Rails tag',
      'stripe',
      { tags: ['rails', 'billing'] },
      { resources: [database('payments-db', ['pg'])] },
    ],
    [
      'Elixir chat service on ScyllaDB',
      'discord',
      { tags: ['elixir', 'scylla', 'chat'] },
    ],
    [
      'Rust hot path of a chat app on ScyllaDB',
      'discord',
      {
        annotations: cs({
          language: 'rust',
          database: 'scylladb',
          domain: 'messaging',
          scale: 'large',
        }),
      },
    ],
    [
      'Java microservice on Cassandra, eventual, hyperscale',
      'netflix',
      {
        tags: ['java', 'cassandra', 'kafka'],
        annotations: cs({
          architecture: 'microservices',
          consistency: 'eventual',
          scale: 'hyperscale',
        }),
      },
    ],
    [
      'Kotlin video catalogue service with EVCache, large',
      'netflix',
      {
        tags: ['kotlin', 'video', 'evcache'],
        annotations: cs({ architecture: 'microservices', scale: 'large' }),
      },
    ],
    [
      'geospatial dispatch service in Go',
      'uber',
      {
        tags: ['go', 'geospatial', 'kafka', 'redis'],
        annotations: cs({ architecture: 'microservices', scale: 'hyperscale' }),
      },
    ],
    [
      'mobility matching on Spanner',
      'uber',
      {
        tags: ['golang', 'mobility'],
        annotations: cs({ database: 'spanner' }),
      },
    ],
    [
      'sharded MySQL Ruby storefront',
      'shopify',
      {
        tags: ['ruby', 'mysql', 'sharded', 'storefront'],
        annotations: cs({ architecture: 'modular-monolith' }),
      },
    ],
    [
      'real-time collaborative TypeScript editor with CRDTs',
      'figma',
      { tags: ['typescript', 'crdt', 'realtime-collaboration'] },
    ],
    [
      'Rust multiplayer engine for a design tool',
      'figma',
      { tags: ['rust', 'collaboration', 'yjs'] },
    ],
    [
      'edge worker in TypeScript and Rust, serverless',
      'cloudflare',
      { tags: ['typescript', 'rust', 'serverless', 'cloudflare-workers'] },
    ],
    [
      'edge function declared by annotation',
      'cloudflare',
      {
        annotations: cs({
          language: 'typescript',
          architecture: 'edge',
          deployment: 'edge',
          scale: 'hyperscale',
        }),
      },
    ],
    [
      'small Elixir analytics monolith on ClickHouse',
      'plausible',
      {
        tags: ['elixir', 'clickhouse', 'web-analytics'],
        annotations: cs({ scale: 'small', architecture: 'monolith' }),
      },
    ],
    [
      'Rails and Postgres for a small team',
      'gumroad',
      {
        tags: ['rails', 'postgres', 'redis'],
        annotations: cs({ scale: 'small' }),
      },
    ],
    [
      'small Ruby shop with checkout on Postgres',
      'gumroad',
      {
        tags: ['ruby', 'e-commerce', 'postgresql'],
        annotations: cs({ scale: 'small', architecture: 'monolith' }),
      },
    ],
    [
      'Go tool with embedded SQLite',
      'bytebase',
      {
        tags: ['go', 'sqlite', 'devtools'],
        annotations: cs({ scale: 'small' }),
      },
    ],
    [
      'Rails code-hosting monolith on MySQL',
      'github',
      {
        tags: ['ruby', 'mysql', 'memcached', 'devtools'],
        annotations: cs({ architecture: 'monolith', scale: 'hyperscale' }),
      },
    ],
    [
      'block-based documents on Postgres and Redis',
      'notion',
      { tags: ['postgres', 'redis', 'cms', 'collaboration'] },
    ],
    [
      'event-driven music streaming microservices on Kafka',
      'spotify',
      {
        tags: ['kafka', 'streaming', 'event-driven'],
        annotations: cs({ architecture: 'microservices', scale: 'hyperscale' }),
      },
    ],
    [
      'Ruby travel marketplace split into microservices',
      'airbnb',
      {
        tags: ['ruby', 'travel'],
        annotations: cs({
          architecture: 'microservices',
          scale: 'large',
          domain: 'marketplace',
        }),
      },
    ],
    [
      'team chat on MySQL and Vitess with Kafka',
      'slack',
      {
        tags: ['chat', 'vitess', 'mysql', 'kafka', 'memcached'],
        annotations: cs({ scale: 'large' }),
      },
    ],
    [
      'Java ledger with strong consistency on Postgres',
      'stripe',
      {
        tags: ['java', 'ledger'],
        annotations: cs({ database: 'postgres', consistency: 'strong' }),
      },
    ],
  ];

  // Every row gets its neighbours, so jest does not mistake the last parameter for `done`.
  const rows = cases.map(([title, expected, sketch, neighbours]) => [
    title,
    expected,
    sketch,
    neighbours ?? {},
  ]) as [string, string, ServiceSketch, ProfileNeighbours][];

  it.each(rows)(
    '%s → %s in the top three',
    (_, expected, sketch, neighbours) => {
      expect(topThree(sketch, neighbours)).toContain(expected);
    },
  );

  it('scores from 0 to 100, ranked, ties by id', () => {
    const { companies } = guide({ tags: ['java'] });
    expect(companies).toHaveLength(knowledge.companies.length);
    for (const company of companies) {
      expect(Number.isInteger(company.score)).toBe(true);
      expect(company.score).toBeGreaterThanOrEqual(0);
      expect(company.score).toBeLessThanOrEqual(100);
    }
    const scores = companies.map(c => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[scores.length - 1]);
    const plain = guide({});
    expect(plain.companies.map(c => c.score)).toEqual(
      plain.companies.map(() => 0),
    );
    expect(plain.companies.map(c => c.id)).toEqual(
      [...plain.companies.map(c => c.id)].sort(),
    );
  });

  it('caps the score when little is known', () => {
    const [top] = guide({ tags: ['java'] }).companies;
    expect(top.score).toBeLessThan(70);
  });

  it('explains a match with matched and unmatched values on both sides', () => {
    const stripe = guide({
      tags: ['ruby', 'mysql', 'payments'],
    }).companies.find(c => c.id === 'stripe')!;
    expect(stripe.matched).toContainEqual(
      expect.objectContaining({
        attribute: 'language',
        service: ['ruby'],
        shared: ['ruby'],
      }),
    );
    expect(stripe.unmatched).toContainEqual(
      expect.objectContaining({
        attribute: 'databases',
        service: ['mysql'],
        company: expect.arrayContaining(['postgres']),
        shared: [],
      }),
    );
    expect(stripe.decisions.length).toBeGreaterThan(0);
  });

  it("shows Netflix's headcount caveat to a five-person team on a Java microservice", () => {
    const result = guide(
      { tags: ['java'], annotations: cs({ architecture: 'microservices' }) },
      { ownerGroup: { memberCount: 5, ownedComponents: 3 } },
    );
    const netflix = result.companies.find(c => c.id === 'netflix')!;
    expect(netflix.caveats.length).toBeGreaterThan(0);
    expect(netflix.caveats[0].because).toContainEqual(
      expect.objectContaining({
        type: 'fact',
        fact: 'team.members',
        holds: true,
      }),
    );
    const bigTeam = guide(
      {
        tags: ['java'],
        annotations: cs({ architecture: 'microservices', scale: 'hyperscale' }),
      },
      { ownerGroup: { memberCount: 400, ownedComponents: 300 } },
    ).companies.find(c => c.id === 'netflix')!;
    expect(bigTeam.caveats.map(c => c.text)).not.toContain(
      netflix.caveats[0].text,
    );
  });
});

describe('antipatterns (built-in knowledge)', () => {
  const warningIds = (sketch: ServiceSketch, neighbours?: ProfileNeighbours) =>
    guide(sketch, neighbours).antipatterns.map(a => a.id);

  it('warns a team of 2 running 8 services, not a team of 8 running 4', () => {
    const crowded = guide(
      {},
      { ownerGroup: { memberCount: 2, ownedComponents: 8, ownedServices: 8 } },
    );
    const warning = crowded.antipatterns.find(
      a => a.id === 'service-per-engineer',
    );
    expect(warning).toBeDefined();
    expect(warning!.evidence).toEqual([
      expect.objectContaining({
        fact: 'team.servicesPerMember',
        value: expect.objectContaining({ value: 4 }),
      }),
      expect.objectContaining({
        fact: 'team.services',
        value: expect.objectContaining({ value: 8 }),
      }),
    ]);
    expect(warning!.remedy).toBeTruthy();
    expect(warning!.lesson.title).toBeTruthy();

    expect(
      warningIds(
        {},
        {
          ownerGroup: { memberCount: 8, ownedComponents: 4, ownedServices: 4 },
        },
      ),
    ).not.toContain('service-per-engineer');
  });

  it('warns microservices with strong consistency across services with separate databases, not a strong monolith', () => {
    const services = ['orders', 'balances', 'transfers'].map(name =>
      component({ name, annotations: cs({ consistency: 'strong' }) }),
    );
    const system = {
      components: services,
      resources: ['orders-db', 'balances-db', 'transfers-db'].map(name =>
        database(name, ['postgres']),
      ),
    };
    const distributed = guide(
      {
        name: 'orders',
        annotations: cs({
          consistency: 'strong',
          architecture: 'microservices',
        }),
      },
      { system },
    );
    const warning = distributed.antipatterns.find(
      a => a.id === 'microservices-with-strong-consistency',
    );
    expect(warning?.severity).toBe('critical');
    expect(
      warning!.evidence.map(e => (e.type === 'fact' ? e.fact : e.attribute)),
    ).toEqual(
      expect.arrayContaining([
        'architecture',
        'consistency',
        'system.strongConsistencyComponents',
      ]),
    );
    expect(distributed.antipatterns[0].id).toBe(
      'microservices-with-strong-consistency',
    );

    expect(
      warningIds(
        {
          name: 'orders',
          annotations: cs({ consistency: 'strong', architecture: 'monolith' }),
        },
        {
          system: {
            components: [services[0]],
            resources: [database('orders-db')],
          },
        },
      ),
    ).not.toContain('microservices-with-strong-consistency');
  });

  it('warns chaos engineering without observability, not with the groundwork in place', () => {
    expect(warningIds({ tags: ['chaos-engineering'] })).toContain(
      'chaos-without-preparation',
    );
    expect(
      warningIds({
        annotations: cs({
          practices:
            'chaos-engineering, observability, circuit-breakers, timeouts',
        }),
      }),
    ).not.toContain('chaos-without-preparation');
  });

  it('warns Kubernetes on a small service, not on a large one', () => {
    expect(
      warningIds({ tags: ['k8s'], annotations: cs({ scale: 'small' }) }),
    ).toContain('mandated-kubernetes');
    expect(
      warningIds({ tags: ['k8s'], annotations: cs({ scale: 'large' }) }),
    ).not.toContain('mandated-kubernetes');
  });

  it('sorts warnings by severity, then id', () => {
    const result = guide(
      {
        tags: ['rust', 'k8s', 'chaos-engineering'],
        annotations: cs({
          scale: 'small',
          architecture: 'microservices',
          practices: 'rewrite-in-progress',
        }),
      },
      { ownerGroup: { memberCount: 2, ownedComponents: 6, ownedServices: 6 } },
    );
    const order = ['critical', 'high', 'medium', 'low'];
    const keys = result.antipatterns.map(
      a => [order.indexOf(a.severity), a.id] as const,
    );
    expect(keys.length).toBeGreaterThan(3);
    expect(keys).toEqual(
      [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])),
    );
  });
});

describe('an entity without metadata (built-in knowledge)', () => {
  const result = () => guide({ name: 'plain' });

  it('gets no warning at all, least of all a critical one', () => {
    expect(result().antipatterns).toEqual([]);
  });

  it('gets the generally applicable checklist, lessons and tell-us-more', () => {
    const { checklist, lessons, tellUsMore } = result();
    expect(checklist).toHaveLength(knowledge.checklist.length);
    const applicable = checklist.filter(item => item.applies);
    expect(applicable.length).toBeGreaterThan(0);
    expect(applicable[0].explanation).toBe('applies to every service');
    expect(lessons.length).toBeGreaterThan(0);
    expect(tellUsMore.map(m => m.annotation)).toEqual(
      expect.arrayContaining([
        'case-studies/language',
        'case-studies/database',
        'case-studies/scale',
      ]),
    );
  });

  it('explains why a checklist item does not apply', () => {
    const notApplicable = result().checklist.find(item => !item.applies);
    expect(notApplicable?.explanation).toMatch(/unknown/);
  });
});

describe('lessons and patterns (built-in knowledge)', () => {
  it('says which profile values made a lesson apply, specific ones first', () => {
    const { lessons, patterns } = guide({ tags: ['billing'] });
    const idempotency = lessons.find(
      l => l.id === 'idempotency-is-table-stakes',
    );
    expect(idempotency?.because).toContainEqual(
      expect.objectContaining({
        attribute: 'domain',
        values: [expect.objectContaining({ value: 'payments' })],
      }),
    );
    expect(idempotency?.reason).toBeTruthy();
    const firstGeneral = lessons.findIndex(l => l.because.length === 0);
    expect(lessons.slice(firstGeneral).every(l => l.because.length === 0)).toBe(
      true,
    );
    expect(patterns.map(p => p.id)).toContain('idempotency-keys');
  });

  it('is deterministic', () => {
    const sketch = {
      tags: ['ruby', 'postgres', 'k8s'],
      annotations: cs({ scale: 'small' }),
    };
    expect(guide(sketch)).toEqual(guide(sketch));
  });
});
