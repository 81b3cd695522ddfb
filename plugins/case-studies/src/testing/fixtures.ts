/**
 * Hand-written test data: a payments ledger service with a rich profile, a
 * plain service nobody has described, and the roll-ups of the payments team,
 * its system and its domain. Written from the API types, not copied from the
 * code under test.
 */
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ChecklistItem,
  ChecklistItemState,
  DEFAULT_SCORING_RULES,
  EntityChecklistEntry,
  EntityScoreHistoryResponse,
  GuidanceResponse,
  KnowledgeBase,
  ProfileValue,
  Rollout,
  RolloutCounts,
  RolloutEntityProgress,
  RolloutProgressResponse,
  RolloutResponse,
  RollupResponse,
  RollupSummary,
  ScorecardGroup,
  ScorecardHistoryResponse,
  ScorecardReport,
  ScorecardTrendPoint,
  ScoredEntity,
  ScoreTotals,
  ServiceProfile,
} from '@case-studies/plugin-case-studies-common';
import { CaseStudiesApi } from '../api';

export const DAY = 24 * 3600 * 1000;
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

export const ledgerEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ledger-service',
    namespace: 'default',
    annotations: {
      'case-studies/architecture': 'microservices',
      'case-studies/language': 'ruby',
    },
    tags: ['java'],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'payments-team',
    system: 'payments',
    dependsOn: ['resource:ledger-db'],
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain-service', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'guests' },
};

const value = (
  v: string,
  kind: ProfileValue['source']['kind'],
  detail: string,
  confidence: ProfileValue['source']['confidence'] = 'high',
): ProfileValue => ({ value: v, source: { kind, detail, confidence } });

const emptyAttributes = (): ServiceProfile['attributes'] => ({
  language: [],
  databases: [],
  caches: [],
  messaging: [],
  consistency: [],
  scale: [],
  architecture: [],
  domain: [],
  deployment: [],
  lifecycle: [],
  practices: [],
});

const ledgerProfile: ServiceProfile = {
  entityRef: 'component:default/ledger-service',
  attributes: {
    ...emptyAttributes(),
    language: [value('ruby', 'annotation', 'annotation case-studies/language')],
    databases: [
      value(
        'postgres',
        'relation',
        'dependsOn resource:default/ledger-db (tag postgres)',
      ),
    ],
    consistency: [
      value(
        'strong',
        'inference',
        'domain payments needs strong consistency',
        'medium',
      ),
    ],
    architecture: [
      value(
        'microservices',
        'annotation',
        'annotation case-studies/architecture',
      ),
    ],
    domain: [value('payments', 'relation', 'system system:default/payments')],
    lifecycle: [value('production', 'spec', 'spec.lifecycle')],
  },
  facts: {
    'team.members': {
      value: 6,
      source: {
        kind: 'relation',
        detail: 'group:default/payments-team has 6 members',
        confidence: 'high',
      },
    },
    'system.strongConsistencyComponents': {
      value: 3,
      source: {
        kind: 'relation',
        detail:
          'three components of system:default/payments declare strong consistency',
        confidence: 'high',
      },
    },
  },
  unknown: ['caches', 'messaging', 'scale', 'deployment', 'practices'],
  conflicts: [
    {
      attribute: 'language',
      kept: [value('ruby', 'annotation', 'annotation case-studies/language')],
      overridden: [value('java', 'tag', 'tag java')],
    },
  ],
  rejected: [],
  missing: [
    {
      attribute: 'scale',
      annotation: 'case-studies/scale',
      yaml: 'case-studies/scale: medium',
      choices: ['small', 'medium', 'large', 'hyperscale'],
      why: "the scale decides which companies' caveats apply",
      state: 'unknown',
    },
  ],
};

const company = (
  id: string,
  name: string,
  score: number,
  extra: Partial<GuidanceResponse['companies'][number]> = {},
): GuidanceResponse['companies'][number] => ({
  id,
  name,
  summary: `${name} case study`,
  small: false,
  score,
  matched: [],
  unmatched: [],
  decisions: [],
  copyWhen: [],
  caveats: [],
  ...extra,
});

const entry = (
  overrides: Partial<EntityChecklistEntry> &
    Pick<EntityChecklistEntry, 'id' | 'title' | 'category'>,
): EntityChecklistEntry => ({
  why: `Why ${overrides.title}`,
  verify: `Verify ${overrides.title}`,
  weight: 2,
  applies: true,
  reason: 'Every service benefits.',
  because: [],
  explanation: 'applies to every service',
  automaticEvidence: [],
  state: { itemId: overrides.id, status: 'todo', version: 0 },
  automatic: { satisfied: false, matches: [] },
  ...overrides,
});

