import type { Entity } from '@backstage/catalog-model';
import { loadKnowledge } from '../cli';
import type { KnowledgeBase } from '../knowledge/schema';
import { neighboursFromEntities } from '../profile/neighbours';
import { profile } from '../profile/profile';
import { guidance } from './guidance';

/**
 * The antipattern rules reviewed in issue 17, on small catalogs profiled the
 * way the CLI profiles a file (every entity's neighbours found among the
 * others): for each rule, realistic variants that must fire, with their
 * severity, and near-misses that must not.
 */
let knowledge: KnowledgeBase;
beforeAll(() => {
  knowledge = loadKnowledge();
});

interface ComponentSketch {
  type?: string;
  system?: string;
  owner?: string;
  dependsOn?: string[];
  tags?: string[];
  annotations?: Record<string, string>;
  links?: { url: string; title?: string; type?: string }[];
}

function component(
  name: string,
  {
    type = 'service',
    system,
    owner = 'some-team',
    dependsOn = [],
    tags = [],
    annotations = {},
    links = [],
  }: ComponentSketch = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, tags, annotations, links },
    spec: {
      type,
      lifecycle: 'production',
      owner,
      dependsOn,
      ...(system ? { system } : {}),
    },
  };
}

function database(name: string, system?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name },
    spec: {
      type: 'database',
      owner: 'some-team',
      ...(system ? { system } : {}),
    },
  };
}

function systemEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name },
    spec: { owner: 'some-team' },
  };
}

function team(name: string, memberCount: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: {
      type: 'team',
      children: [],
      members: Array.from({ length: memberCount }, (_, i) => `${name}-${i}`),
    },
  };
}

const cs = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      `case-studies/${key}`,
      value,
    ]),
  );

/** A catalog whose first entity is the one under test. */
type Catalog = Entity[];

function warningsOf(catalog: Catalog) {
  const subject = catalog[0];
  return guidance(
    profile(subject, neighboursFromEntities(subject, catalog)),
    knowledge,
  ).antipatterns;
}

function severityOf(catalog: Catalog, id: string): string | undefined {
  return warningsOf(catalog).find(warning => warning.id === id)?.severity;
}

/** The provenance the rule's evidence shows for a fact, e.g. which components it counted. */
function factDetail(catalog: Catalog, id: string, fact: string): string {
  const warning = warningsOf(catalog).find(w => w.id === id);
  const read = warning?.evidence.find(
    e => e.type === 'fact' && e.fact === fact,
  );
  return read?.type === 'fact' ? read.value?.source.detail ?? '' : '';
}

describe('secret-postmortems', () => {
  const runbook = { url: 'https://wiki.example/runbook', title: 'Runbook' };

  it.each<[string, Catalog]>([
    [
      'postmortems declared, nothing says where they go',
      [component('svc', { annotations: cs({ practices: 'postmortems' }) })],
    ],
    [
      'postmortems declared and a link that is not to them',
      [component('svc', { tags: ['postmortems'], links: [runbook] })],
    ],
    [
      'a large service that lists practices but no postmortems',
      [
        component('svc', {
          annotations: cs({ scale: 'large', practices: 'observability' }),
        }),
      ],
    ],
  ])('fires (medium): %s', (_, catalog) => {
    expect(severityOf(catalog, 'secret-postmortems')).toBe('medium');
  });

  it.each<[string, Catalog]>([
    [
      'internal-postmortems declared in the annotation',
      [
        component('svc', {
          annotations: cs({ practices: 'postmortems, internal-postmortems' }),
        }),
      ],
    ],
    [
      'internal publishing declared by its synonym, as a tag',
      [
        component('svc', {
          tags: ['postmortems', 'postmortems-published-internally'],
        }),
      ],
    ],
    [
      'a link of type postmortems',
      [
        component('svc', {
          tags: ['postmortems'],
          links: [
            runbook,
            {
              url: 'https://wiki.example/pm',
              title: 'Wiki',
              type: 'postmortems',
            },
          ],
        }),
      ],
    ],
    [
      'a link titled as postmortems, without a type',
      [
        component('svc', {
          tags: ['postmortems'],
          links: [
            { url: 'https://wiki.example/pm', title: 'Incident Post-Mortems' },
          ],
        }),
      ],
    ],
    [
      'a large service that says only that its postmortems are published internally',
      [
        component('svc', {
          annotations: cs({
            scale: 'large',
            practices: 'observability, internal-postmortems',
          }),
        }),
      ],
    ],
    [
      'public postmortems',
      [component('svc', { tags: ['postmortems', 'public-postmortems'] })],
    ],
  ])('stays quiet: %s', (_, catalog) => {
    expect(severityOf(catalog, 'secret-postmortems')).toBeUndefined();
  });

  it('shows the link as the source of internal publishing', () => {
    const linked = component('svc', {
      links: [
        {
          url: 'https://wiki.example/pm',
          title: 'Postmortems',
          type: 'postmortems',
        },
      ],
    });
    expect(profile(linked).attributes.practices).toEqual([
      {
        value: 'internal-postmortems',
        source: {
          kind: 'link',
          detail: 'link "Postmortems" (postmortems)',
          confidence: 'medium',
        },
      },
    ]);
  });
});

