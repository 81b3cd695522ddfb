import * as fs from 'fs';
import * as path from 'path';
import {
  buildKnowledgeBase,
  KnowledgeSource,
  parseKnowledgeFile,
} from './buildKnowledgeBase';
import {
  Condition,
  KNOWN_PRACTICES,
  ProfileAttribute,
  ProfileFact,
  SCALE_LEVELS,
} from './conditions';
import { KnowledgeBase } from './schema';

/** Tests of the knowledge shipped in `knowledge/` and of the worked example in `examples/knowledge/`. */

const KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');
const EXAMPLE_FILE = path.resolve(
  __dirname,
  '../../../../examples/knowledge/acme-postmortems.yaml',
);
const SEED_FILES = [
  '000_d219270d818add02.txt',
  '001_93e03eb51d1c4337.txt',
  '002_a54bfbe380c8378e.txt',
  '003_d4c0b00417990f70.txt',
];

function readSources(dir: string): KnowledgeSource[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return readSources(full);
      return /\.(ya?ml|json)$/.test(entry.name)
        ? [
            {
              path: path.relative(KNOWLEDGE_DIR, full),
              content: fs.readFileSync(full, 'utf8'),
            },
          ]
        : [];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

const builtin = readSources(KNOWLEDGE_DIR);
const kb = buildKnowledgeBase({ builtin });

const ids = (entries: { id: string }[]) => entries.map(entry => entry.id);

// ── A minimal evaluator of the condition DSL, following its documented
// semantics, to check what the shipped rules fire on. (The real matching
// engine lives elsewhere; this keeps these tests independent of it.)

interface TestProfile {
  attributes?: Partial<Record<ProfileAttribute, string[]>>;
  facts?: Partial<Record<ProfileFact, number>>;
}

function holds(condition: Condition, profile: TestProfile): boolean {
  if ('always' in condition) return true;
  if ('all' in condition) return condition.all.every(c => holds(c, profile));
  if ('any' in condition) return condition.any.some(c => holds(c, profile));
  if ('not' in condition) return !holds(condition.not, profile);
  if ('attribute' in condition) {
    const values = profile.attributes?.[condition.attribute];
    if ('known' in condition) return (values !== undefined) === condition.known;
    return (values ?? []).some(value => condition.in.includes(value));
  }
  const value = profile.facts?.[condition.fact];
  if (value === undefined) return false;
  const { gt, gte, lt, lte, eq } = condition;
  return (
    (gt === undefined || value > gt) &&
    (gte === undefined || value >= gte) &&
    (lt === undefined || value < lt) &&
    (lte === undefined || value <= lte) &&
    (eq === undefined || value === eq)
  );
}

function firingAntipatterns(profile: TestProfile): string[] {
  return kb.antipatterns
    .filter(antipattern => holds(antipattern.detect, profile))
    .map(antipattern => antipattern.id);
}

function everyCondition(base: KnowledgeBase): [string, Condition][] {
  return [
    ...base.companies.flatMap(company =>
      company.dontCopyWhen.map(
        (caveat, i) =>
          [`companies[${company.id}] dontCopyWhen[${i}]`, caveat.when] as [
            string,
            Condition,
          ],
      ),
    ),
    ...base.lessons.map(
      l => [`lessons[${l.id}]`, l.appliesWhen] as [string, Condition],
    ),
    ...base.patterns.map(
      p => [`patterns[${p.id}]`, p.appliesWhen] as [string, Condition],
    ),
    ...base.antipatterns.map(
      a => [`antipatterns[${a.id}]`, a.detect] as [string, Condition],
    ),
    ...base.checklist.map(
      c => [`checklist[${c.id}]`, c.appliesWhen] as [string, Condition],
    ),
  ];
}

function valuesOf(condition: Condition, attribute: ProfileAttribute): string[] {
  if ('all' in condition)
    return condition.all.flatMap(c => valuesOf(c, attribute));
  if ('any' in condition)
    return condition.any.flatMap(c => valuesOf(c, attribute));
  if ('not' in condition) return valuesOf(condition.not, attribute);
  if ('attribute' in condition && 'in' in condition) {
    return condition.attribute === attribute ? condition.in : [];
  }
  return [];
}

describe('the built-in knowledge base', () => {
  it('is read from the shipped knowledge folder', () => {
    expect(builtin.map(s => s.path)).toEqual(
      expect.arrayContaining([
        'lessons.yaml',
        'patterns.yaml',
        'antipatterns.yaml',
        'checklist.yaml',
        path.join('companies', 'netflix.yaml'),
      ]),
    );
  });

  it.each(builtin.map(source => [source.path, source]))(
    '%s validates against the schema on its own',
    (_path, source) => {
      expect(() => parseKnowledgeFile(source)).not.toThrow();
    },
  );

  it('merges without duplicate ids or dangling references', () => {
    expect(kb.version).toMatch(/^[0-9a-f]{16}$/);
    expect(kb.companies.length).toBeGreaterThanOrEqual(15);
  });

  it('has the fifteen companies', () => {
    expect(ids(kb.companies)).toEqual(
      expect.arrayContaining([
        'netflix',
        'stripe',
        'cloudflare',
        'shopify',
        'discord',
        'github',
        'figma',
        'notion',
        'spotify',
        'airbnb',
        'uber',
        'slack',
        'plausible',
        'gumroad',
        'bytebase',
      ]),
    );
    expect(
      kb.companies
        .filter(company => company.small)
        .map(c => c.id)
        .sort(),
    ).toEqual(['bytebase', 'gumroad', 'plausible']);
  });

  it('has the ten common patterns of seed 000', () => {
    expect(ids(kb.patterns)).toEqual(
      expect.arrayContaining([
        'monolith-first',
        'pods-cell-sharding',
        'event-driven-backbone',
        'own-cdn-and-infrastructure',
        'chaos-engineering',
        'polyglot-languages',
        'github-flow',
        'open-source-to-standard',
        'public-postmortems',
        'build-your-own-tools',
      ]),
    );
  });

  it('has the copy / don\u2019t-copy list with its verdicts', () => {
    const adoption = Object.fromEntries(
      kb.patterns.map(pattern => [pattern.id, pattern.adoption]),
    );
    for (const id of [
      'strong-tests-and-ci-cd',
      'postmortem-culture',
      'idempotency-keys',
      'feature-flags',
      'observability',
      'dora-metrics',
    ]) {
      expect([id, adoption[id]]).toEqual([id, 'copy']);
    }
    for (const id of [
      'thousands-of-microservices',
      'own-cdn-and-infrastructure',
      'spotify-model-verbatim',
      'rewrite-everything-in-rust',
      'kubernetes-everywhere',
    ]) {
      expect([id, adoption[id]]).toEqual([id, 'dont-copy']);
    }
    // nothing else is marked don't-copy: the seed's list has just these five
    expect(
      kb.patterns
        .filter(p => p.adoption === 'dont-copy')
        .map(p => p.id)
        .sort(),
    ).toEqual([
      'kubernetes-everywhere',
      'own-cdn-and-infrastructure',
      'rewrite-everything-in-rust',
      'spotify-model-verbatim',
      'thousands-of-microservices',
    ]);
  });

  it('has every named technique of the seeds', () => {
    expect(ids(kb.patterns)).toEqual(
      expect.arrayContaining([
        'cache-lookaside',
        'cache-transient-data-store',
        'cache-primary-store',
        'cache-high-volume-data',
        'circuit-breaker-fallback',
        'client-side-load-balancing',
        'api-gateway-evolution',
        'graphql-federation',
        'idempotency-keys',
        'date-based-api-versioning',
        'pods-cell-sharding',
        'tiered-caching',
        'crdt-collaboration',
        'block-data-model',
        'hexagonal-geo-index',
        'channel-fan-out',
        'websocket-gateway',
        'anycast-edge',
        'isolate-serverless',
        'canary-deploys',
        'red-black-deploys',
        'chaos-engineering',
      ]),
    );
  });

  it('has the ten antipatterns of seed 000 (and a variant of one), each with a lesson and a remedy', () => {
    expect(ids(kb.antipatterns).sort()).toEqual(
      [
        // the project's synchronous-call variant of microservices-with-strong-consistency
        'strong-consistency-across-service-calls',
        'mimicking-netflix',
        'service-per-engineer',
        'building-own-database-or-language',
        'trend-chasing',
        'secret-postmortems',
        'chaos-without-preparation',
        'mandated-kubernetes',
        'microservices-with-strong-consistency',
        'rust-everywhere',
        'copying-spotify-model',
      ].sort(),
    );
    for (const antipattern of kb.antipatterns) {
      expect(antipattern.remedyPatterns.length).toBeGreaterThan(0);
    }
    const critical = kb.antipatterns.filter(a => a.severity === 'critical');
    expect(ids(critical)).toEqual(['microservices-with-strong-consistency']);
  });

  it('has the twelve checklist items of seed 000', () => {
    expect(ids(kb.checklist)).toEqual(
      expect.arrayContaining([
        'compare-with-case-studies',
        'chaos-experiment-with-hypothesis',
        'idempotency-keys-on-post',
        'read-public-postmortems',
        'pod-isolation',
        'rust-on-hot-paths',
        'crdt-for-realtime-collaboration',
        'study-block-data-model',
        'developer-portal-entry',
        'consider-macroservices',
        'tools-match-company-size',
        'postmortem-template',
      ]),
    );
  });

  it('has the five DORA metrics, the core capabilities, postmortem and resilience items', () => {
    const byCategory = (category: string) =>
      ids(kb.checklist.filter(item => item.category === category));
    expect(byCategory('dora-metrics').sort()).toEqual(
      [
        'dora-deployment-frequency',
        'dora-change-lead-time',
        'dora-change-fail-rate',
        'dora-failed-deployment-recovery-time',
        'dora-deployment-rework-rate',
      ].sort(),
    );
    expect(byCategory('dora-capabilities')).toEqual(
      expect.arrayContaining([
        'version-control',
        'continuous-integration',
        'deployment-automation',
        'trunk-based-development',
        'test-automation',
        'monitoring-and-observability',
      ]),
    );
    expect(byCategory('postmortem')).toEqual(
      expect.arrayContaining([
        'postmortem-triggers-defined',
        'postmortem-template',
        'postmortem-blameless',
        'postmortem-single-owner',
        'postmortem-review-meeting',
        'postmortem-action-items-tracked',
        'postmortem-published',
      ]),
    );
    expect(byCategory('resilience')).toEqual(
      expect.arrayContaining([
        'timeouts-on-remote-calls',
        'circuit-breakers-with-fallbacks',
        'chaos-experiment-with-hypothesis',
        'backup-restore-tested',
      ]),
    );
    expect(ids(kb.checklist)).toEqual(
      expect.arrayContaining(['feature-flags', 'idempotency-keys-on-post']),
    );
  });

  it('declares automatic evidence for monitoring, version control and published postmortems', () => {
    const evidence = (id: string) =>
      kb.checklist.find(item => item.id === id)?.evidence;
    expect(evidence('monitoring-and-observability')).toEqual(
      expect.arrayContaining([
        { annotation: 'pagerduty.com/service-id' },
        { annotation: 'grafana/dashboard-selector' },
      ]),
    );
    expect(evidence('version-control')).toEqual(
      expect.arrayContaining([
        { annotation: 'backstage.io/source-location' },
        { annotation: 'github.com/project-slug' },
      ]),
    );
    expect(evidence('postmortem-published')).toEqual(
      expect.arrayContaining([{ link: { titleIncludes: 'postmortem' } }]),
    );
    expect(evidence('feature-flags')).toEqual([{ tag: 'feature-flags' }]);
  });

  const entries = [
    ...kb.companies,
    ...kb.lessons,
    ...kb.patterns,
    ...kb.antipatterns,
    ...kb.checklist,
  ];
  const scaleFigures = kb.companies.flatMap(company =>
    company.scale.map(figure => ({ company: company.id, ...figure })),
  );

  it('names a seed write-up in every entry, unless the entry is wholly the project’s own', () => {
    for (const entry of entries) {
      const seeded = entry.sources.some(source => source.seed);
      const projectOnly = entry.sources.every(source => source.project);
      expect([entry.id, seeded || projectOnly]).toEqual([entry.id, true]);
    }
  });

  it('attributes nothing the project adds to a company', () => {
    const projectOnly = [
      ...kb.lessons,
      ...kb.patterns,
      ...kb.antipatterns,
      ...kb.checklist,
    ].filter(entry => entry.sources.every(source => source.project));
    expect(projectOnly.map(entry => entry.id)).toEqual(
      expect.arrayContaining(['version-control', 'database-change-management']),
    );
    for (const entry of projectOnly) {
      expect([entry.id, entry.companies]).toEqual([entry.id, []]);
    }
  });

  it('names the seed write-up of every scale figure', () => {
    expect(scaleFigures.length).toBeGreaterThan(60);
    for (const figure of scaleFigures) {
      const context = `${figure.company}: ${figure.metric}`;
      expect([context, figure.seed]).toEqual([context, expect.any(String)]);
    }
  });

  it('points every seed reference at a seed write-up it describes by title', () => {
    const seeds = builtin.flatMap(source => parseKnowledgeFile(source).seeds);
    expect(seeds.map(seed => seed.file).sort()).toEqual(SEED_FILES);
    const references = [
      ...entries.flatMap(entry =>
        entry.sources.map(source => ({ where: entry.id, ...source })),
      ),
      ...scaleFigures.map(figure => ({ where: figure.company, ...figure })),
    ].filter(reference => reference.seed);
    expect(references.length).toBeGreaterThan(300);
    for (const { where, seed, seedTitle } of references) {
      const title = seeds.find(s => s.file === seed)?.title;
      expect([where, seed, seedTitle]).toEqual([where, seed, title]);
      expect(title).toBeDefined();
    }
  });

  it('keeps scaleFigures on which the seeds disagree side by side, each with its seed', () => {
    const netflix = scaleFigures.filter(f => f.company === 'netflix');
    const bySeed = (metric: string) =>
      netflix
        .filter(f => f.metric === metric)
        .map(f => [f.seed?.slice(0, 3), f.value])
        .sort();
    expect(bySeed('subscribers')).toEqual([
      ['001', 250_000_000],
      ['003', 200_000_000],
    ]);
    expect(bySeed('microservices')).toEqual([
      ['000', 7000],
      ['002', 1000],
      ['003', 1000],
    ]);
    expect(bySeed('Open Connect servers')).toEqual([
      ['000', 18000],
      ['001', 15000],
    ]);
    // the knowledge base does not guess why they differ
    const text = JSON.stringify(kb);
    expect(text).not.toMatch(
      /earlier count|older figure|different ways of counting|estimates from different times/,
    );
  });

  it('dates the Cloudflare BGP outage by its public postmortem and notes seed 000’s "Nov 2022"', () => {
    const outage = scaleFigures.find(
      f => f.company === 'cloudflare' && /outage/.test(f.metric),
    )!;
    expect(outage.metric).toMatch(/21 June 2022/);
    expect(outage.seed).toBe('000_d219270d818add02.txt');
    expect(outage.source?.url).toMatch(/cloudflare-outage-on-june-21-2022/);
    expect(outage.note).toMatch(/Nov 2022/);
  });

  it('states only what the seeds say about languages and stacks', () => {
    const company = (id: string) => kb.companies.find(c => c.id === id)!;
    // no seed names Cloudflare's languages
    expect(company('cloudflare').stack.languages).toEqual([]);
    expect(company('cloudflare').profile.language).toBeUndefined();
    // seeds give Netflix Java, Kotlin (Android) and Swift (iOS), not TypeScript
    expect(company('netflix').stack.languages.join(' ')).not.toMatch(
      /TypeScript/,
    );
    expect(company('figma').profile.language).toEqual(['rust']);
    expect(company('bytebase').profile.language).toEqual(['go']);
    // the seeds give the small companies' team sizes
    for (const id of ['gumroad', 'bytebase']) {
      expect(company(id).scale.map(f => f.stated)).toContain('a few dozen');
    }
    // seed 001 only links a Discord page: no Slack-style gateway or fan-out for Discord
    expect(company('discord').patterns).not.toEqual(
      expect.arrayContaining(['websocket-gateway']),
    );
    expect(company('discord').patterns).not.toContain('channel-fan-out');
    expect(
      company('discord').sources.flatMap(s => (s.seed ? [s.seed] : [])),
    ).toEqual(['000_d219270d818add02.txt']);
    for (const id of ['websocket-gateway', 'channel-fan-out']) {
      expect(kb.patterns.find(p => p.id === id)!.companies).toEqual(['slack']);
    }
  });

  it('keeps claims the seeds do not make out of the text', () => {
    const text = JSON.stringify(kb);
    expect(text).not.toMatch(/gave way to Argo|giving way to Argo/);
    expect(text).not.toMatch(
      /measured bottleneck was|measured hot paths and kept/,
    );
    expect(text).not.toMatch(/only reached for sharding/);
    expect(text).not.toMatch(/Growth of the organisation and product/);
    expect(text).not.toMatch(
      /privacy-focused|digital products|database DevOps/,
    );
  });

  it('gives every company a summary, stack, profile, decisions, lessons and caveats', () => {
    for (const company of kb.companies) {
      const context = `companies[${company.id}]`;
      expect([context, company.decisions.length > 0]).toEqual([context, true]);
      expect([context, company.lessons.length > 0]).toEqual([context, true]);
      expect([context, company.copyWhen.length > 0]).toEqual([context, true]);
      expect([context, company.dontCopyWhen.length > 0]).toEqual([
        context,
        true,
      ]);
      expect([context, Object.keys(company.profile).length > 0]).toEqual([
        context,
        true,
      ]);
    }
  });

  it('keeps every figure with a unit, and every year plausible', () => {
    const figures = kb.companies.flatMap(company => company.scale);
    expect(figures.length).toBeGreaterThan(30);
    for (const figure of figures) {
      expect(figure.unit.length).toBeGreaterThan(0);
    }
    const years = figures.flatMap(figure =>
      figure.year === undefined ? [] : [figure.year],
    );
    expect(years.length).toBeGreaterThan(10);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2008);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
  });

  it('corrects the garbled Discord figure: 177 Cassandra nodes replaced by 72 ScyllaDB nodes', () => {
    const discord = kb.companies.find(company => company.id === 'discord')!;
    const values = discord.scale.map(figure => figure.value);
    expect(values).toContain(177);
    expect(values).toContain(72);
    expect(values).not.toContain(17772);
    const after = discord.scale.find(figure => figure.value === 72)!;
    expect(after.unit).toBe('nodes');
    expect(after.correction).toMatch(/17772/);
    // no other entry repeats the slip as a number either
    const allValues = kb.companies.flatMap(c => c.scale.map(f => f.value));
    expect(allValues).not.toContain(17772);
  });

  describe('conditions', () => {
    it('use only known practices and scale levels', () => {
      for (const [where, condition] of everyCondition(kb)) {
        for (const practice of valuesOf(condition, 'practices')) {
          expect([
            where,
            practice,
            KNOWN_PRACTICES.includes(practice as any),
          ]).toEqual([where, practice, true]);
        }
        for (const scale of valuesOf(condition, 'scale')) {
          expect([where, scale, SCALE_LEVELS.includes(scale as any)]).toEqual([
            where,
            scale,
            true,
          ]);
        }
      }
      for (const company of kb.companies) {
        for (const practice of company.profile.practices ?? []) {
          expect(KNOWN_PRACTICES).toContain(practice);
        }
        for (const scale of company.profile.scale ?? []) {
          expect(SCALE_LEVELS).toContain(scale);
        }
      }
    });

    it('never fire an antipattern or a company caveat for a service without metadata', () => {
      expect(firingAntipatterns({})).toEqual([]);
      const caveats = kb.companies.flatMap(company =>
        company.dontCopyWhen
          .filter(caveat => holds(caveat.when, {}))
          .map(() => company.id),
      );
      expect(caveats).toEqual([]);
    });

    it('show Netflix\u2019s headcount caveat to a five-person team on a Java microservice', () => {
      const netflix = kb.companies.find(company => company.id === 'netflix')!;
      const profile: TestProfile = {
        attributes: { language: ['java'], architecture: ['microservices'] },
        facts: { 'team.members': 5 },
      };
      const fired = netflix.dontCopyWhen.filter(caveat =>
        holds(caveat.when, profile),
      );
      expect(fired.map(caveat => caveat.text).join(' ')).toMatch(/engineers/);
      // ...and not to a hyperscale organisation with a big team
      expect(
        netflix.dontCopyWhen.filter(caveat =>
          holds(caveat.when, {
            attributes: {
              language: ['java'],
              architecture: ['microservices'],
              scale: ['hyperscale'],
            },
            facts: { 'team.members': 60 },
          }),
        ),
      ).toEqual([]);
    });

    it.each<[string, TestProfile]>([
      [
        'mimicking-netflix',
        { attributes: { architecture: ['microservices'], scale: ['small'] } },
      ],
      [
        'service-per-engineer',
        { facts: { 'team.servicesPerMember': 1.5, 'team.services': 12 } },
      ],
      [
        'building-own-database-or-language',
        {
          attributes: { practices: ['in-house-database'], scale: ['medium'] },
        },
      ],
      ['trend-chasing', { attributes: { practices: ['rewrite-in-progress'] } }],
      ['secret-postmortems', { attributes: { practices: ['postmortems'] } }],
      [
        'chaos-without-preparation',
        { attributes: { practices: ['chaos-engineering', 'timeouts'] } },
      ],
      [
        'mandated-kubernetes',
        {
          attributes: { deployment: ['kubernetes'] },
          facts: { 'team.members': 3 },
        },
      ],
      [
        'microservices-with-strong-consistency',
        {
          attributes: {
            architecture: ['microservices'],
            consistency: ['strong'],
          },
          facts: {
            'system.strongConsistencyComponents': 2,
            'system.databases': 3,
          },
        },
      ],
      [
        'rust-everywhere',
        {
          attributes: {
            language: ['rust'],
            scale: ['small'],
            practices: ['rewrite-in-progress'],
          },
        },
      ],
      [
        'copying-spotify-model',
        { attributes: { practices: ['spotify-model'] } },
      ],
    ])('%s fires on its intended evidence', (id, profile) => {
      expect(firingAntipatterns(profile)).toContain(id);
    });

    it.each<[string, TestProfile]>([
      [
        'mimicking-netflix',
        {
          attributes: {
            architecture: ['microservices'],
            scale: ['hyperscale'],
          },
        },
      ],
      [
        'service-per-engineer',
        { facts: { 'team.servicesPerMember': 0.5, 'team.services': 12 } },
      ],
      [
        'secret-postmortems',
        { attributes: { practices: ['postmortems', 'public-postmortems'] } },
      ],
      [
        'chaos-without-preparation',
        {
          attributes: {
            practices: [
              'chaos-engineering',
              'observability',
              'circuit-breakers',
            ],
          },
        },
      ],
      [
        'mandated-kubernetes',
        {
          attributes: { deployment: ['kubernetes'], scale: ['hyperscale'] },
          facts: { 'team.members': 3 },
        },
      ],
      [
        'microservices-with-strong-consistency',
        {
          attributes: { architecture: ['monolith'], consistency: ['strong'] },
          facts: { 'system.components': 3, 'system.databases': 3 },
        },
      ],
      [
        'rust-everywhere',
        { attributes: { language: ['rust'], scale: ['hyperscale'] } },
      ],
    ])('%s stays quiet when the evidence says otherwise', (id, profile) => {
      expect(firingAntipatterns(profile)).not.toContain(id);
    });

    it('apply idempotency keys to payments but not to every service', () => {
      const item = kb.checklist.find(i => i.id === 'idempotency-keys-on-post')!;
      expect(
        holds(item.appliesWhen, { attributes: { domain: ['payments'] } }),
      ).toBe(true);
      expect(
        holds(item.appliesWhen, { attributes: { domain: ['content'] } }),
      ).toBe(false);
      expect(holds(item.appliesWhen, {})).toBe(false);
    });
  });
});