export const ledgerGuidance: GuidanceResponse = {
  entityRef: 'component:default/ledger-service',
  knowledgeVersion: 'kb-test-1',
  profile: ledgerProfile,
  tellUsMore: ledgerProfile.missing,
  companies: [
    company('stripe', 'Stripe', 92, {
      matched: [
        {
          attribute: 'language',
          service: ['ruby'],
          company: ['ruby'],
          shared: ['ruby'],
          similarity: 1,
        },
        {
          attribute: 'databases',
          service: ['postgres'],
          company: ['postgres', 'mongodb'],
          shared: ['postgres'],
          similarity: 0.9,
        },
      ],
      unmatched: [
        {
          attribute: 'architecture',
          service: ['microservices'],
          company: ['monolith'],
          shared: [],
          similarity: 0,
        },
      ],
      decisions: [
        {
          what: 'Stay a monolith',
          why: 'money needs ACID transactions',
        },
      ],
      copyWhen: ['You move money and need every request to be idempotent'],
      caveats: [
        {
          text: 'Sorbet-scale tooling only pays off with hundreds of engineers',
          because: [],
          explanation: 'team.members 6 is < 50',
        },
      ],
    }),
    company('shopify', 'Shopify', 71),
    company('github', 'GitHub', 64),
    company('netflix', 'Netflix', 40),
    company('discord', 'Discord', 35),
    company('uber', 'Uber', 30),
  ],
  lessons: [
    {
      id: 'idempotency-for-money',
      title: 'Make every money-moving request idempotent',
      summary: 'Retries after timeouts must not charge twice.',
      reason: 'The service is in the payments domain.',
      companies: ['stripe'],
      patterns: ['idempotency-keys'],
      because: [],
      explanation:
        'domain payments (system system:default/payments) is in payments',
    },
  ],
  patterns: [
    {
      id: 'idempotency-keys',
      name: 'Idempotency keys',
      category: 'api',
      adoption: 'copy',
      problem: 'Clients retry.',
      solution: 'Accept an Idempotency-Key header on every POST.',
      reason: 'Payments APIs are retried by clients.',
      companies: ['stripe'],
      because: [],
      explanation: 'domain payments is in payments',
    },
  ],
  antipatterns: [
    {
      id: 'shared-database',
      title: 'Services sharing one database',
      summary: 'Two services write the same tables.',
      whyItHurts: 'Schema changes need lockstep deploys.',
      severity: 'medium',
      evidence: [],
      explanation: '',
      remedy: 'Give each service its own schema.',
      remedyPatterns: [],
      lesson: { id: 'own-your-data', title: 'Own your data' },
      companies: [],
    },
    {
      id: 'microservices-with-strong-consistency',
      title: 'Microservices sharing strongly consistent data',
      summary: 'One business transaction spans services.',
      whyItHurts: 'Distributed transactions fail partially.',
      severity: 'critical',
      evidence: [
        {
          type: 'attribute',
          attribute: 'architecture',
          test: 'in microservices',
          values: [
            value(
              'microservices',
              'annotation',
              'annotation case-studies/architecture',
            ),
          ],
          holds: true,
        },
        {
          type: 'fact',
          fact: 'system.strongConsistencyComponents',
          test: '>= 2',
          value: {
            value: 3,
            source: {
              kind: 'relation',
              detail:
                'three components of system:default/payments declare strong consistency',
              confidence: 'high',
            },
          },
          holds: true,
        },
      ],
      explanation:
        'architecture microservices; 3 strongly consistent components',
      remedy: 'Keep the ledger in one service and let others ask it.',
      remedyPatterns: [{ id: 'modular-monolith', name: 'Modular monolith' }],
      lesson: { id: 'stay-monolith-for-acid', title: 'Money needs ACID' },
      companies: ['stripe'],
    },
  ],
  checklist: [
    entry({
      id: 'dora-deployment-frequency',
      category: 'dora-metrics',
      title: 'Deployment frequency is measured',
      weight: 3,
      state: {
        itemId: 'dora-deployment-frequency',
        status: 'done',
        note: 'Grafana board per team',
        evidenceUrl: 'https://grafana.example.com/d/deploys',
        version: 2,
        updatedBy: 'user:default/alice',
        updatedAt: ago(3 * DAY),
      },
    }),
    entry({
      id: 'idempotency-keys',
      category: 'practices',
      title: 'Idempotency keys on POST',
      weight: 3,
      state: {
        itemId: 'idempotency-keys',
        status: 'in-progress',
        version: 1,
        updatedBy: 'user:default/bob',
        updatedAt: ago(2 * 3600 * 1000),
      },
    }),
    entry({
      id: 'chaos-experiments',
      category: 'resilience',
      title: 'Chaos experiment with a steady-state hypothesis',
    }),
    entry({
      id: 'postmortem-template',
      category: 'postmortem',
      title: 'Postmortems follow a template',
      automatic: {
        satisfied: true,
        matches: [
          {
            evidence: { link: { titleIncludes: 'postmortem' } },
            detail: 'link "Postmortem template" (docs)',
          },
        ],
      },
    }),
    entry({
      id: 'cell-architecture',
      category: 'architecture',
      title: 'Cells isolate tenants',
      applies: false,
      reason: 'Only hyperscale services need cells.',
      explanation: 'scale unknown',
    }),
  ],
  // by hand: 4 applicable; done = deployment frequency + postmortem (automatic);
  // weights 3 + 3 + 2 + 2 = 10, done weight 3 + 2 = 5
  progress: {
    done: 2,
    applicable: 4,
    exempted: 0,
    percent: 50,
    weightedScore: 50,
  },
  // 50 completion, minus 20 for the critical and 5 for the medium warning.
  score: {
    score: 25,
    level: 'bronze',
    completion: 50,
    penalties: [
      {
        warningId: 'microservices-with-strong-consistency',
        title: 'Microservices sharing strongly consistent data',
        severity: 'critical',
        points: 20,
      },
      {
        warningId: 'shared-database',
        title: 'Services sharing one database',
        severity: 'medium',
        points: 5,
      },
    ],
    penaltyTotal: 25,
    next: { level: 'silver', pointsNeeded: 25 },
  },
  scoring: DEFAULT_SCORING_RULES,
};