describe('microservices-with-strong-consistency and strong-consistency-across-service-calls', () => {
  const CRITICAL = 'microservices-with-strong-consistency';
  const CALLS = 'strong-consistency-across-service-calls';
  const strongMicroservice = cs({
    consistency: 'strong',
    architecture: 'microservices',
  });
  const eventualMicroservice = cs({
    consistency: 'eventual',
    architecture: 'microservices',
  });
  /** Services of system `payouts`, each with its own database, none calling another. */
  const payouts = (
    annotations: Record<string, string>[],
    calls: string[] = [],
  ): Catalog => {
    const names = annotations.map((_, i) => `payout-${i}`);
    return [
      ...names.map((name, i) =>
        component(name, {
          system: 'payouts',
          annotations: annotations[i],
          dependsOn: [`resource:default/${name}-db`, ...(i === 0 ? calls : [])],
        }),
      ),
      ...names.map(name => database(`${name}-db`, 'payouts')),
      systemEntity('payouts'),
    ];
  };
  const withOthers = (first: Catalog, ...more: Entity[]): Catalog => [
    ...first,
    ...more,
  ];

  it.each<[string, string | undefined, string | undefined, Catalog]>([
    [
      'several strongly consistent microservices, each with its own database',
      'critical',
      undefined,
      payouts([strongMicroservice, strongMicroservice, strongMicroservice]),
    ],
    [
      'a strongly consistent service calling an eventual one of its system',
      undefined,
      'high',
      payouts(
        [strongMicroservice, eventualMicroservice],
        ['component:default/payout-1'],
      ),
    ],
    [
      'a declared monolith whose strong consistency is inferred from payments, calling a service of its system',
      undefined,
      'high',
      withOthers(
        [
          component('billing', {
            system: 'payouts',
            tags: ['billing'],
            annotations: cs({ architecture: 'monolith' }),
            dependsOn: ['component:default/fees'],
          }),
        ],
        component('fees', { system: 'payouts', type: 'worker' }),
        systemEntity('payouts'),
      ),
    ],
    [
      'several strongly consistent microservices with their own databases, calling each other',
      'critical',
      'high',
      payouts(
        [strongMicroservice, strongMicroservice],
        ['component:default/payout-1'],
      ),
    ],
  ])('%s: critical %s, calls %s', (_, critical, calls, catalog) => {
    expect(severityOf(catalog, CRITICAL)).toBe(critical);
    expect(severityOf(catalog, CALLS)).toBe(calls);
  });

  it.each<[string, Catalog]>([
    [
      'one strongly consistent service among eventual ones, each with its own database',
      payouts([strongMicroservice, eventualMicroservice, eventualMicroservice]),
    ],
    [
      'a strongly consistent service depending on a component of another system',
      withOthers(
        payouts([strongMicroservice], ['component:default/fraud-check']),
        component('fraud-check', { system: 'risk' }),
        systemEntity('risk'),
      ),
    ],
    [
      'a strongly consistent service depending only on resources',
      withOthers(
        payouts([strongMicroservice], ['resource:default/payout-cache']),
        database('payout-cache', 'payouts'),
      ),
    ],
    [
      'a strongly consistent service depending on a library of its own system',
      withOthers(
        payouts([strongMicroservice], ['component:default/money-lib']),
        component('money-lib', { system: 'payouts', type: 'library' }),
      ),
    ],
    [
      'a strongly consistent service depending on a component not in the catalog',
      payouts([strongMicroservice], ['component:default/somewhere-else']),
    ],
    [
      'an eventually consistent service calling services of its system',
      payouts(
        [eventualMicroservice, strongMicroservice],
        ['component:default/payout-1'],
      ),
    ],
  ])('neither fires: %s', (_, catalog) => {
    expect(severityOf(catalog, CRITICAL)).toBeUndefined();
    expect(severityOf(catalog, CALLS)).toBeUndefined();
  });

  it('names the services called in the evidence', () => {
    const catalog = withOthers(
      payouts(
        [strongMicroservice, eventualMicroservice],
        [
          'component:default/payout-1',
          'component:default/money-lib',
          'component:default/fraud-check',
        ],
      ),
      component('money-lib', { system: 'payouts', type: 'library' }),
      component('fraud-check', { system: 'risk' }),
    );
    const detail = factDetail(
      catalog,
      CALLS,
      'entity.sameSystemServiceDependencies',
    );
    expect(detail).toContain('component:default/payout-1');
    expect(detail).toContain('system:default/payouts');
    expect(detail).not.toContain('money-lib');
    expect(detail).not.toContain('fraud-check');
  });
});