describe('the worked example examples/knowledge/acme-postmortems.yaml', () => {
  const example: KnowledgeSource = {
    path: 'examples/knowledge/acme-postmortems.yaml',
    content: fs.readFileSync(EXAMPLE_FILE, 'utf8'),
  };

  it('validates against the schema', () => {
    const file = parseKnowledgeFile(example);
    expect(ids(file.companies)).toEqual(['acme-payments']);
    expect(ids(file.lessons)).toEqual(['acme-retries-need-idempotency']);
  });

  it('merges with the built-ins, adding its entries and overriding by id', () => {
    const merged = buildKnowledgeBase({ builtin, extensions: [example] });
    expect(merged.companies).toHaveLength(kb.companies.length + 1);
    expect(ids(merged.companies)).toContain('acme-payments');
    expect(ids(merged.checklist)).toContain(
      'acme-nightly-ledger-reconciliation',
    );
    // the example's postmortem-template replaces the built-in one, in place
    expect(merged.checklist).toHaveLength(kb.checklist.length + 1);
    const index = ids(kb.checklist).indexOf('postmortem-template');
    expect(merged.checklist[index].id).toBe('postmortem-template');
    expect(merged.checklist[index].title).toMatch(/Acme/);
    expect(merged.version).not.toBe(kb.version);
  });
});