/**
 * How the ledger's score reads, worked out by hand: weights 3 + 3 + 2 + 2 =
 * 10, so finishing the open weight-3 item adds 30 points of completion and
 * the weight-2 one 20; resolving a warning gives back its penalty.
 */
export const ledgerScoreExplained = {
  sentence:
    "Score 25 · Bronze: completion 50, −20 critical warning 'Microservices sharing strongly consistent data', −5 medium warning 'Services sharing one database'; 25 points to Silver",
  raisers: [
    "Resolve the critical warning 'Microservices sharing strongly consistent data': +20",
    "Resolve the medium warning 'Services sharing one database': +5",
    "Finish 'Idempotency keys on POST' (weight 3): +30",
    "Finish 'Chaos experiment with a steady-state hypothesis' (weight 2): +20",
  ],
};

export const plainGuidance: GuidanceResponse = {
  entityRef: 'component:default/plain-service',
  knowledgeVersion: 'kb-test-1',
  profile: {
    entityRef: 'component:default/plain-service',
    attributes: {
      ...emptyAttributes(),
      lifecycle: [value('experimental', 'spec', 'spec.lifecycle')],
    },
    facts: {},
    unknown: ['language', 'databases', 'domain', 'architecture', 'scale'],
    conflicts: [],
    rejected: [],
    missing: [
      {
        attribute: 'language',
        annotation: 'case-studies/language',
        yaml: 'case-studies/language: java',
        choices: ['java', 'go', 'ruby'],
        why: 'the language weighs most in matching',
        state: 'unknown',
      },
      {
        attribute: 'databases',
        annotation: 'case-studies/database',
        yaml: 'case-studies/database: postgres',
        choices: ['postgres', 'mysql'],
        why: 'databases decide the data antipatterns',
        state: 'unknown',
      },
    ],
  },
  tellUsMore: [],
  companies: [company('plausible', 'Plausible Analytics', 12, { small: true })],
  lessons: [],
  patterns: [],
  antipatterns: [],
  checklist: [
    entry({
      id: 'dora-deployment-frequency',
      category: 'dora-metrics',
      title: 'Deployment frequency is measured',
    }),
  ],
  progress: {
    done: 0,
    applicable: 1,
    exempted: 0,
    percent: 0,
    weightedScore: 0,
  },
  score: {
    score: 0,
    level: 'none',
    completion: 0,
    penalties: [],
    penaltyTotal: 0,
    next: { level: 'bronze', pointsNeeded: 25 },
  },
  scoring: DEFAULT_SCORING_RULES,
};
plainGuidance.tellUsMore = plainGuidance.profile.missing;

/** A knowledge-base checklist item that applies to every entity, for tests that need items by title. */
export const checklistItemFixture = (
  id: string,
  category: ChecklistItem['category'],
  title: string,
): ChecklistItem => ({
  id,
  category,
  title,
  why: `Why ${title}`,
  lessons: [],
  companies: [],
  patterns: [],
  verify: `Verify ${title}`,
  weight: 2,
  appliesWhen: { always: true },
  reason: 'Every service benefits.',
  evidence: [],
  sources: [],
});