describe('service-per-engineer', () => {
  /** A team of `members` owning so many components of each type; the first is under test. */
  const teamOwning = (
    members: number,
    types: Record<string, number>,
  ): Catalog => [
    ...Object.entries(types)
      .flatMap(([type, count]) => Array<string>(count).fill(type))
      .map((type, i) => component(`part-${i}`, { type, owner: 'squad' })),
    team('squad', members),
  ];

  it.each<[string, Catalog]>([
    ['two people running five services', teamOwning(2, { service: 5 })],
    [
      'two people running four services and a worker, besides a library',
      teamOwning(2, { service: 4, worker: 1, library: 1 }),
    ],
  ])('fires (high): %s', (_, catalog) => {
    expect(severityOf(catalog, 'service-per-engineer')).toBe('high');
  });

  it.each<[string, Catalog]>([
    ['two people owning six libraries', teamOwning(2, { library: 6 })],
    [
      'two people owning three services, two websites and three libraries',
      teamOwning(2, { service: 3, website: 2, library: 3 }),
    ],
    [
      'three people owning six components, two of them documentation',
      teamOwning(3, { service: 4, documentation: 2 }),
    ],
    ['eight people running six services', teamOwning(8, { service: 6 })],
  ])('stays quiet: %s', (_, catalog) => {
    expect(severityOf(catalog, 'service-per-engineer')).toBeUndefined();
  });

  it('counts only deployed components in its evidence', () => {
    const catalog = teamOwning(2, { service: 5, library: 1, website: 1 });
    expect(factDetail(catalog, 'service-per-engineer', 'team.services')).toBe(
      'group:default/squad owns 5 deployed components',
    );
  });
});

describe('remedies', () => {
  it('link only to patterns that are a fix, never to a "don\'t copy" one', () => {
    const dontCopy = new Set(
      knowledge.patterns
        .filter(pattern => pattern.adoption === 'dont-copy')
        .map(pattern => pattern.id),
    );
    expect(dontCopy.size).toBeGreaterThan(0);
    const offending = knowledge.antipatterns.flatMap(antipattern =>
      antipattern.remedyPatterns
        .filter(id => dontCopy.has(id))
        .map(id => `${antipattern.id} → ${id}`),
    );
    expect(offending).toEqual([]);
    for (const antipattern of knowledge.antipatterns) {
      expect(antipattern.remedyPatterns.length).toBeGreaterThan(0);
    }
  });
});