export const knowledge: KnowledgeBase = {
  version: 'kb-test-1',
  companies: [
    {
      id: 'stripe',
      name: 'Stripe',
      summary: 'Payments on a Ruby monolith.',
      small: false,
      scale: [
        {
          metric: 'payment volume',
          value: 1,
          unit: 'trillion USD',
          year: 2023,
        },
      ],
      stack: {
        languages: ['Ruby'],
        databases: ['PostgreSQL', 'MongoDB'],
        caches: ['Redis'],
        messaging: [],
        consistency: 'strong',
        architecture: 'monolith',
        deployment: [],
        tools: [],
      },
      profile: { language: ['ruby'] },
      decisions: [{ what: 'Stay a monolith', why: 'money needs ACID' }],
      lessons: [],
      patterns: [],
      copyWhen: ['You move money'],
      dontCopyWhen: [],
      sources: [
        {
          seed: '000_d219270d818add02.txt',
          seedTitle:
            'Architecture Case Studies — Netflix, Stripe, Cloudflare, Shopify in 2025',
        },
        { project: true, covers: 'the caveats' },
        {
          title: 'Designing robust and predictable APIs with idempotency',
          url: 'https://stripe.com/blog/idempotency',
        },
      ],
    },
    {
      id: 'discord',
      name: 'Discord',
      summary: 'Trillions of messages on ScyllaDB.',
      small: false,
      scale: [],
      stack: {
        languages: ['Elixir', 'Rust'],
        databases: ['ScyllaDB', 'Cassandra'],
        caches: [],
        messaging: [],
        architecture: 'microservices',
        deployment: [],
        tools: [],
      },
      profile: { language: ['elixir'] },
      decisions: [],
      lessons: [],
      patterns: [],
      copyWhen: [],
      dontCopyWhen: [],
      sources: [{ seed: '002_0a1b2c3d4e5f6789.txt' }],
    },
    {
      id: 'netflix',
      name: 'Netflix',
      summary: 'Streaming on Java microservices with EVCache.',
      small: false,
      scale: [],
      stack: {
        languages: ['Java'],
        databases: ['Cassandra'],
        caches: ['EVCache'],
        messaging: ['Kafka'],
        architecture: 'microservices',
        deployment: [],
        tools: [],
      },
      profile: { language: ['java'] },
      decisions: [],
      lessons: [],
      patterns: [],
      copyWhen: [],
      dontCopyWhen: [],
      sources: [
        { seed: '001_abcdef0123456789.txt', title: 'Netflix Tech Blog' },
      ],
    },
  ],
  lessons: [],
  patterns: [
    {
      id: 'circuit-breaker',
      name: 'Circuit breaker with fallback',
      category: 'resilience',
      problem: 'A slow dependency takes the caller down.',
      solution: 'Trip a breaker and serve a fallback.',
      tradeoffs: ['Fallbacks must be designed'],
      adoption: 'copy',
      companies: ['netflix'],
      related: [],
      appliesWhen: { always: true },
      reason: 'Every service calls something.',
      sources: [
        {
          title: 'Hystrix wiki',
          url: 'https://github.com/Netflix/Hystrix/wiki',
        },
      ],
    },
    {
      id: 'idempotency-keys',
      name: 'Idempotency keys',
      category: 'api',
      problem: 'Clients retry.',
      solution: 'Accept an Idempotency-Key header.',
      tradeoffs: ['Keys must be stored'],
      adoption: 'copy',
      companies: ['stripe'],
      related: [],
      appliesWhen: { always: true },
      reason: 'Retries happen.',
      sources: [{ seed: '000_d219270d818add02.txt' }],
    },
  ],
  antipatterns: [],
  checklist: [],
};

/** A failed response as the client sees it, with a Backstage error body. */
export async function responseError(
  status: number,
  body: Record<string, unknown>,
): Promise<ResponseError> {
  const text = JSON.stringify(body);
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText:
      { 400: 'Bad Request', 403: 'Forbidden', 409: 'Conflict' }[status] ??
      'Error',
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json' : null,
    },
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/case-studies',
    text: async () => text,
  } as any);
}

export const conflictState: ChecklistItemState = {
  itemId: 'chaos-experiments',
  status: 'done',
  note: 'Chaos day in May',
  version: 1,
  updatedBy: 'user:default/carol',
  updatedAt: ago(5 * 60 * 1000),
};

export const paymentsTeamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: ['ledger-squad'] },
};

export const paymentsSystemEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'payments-team', domain: 'money' },
};

export const moneyDomainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'money', namespace: 'default' },
  spec: { owner: 'payments-team' },
};

export const aliceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec: { memberOf: ['ledger-squad'] },
};

const noWarnings = () => ({ low: 0, medium: 0, high: 0, critical: 0 });
const noLevels = () => ({ none: 0, bronze: 0, silver: 0, gold: 0 });

/** Totals of a roll-up, scorecard row or trend point; what is not given is zero. */
const totalsOf = (overrides: Partial<ScoreTotals>): ScoreTotals => ({
  entities: 0,
  meanScore: null,
  medianScore: null,
  levels: noLevels(),
  done: 0,
  applicable: 0,
  exempted: 0,
  percent: 100,
  warnings: noWarnings(),
  ...overrides,
});

const summaryOf = (overrides: Partial<RollupSummary>): RollupSummary => ({
  ...totalsOf({}),
  categories: [],
  weakestItems: [],
  ...overrides,
});

const scored = (
  overrides: Partial<ScoredEntity> &
    Pick<ScoredEntity, 'name' | 'score' | 'done' | 'applicable'>,
): ScoredEntity => ({
  entityRef: `component:default/${overrides.name}`,
  kind: 'Component',
  type: 'service',
  namespace: 'default',
  lifecycle: 'production',
  exempted: 0,
  percent:
    overrides.applicable === 0
      ? 100
      : Math.floor((overrides.done / overrides.applicable) * 100),
  warnings: noWarnings(),
  categories: [],
  ...overrides,
});

/** Scores 10 (none), 25 (bronze), 60 (silver) and 85 (gold), by hand. */
export const checkoutWeb = scored({
  name: 'checkout-web',
  type: 'website',
  title: 'Checkout web',
  team: 'group:default/payments-team',
  // completion 70, minus 10 for a high warning
  score: {
    score: 60,
    level: 'silver',
    completion: 70,
    penalties: [
      {
        warningId: 'no-circuit-breakers',
        title: 'Calls without circuit breakers',
        severity: 'high',
        points: 10,
      },
    ],
    penaltyTotal: 10,
    next: { level: 'gold', pointsNeeded: 20 },
  },
  done: 3,
  applicable: 5,
  warnings: { ...noWarnings(), high: 1 },
  topWarning: {
    id: 'no-circuit-breakers',
    title: 'Calls without circuit breakers',
    severity: 'high',
  },
});

export const ledgerService = scored({
  name: 'ledger-service',
  team: 'group:default/ledger-squad',
  score: ledgerGuidance.score,
  done: 2,
  applicable: 4,
  warnings: { ...noWarnings(), medium: 1, critical: 1 },
  topWarning: {
    id: 'microservices-with-strong-consistency',
    title: 'Microservices sharing strongly consistent data',
    severity: 'critical',
  },
});

export const paymentsApi = scored({
  name: 'payments-api',
  team: 'group:default/payments-team',
  // completion 90, minus 5 for a medium warning
  score: {
    score: 85,
    level: 'gold',
    completion: 90,
    penalties: [
      {
        warningId: 'shared-database',
        title: 'Services sharing one database',
        severity: 'medium',
        points: 5,
      },
    ],
    penaltyTotal: 5,
  },
  done: 4,
  applicable: 5,
  warnings: { ...noWarnings(), medium: 1 },
  topWarning: {
    id: 'shared-database',
    title: 'Services sharing one database',
    severity: 'medium',
  },
});

export const refundsWorker = scored({
  name: 'refunds-worker',
  team: 'group:default/ledger-squad',
  lifecycle: 'experimental',
  score: {
    score: 10,
    level: 'none',
    completion: 10,
    penalties: [],
    penaltyTotal: 0,
    next: { level: 'bronze', pointsNeeded: 15 },
  },
  done: 1,
  applicable: 5,
});

/**
 * payments-team owns checkout-web and payments-api; its sub-team
 * ledger-squad owns ledger-service and refunds-worker. Entities in ref order.
 */
export const paymentsTeamRollup: RollupResponse = {
  scope: 'group',
  entityRef: 'group:default/payments-team',
  title: 'Payments team',
  recursive: true,
  knowledgeVersion: 'kb-test-1',
  scoring: DEFAULT_SCORING_RULES,
  // scores 10, 25, 60, 85: mean 45, median (25 + 60) / 2;
  // done 3 + 2 + 4 + 1 = 10 of 5 + 4 + 5 + 5 = 19
  summary: summaryOf({
    entities: 4,
    meanScore: 45,
    medianScore: 42.5,
    levels: { none: 1, bronze: 1, silver: 1, gold: 1 },
    done: 10,
    applicable: 19,
    percent: 52,
    warnings: { low: 0, medium: 2, high: 1, critical: 1 },
    categories: [
      { category: 'dora-metrics', done: 6, applicable: 7, percent: 85 },
      { category: 'postmortem', done: 3, applicable: 4, percent: 75 },
      { category: 'resilience', done: 0, applicable: 4, percent: 0 },
      { category: 'practices', done: 1, applicable: 4, percent: 25 },
    ],
    weakestItems: [
      {
        itemId: 'chaos-experiments',
        title: 'Chaos experiment with a steady-state hypothesis',
        category: 'resilience',
        open: 4,
        applicable: 4,
      },
      {
        itemId: 'idempotency-keys',
        title: 'Idempotency keys on POST',
        category: 'practices',
        open: 3,
        applicable: 4,
      },
      {
        itemId: 'dora-lead-time',
        title: 'Lead time for changes is measured',
        category: 'dora-metrics',
        open: 1,
        applicable: 3,
      },
      {
        itemId: 'postmortem-template',
        title: 'Postmortems follow a template',
        category: 'postmortem',
        open: 1,
        applicable: 4,
      },
    ],
  }),
  teams: [
    {
      entityRef: 'group:default/payments-team',
      title: 'Payments team',
      summary: summaryOf({
        entities: 2,
        meanScore: 72.5,
        medianScore: 72.5,
        levels: { none: 0, bronze: 0, silver: 1, gold: 1 },
        done: 7,
        applicable: 10,
        percent: 70,
        warnings: { low: 0, medium: 1, high: 1, critical: 0 },
      }),
    },
    {
      entityRef: 'group:default/ledger-squad',
      title: 'Ledger squad',
      parent: 'group:default/payments-team',
      summary: summaryOf({
        entities: 2,
        meanScore: 17.5,
        medianScore: 17.5,
        levels: { none: 1, bronze: 1, silver: 0, gold: 0 },
        done: 3,
        applicable: 9,
        percent: 33,
        warnings: { low: 0, medium: 1, high: 0, critical: 1 },
      }),
    },
  ],
  entities: [checkoutWeb, ledgerService, paymentsApi, refundsWorker],
  totalEntities: 4,
};

/** The same team without its sub-team: only what payments-team owns itself. */
export const paymentsTeamOwnRollup: RollupResponse = {
  ...paymentsTeamRollup,
  recursive: false,
  summary: paymentsTeamRollup.teams[0].summary,
  teams: [paymentsTeamRollup.teams[0]],
  entities: [checkoutWeb, paymentsApi],
  totalEntities: 2,
};

/** The payments system: ledger-service and payments-api, each with its owner. */
export const paymentsSystemRollup: RollupResponse = {
  scope: 'system',
  entityRef: 'system:default/payments',
  recursive: false,
  knowledgeVersion: 'kb-test-1',
  scoring: DEFAULT_SCORING_RULES,
  // scores 25 and 85; done 2 + 4 of 4 + 5
  summary: summaryOf({
    entities: 2,
    meanScore: 55,
    medianScore: 55,
    levels: { none: 0, bronze: 1, silver: 0, gold: 1 },
    done: 6,
    applicable: 9,
    percent: 66,
    warnings: { low: 0, medium: 2, high: 0, critical: 1 },
    weakestItems: [
      {
        itemId: 'chaos-experiments',
        title: 'Chaos experiment with a steady-state hypothesis',
        category: 'resilience',
        open: 2,
        applicable: 2,
      },
    ],
  }),
  teams: [],
  entities: [ledgerService, paymentsApi],
  totalEntities: 2,
};

/** A roll-up with nothing in it, e.g. a new team. */
export const emptyRollup = (entityRef: string): RollupResponse => ({
  scope: 'group',
  entityRef,
  recursive: true,
  knowledgeVersion: 'kb-test-1',
  scoring: DEFAULT_SCORING_RULES,
  summary: summaryOf({}),
  teams: [],
  entities: [],
  totalEntities: 0,
});

/** The guidance for the payments system itself, as a whole. */
export const paymentsSystemGuidance: GuidanceResponse = {
  ...plainGuidance,
  entityRef: 'system:default/payments',
  profile: { ...plainGuidance.profile, entityRef: 'system:default/payments' },
  companies: [company('stripe', 'Stripe', 81)],
  antipatterns: [ledgerGuidance.antipatterns[1]],
  // 0 completion, minus 20 for the critical warning, floored at 0
  score: {
    score: 0,
    level: 'none',
    completion: 0,
    penalties: [
      {
        warningId: 'microservices-with-strong-consistency',
        title: 'Microservices sharing strongly consistent data',
        severity: 'critical',
        points: 20,
      },
    ],
    penaltyTotal: 20,
    next: { level: 'bronze', pointsNeeded: 25 },
  },
};

export const SNAPSHOT_TAKEN_AT = '2026-04-15T02:00:00.000Z';
export const PREVIOUS_SNAPSHOT_TAKEN_AT = '2026-04-14T02:00:00.000Z';

const changeOf = (meanScore: number | null, entities = 0, done = 0) => ({
  since: PREVIOUS_SNAPSHOT_TAKEN_AT,
  meanScore,
  entities,
  done,
});

/** A roll-up summary's totals, without its categories and weakest items. */
const totalsOfSummary = ({
  categories,
  weakestItems,
  ...totals
}: RollupSummary): ScoreTotals => totals;

/**
 * The report by owner: the two teams of the payments roll-up (what each
 * owns directly) and legacy-batch (score 40, bronze, 2 of 5 done, one
 * exemption), which nobody owned at the snapshot before.
 */
export const ownerScorecardGroups: ScorecardGroup[] = [
  {
    key: 'group:default/ledger-squad',
    ...totalsOfSummary(paymentsTeamRollup.teams[1].summary),
    change: changeOf(-1),
  },
  {
    key: 'group:default/payments-team',
    ...totalsOfSummary(paymentsTeamRollup.teams[0].summary),
    change: changeOf(2.5, 0, 2),
  },
  {
    key: null,
    ...totalsOf({
      entities: 1,
      meanScore: 40,
      medianScore: 40,
      levels: { ...noLevels(), bronze: 1 },
      done: 2,
      applicable: 5,
      exempted: 1,
      percent: 40,
    }),
    change: changeOf(null, 1, 2),
  },
];

export const ownerScorecard: ScorecardReport = {
  groupBy: 'owner',
  filters: {},
  source: 'snapshot',
  takenAt: SNAPSHOT_TAKEN_AT,
  previousTakenAt: PREVIOUS_SNAPSHOT_TAKEN_AT,
  knowledgeVersion: 'kb-test-1',
  scoring: DEFAULT_SCORING_RULES,
  // scores 60, 85, 25, 10, 40: mean 44, median 40; done 12 of 24
  totals: totalsOf({
    entities: 5,
    meanScore: 44,
    medianScore: 40,
    levels: { none: 1, bronze: 2, silver: 1, gold: 1 },
    done: 12,
    applicable: 24,
    exempted: 1,
    percent: 50,
    warnings: { low: 0, medium: 2, high: 1, critical: 1 },
  }),
  groups: ownerScorecardGroups,
};

/** The same entities by system: payments (ledger-service 25, payments-api 85), the rest in none. */
export const systemScorecard: ScorecardReport = {
  ...ownerScorecard,
  groupBy: 'system',
  groups: [
    {
      key: 'system:default/payments',
      ...totalsOf({
        entities: 2,
        meanScore: 55,
        medianScore: 55,
        levels: { ...noLevels(), bronze: 1, gold: 1 },
        done: 6,
        applicable: 9,
        percent: 66,
        warnings: { low: 0, medium: 2, high: 0, critical: 1 },
      }),
    },
    {
      key: null,
      ...totalsOf({
        entities: 3,
        meanScore: 36.7,
        medianScore: 40,
        levels: { ...noLevels(), none: 1, bronze: 1, silver: 1 },
        done: 6,
        applicable: 15,
        exempted: 1,
        percent: 40,
        warnings: { ...noWarnings(), high: 1 },
      }),
    },
  ],
};

/** A report with no rows: a catalog without scored entities. */
export const emptyScorecard: ScorecardReport = {
  ...ownerScorecard,
  source: 'live',
  previousTakenAt: undefined,
  totals: totalsOf({}),
  groups: [],
};

const trendPoint = (
  day: string,
  meanScore: number,
  entities: number,
): ScorecardTrendPoint => ({
  day,
  ...totalsOf({ entities, meanScore, medianScore: meanScore }),
});

const HISTORY_DAYS = ['2026-04-13', '2026-04-14', '2026-04-15'];

/**
 * Three daily snapshots by owner: payments-team rising, ledger-squad
 * falling, legacy-batch unowned from the last one on. Overall means by
 * hand: (68·2 + 19·2) / 4, (70·2 + 18.5·2) / 4, 220 / 5.
 */
export const ownerScorecardHistory: ScorecardHistoryResponse = {
  groupBy: 'owner',
  filters: {},
  from: '2026-01-15',
  to: '2026-04-15',
  snapshots: HISTORY_DAYS.map(day => ({
    day,
    takenAt: `${day}T02:00:00.000Z`,
    knowledgeVersion: 'kb-test-1',
  })),
  overall: {
    key: null,
    points: [
      trendPoint('2026-04-13', 43.5, 4),
      trendPoint('2026-04-14', 44.3, 4),
      trendPoint('2026-04-15', 44, 5),
    ],
  },
  trends: [
    {
      key: 'group:default/ledger-squad',
      points: [
        trendPoint('2026-04-13', 19, 2),
        trendPoint('2026-04-14', 18.5, 2),
        trendPoint('2026-04-15', 17.5, 2),
      ],
    },
    {
      key: 'group:default/payments-team',
      points: [
        trendPoint('2026-04-13', 68, 2),
        trendPoint('2026-04-14', 70, 2),
        trendPoint('2026-04-15', 72.5, 2),
      ],
    },
    { key: null, points: [trendPoint('2026-04-15', 40, 1)] },
  ],
};

/** The ledger service at three snapshots, reaching bronze at the last. */
export const ledgerScoreHistory: EntityScoreHistoryResponse = {
  entityRef: 'component:default/ledger-service',
  from: '2026-01-15',
  to: '2026-04-15',
  points: (
    [
      ['2026-04-13', 18, 'none', 1],
      ['2026-04-14', 20, 'none', 1],
      ['2026-04-15', 25, 'bronze', 2],
    ] as const
  ).map(([day, score, level, done]) => ({
    day,
    score,
    level,
    done,
    applicable: 4,
    knowledgeVersion: 'kb-test-1',
    takenAt: `${day}T02:00:00.000Z`,
  })),
};

/** Where a link to the Scorecards tab, narrowed to one group, leads. */
export const scorecardsPathOf = (groupBy: string, group: string) =>
  `/case-studies/scorecards?groupBy=${groupBy}&group=${encodeURIComponent(
    group,
  )}`;

/** A CSV as the backend sends it, for the download button. */
export const scorecardCsv = {
  filename: 'case-studies-scorecard-owner-2026-04-15.csv',
  blob: new Blob(['group,entities,mean_score\n'], { type: 'text/csv' }),
};

/** An active rollout targeting the payments services, past its due date. */
export const idempotencyRollout: Rollout = {
  id: 'r-idempotency',
  title: 'Idempotency keys everywhere',
  description: 'Every payments service adopts idempotency keys.',
  itemIds: ['idempotency-keys', 'chaos-experiments'],
  target: { kinds: ['component'], systems: ['payments'] },
  startDate: '2026-03-01',
  dueDate: '2026-03-31',
  state: 'active',
  requireExemptionApproval: false,
  version: 3,
  createdBy: 'user:default/pat',
  createdAt: '2026-02-20T10:00:00.000Z',
  updatedBy: 'user:default/pat',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

/** An active rollout due far in the future: nothing is overdue. */
export const dashboardsRollout: Rollout = {
  ...idempotencyRollout,
  id: 'r-dashboards',
  title: 'Deployment dashboards',
  description: '',
  itemIds: ['dora-deployment-frequency'],
  target: { owners: ['payments-team'] },
  dueDate: '2099-12-31',
  version: 1,
};

export const idempotencyRolloutResponse: RolloutResponse = {
  rollout: idempotencyRollout,
  history: [
    {
      version: 3,
      changedBy: 'user:default/pat',
      changedAt: '2026-03-01T09:00:00.000Z',
      changes: { state: { from: 'draft', to: 'active' } },
    },
    {
      version: 1,
      changedBy: 'user:default/pat',
      changedAt: '2026-02-20T10:00:00.000Z',
      changes: { title: { to: 'Idempotency keys everywhere' } },
    },
  ],
};

const counts = (
  done: number,
  inProgress: number,
  todo: number,
  exempted: number,
  overdue: number,
) => ({
  done,
  inProgress,
  todo,
  exempted,
  overdue,
  percent: Math.round((100 * done) / (done + inProgress + todo)),
});

/** A targeted component's row of a rollout's progress, joined at its start. */
const entityRow = (
  name: string,
  team: string,
  rowCounts: RolloutCounts,
  items: RolloutEntityProgress['items'],
  extra: Partial<RolloutEntityProgress> = {},
): RolloutEntityProgress => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  owner: `group:default/${team}`,
  ...rowCounts,
  items,
  joinedAt: '2026-03-01T09:00:00.000Z',
  ...extra,
});

/**
 * By hand: the ledger has one item in progress and one to do, both overdue;
 * checkout is done with idempotency and exempt from chaos; refunds left the
 * target and is listed, not counted.
 */
export const idempotencyProgress: RolloutProgressResponse = {
  rollout: idempotencyRollout,
  asOf: '2026-04-15T12:00:00.000Z',
  totals: { ...counts(1, 1, 1, 1, 2), entities: 2 },
  teams: [
    {
      team: 'group:default/payments-team',
      ...counts(0, 1, 1, 0, 2),
      entities: 1,
    },
    { team: 'group:default/web-team', ...counts(1, 0, 0, 1, 0), entities: 1 },
  ],
  entities: [
    entityRow(
      'checkout-web',
      'web-team',
      counts(1, 0, 0, 1, 0),
      [
        { itemId: 'idempotency-keys', status: 'done', overdue: false },
        { itemId: 'chaos-experiments', status: 'exempted', overdue: false },
      ],
      { title: 'Checkout Web' },
    ),
    entityRow('ledger-service', 'payments-team', counts(0, 1, 1, 0, 2), [
      { itemId: 'idempotency-keys', status: 'in-progress', overdue: true },
      {
        itemId: 'chaos-experiments',
        status: 'todo',
        overdue: true,
        exemptionProblem: 'expired',
      },
    ]),
    entityRow(
      'refunds-worker',
      'payments-team',
      counts(0, 0, 2, 0, 0),
      [
        { itemId: 'idempotency-keys', status: 'todo', overdue: false },
        { itemId: 'chaos-experiments', status: 'todo', overdue: false },
      ],
      { leftAt: '2026-03-20T09:00:00.000Z' },
    ),
  ],
  burnUp: [
    { day: '2026-03-01', done: 0, total: 4 },
    { day: '2026-03-15', done: 1, total: 4 },
    { day: '2026-04-15', done: 1, total: 3 },
  ],
};

export const dashboardsProgress: RolloutProgressResponse = {
  rollout: dashboardsRollout,
  asOf: '2026-04-15T12:00:00.000Z',
  totals: { ...counts(1, 0, 0, 0, 0), entities: 1 },
  teams: [
    {
      team: 'group:default/payments-team',
      ...counts(1, 0, 0, 0, 0),
      entities: 1,
    },
  ],
  entities: [
    entityRow('ledger-service', 'payments-team', counts(1, 0, 0, 0, 0), [
      { itemId: 'dora-deployment-frequency', status: 'done', overdue: false },
    ]),
  ],
  burnUp: [{ day: '2026-03-01', done: 1, total: 1 }],
};

const progressOf: Record<string, RolloutProgressResponse> = {
  [idempotencyRollout.id]: idempotencyProgress,
  [dashboardsRollout.id]: dashboardsProgress,
};

/** A CaseStudiesApi whose methods are jest mocks. */
export function mockCaseStudiesApi(
  overrides: Partial<jest.Mocked<CaseStudiesApi>> = {},
): jest.Mocked<CaseStudiesApi> {
  return {
    getKnowledge: jest.fn().mockResolvedValue(knowledge),
    getGuidance: jest.fn().mockResolvedValue(ledgerGuidance),
    match: jest.fn().mockResolvedValue(ledgerGuidance),
    updateChecklistItem: jest.fn(),
    getChecklistHistory: jest
      .fn()
      .mockResolvedValue({ items: [], nextCursor: undefined }),
    getProgress: jest.fn().mockResolvedValue(paymentsTeamRollup),
    getScorecard: jest.fn().mockResolvedValue(ownerScorecard),
    getScorecardHistory: jest.fn().mockResolvedValue(ownerScorecardHistory),
    getEntityScoreHistory: jest.fn().mockResolvedValue(ledgerScoreHistory),
    downloadScorecardCsv: jest.fn().mockResolvedValue(scorecardCsv),
    // no rollout unless a test gives some: they add a card to every entity tab
    listRollouts: jest.fn().mockResolvedValue({ rollouts: [] }),
    getRollout: jest.fn().mockResolvedValue(idempotencyRolloutResponse),
    createRollout: jest.fn().mockResolvedValue(idempotencyRollout),
    updateRollout: jest.fn().mockResolvedValue(idempotencyRollout),
    getRolloutProgress: jest
      .fn()
      .mockImplementation(async (id: string) => progressOf[id]),
    approveExemption: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}
