/**
 * The attributes of a service profile, each defined once: where the catalog
 * declares it, how values from several sources combine, its vocabulary, how
 * it counts in finding similar companies and what "tell us more" asks for.
 * The profile, the vocabulary, conditions, similarity and "tell us more" are
 * all derived from this registry; company profiles, `appliesWhen` conditions
 * and antipattern rules in the knowledge base speak its vocabulary. How to
 * add an attribute: docs/architecture.md.
 */

/** How the values of one attribute found in several sources combine. */
export type ValueCombination =
  /** one value: the strongest source wins, a weaker one that differs is a conflict */
  | 'one'
  /** several values (a TypeScript + Rust service), but only from the strongest source; a weaker one that differs is a conflict */
  | 'strongest-source'
  /** the union of every source's values */
  | 'all-sources';

/** One attribute of the service profile. */
export interface AttributeDefinition {
  /** `case-studies/*` annotations that declare it (comma- or semicolon-separated values) */
  readonly annotations: readonly string[];
  readonly values: ValueCombination;
  /** closed: a declared value outside the vocabulary is rejected; open: any slug is kept */
  readonly vocabulary: 'closed' | 'open';
  /**
   * Canonical values, in order, and the spellings (tags, annotation values,
   * resource name parts) that mean them; all slugs: lower-case, spaces as
   * dashes. Company profiles go through the same normalisation.
   */
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  /**
   * How much it counts when comparing a service with a company; absent when
   * it says nothing about resemblance.
   * - `overlap`: the share of values both have
   * - `levels`: nearness in the ordered vocabulary (equal 1, next 0.5)
   * - `bonus`: a shared value outside `ignored` adds to the score; one the company does not list costs nothing
   */
  readonly similarity?:
    | { readonly weight: number; readonly compare: 'overlap' | 'levels' }
    | {
        readonly weight: number;
        readonly compare: 'bonus';
        readonly ignored: readonly string[];
      };
  /**
   * The "tell us more" ask when the attribute is unknown or only guessed:
   * `order` 1 is asked first; the compared attributes of a company match are
   * listed in the same order.
   */
  readonly ask?: {
    readonly order: number;
    /** one of `annotations` */
    readonly annotation: string;
    readonly example: string;
    readonly why: string;
  };
}

/**
 * Practices a service can declare (tag or `case-studies/practices` annotation)
 * or that the profile infers from well-known annotations. Open vocabulary:
 * these are the values the built-in knowledge refers to.
 *
 * @public
 */
export const KNOWN_PRACTICES = [
  'observability',
  'tracing',
  'alerting',
  'timeouts',
  'retries',
  'circuit-breakers',
  'bulkheads',
  'chaos-engineering',
  'feature-flags',
  'idempotency-keys',
  'api-versioning',
  'postmortems',
  /** postmortems readable by the whole organisation (a postmortems link gives it too) */
  'internal-postmortems',
  'public-postmortems',
  'canary-deploys',
  'blue-green-deploys',
  'continuous-delivery',
  'continuous-integration',
  'trunk-based-development',
  'test-automation',
  'load-testing',
  'restore-tests',
  'service-mesh',
  'api-gateway',
  'graphql-federation',
  'event-driven',
  'cell-architecture',
  'sharding',
  'crdt',
  'in-house-database',
  'in-house-language',
  'spotify-model',
  'rewrite-in-progress',
] as const;

/** Ordered scale vocabulary: comparisons such as "at most medium" use this order. */
export const SCALE_LEVELS = ['small', 'medium', 'large', 'hyperscale'] as const;

/** Practices every team should have: sharing them says nothing about resemblance. */
const UBIQUITOUS_PRACTICES = [
  'observability',
  'tracing',
  'alerting',
  'timeouts',
  'retries',
  'postmortems',
  'feature-flags',
  'continuous-integration',
  'continuous-delivery',
  'trunk-based-development',
  'test-automation',
  'load-testing',
  'restore-tests',
];

/**
 * The registry, in profile order (the order attributes serialise, are listed
 * as unknown and their conflicts are reported in).
 *
 * Similarity weights: what the service is built from and for (language,
 * databases, domain) says most; how it is shaped (architecture, scale) next;
 * consistency and the message bus refine; cache and deployment are common to
 * nearly everyone. A shared distinctive practice (CRDTs, cell architecture,
 * idempotency keys) is as telling as a shared language, but company profiles
 * name only their characteristic practices, so a missing one costs nothing.
 */
export const ATTRIBUTES = {
  language: {
    annotations: ['case-studies/language', 'case-studies/languages'],
    values: 'strongest-source',
    vocabulary: 'open',
    synonyms: {
      java: ['spring', 'spring-boot', 'jvm'],
      kotlin: ['ktor'],
      scala: ['akka'],
      go: ['golang'],
      ruby: ['rails', 'ruby-on-rails', 'ror', 'sorbet'],
      python: ['py', 'django', 'flask', 'fastapi'],
      typescript: ['ts', 'deno', 'nestjs'],
      javascript: ['js', 'ecmascript'],
      elixir: ['phoenix'],
      erlang: ['otp', 'beam'],
      rust: ['rustlang'],
      csharp: ['c#', 'dotnet', '.net', 'aspnet'],
      cpp: ['c++'],
      c: [],
      php: ['laravel', 'symfony'],
      swift: [],
      clojure: [],
      haskell: [],
    },
    similarity: { weight: 3, compare: 'overlap' },
    ask: {
      order: 1,
      annotation: 'case-studies/language',
      example: 'java',
      why: 'the language weighs most in finding companies like this service',
    },
  },
  databases: {
    annotations: ['case-studies/database', 'case-studies/databases'],
    values: 'all-sources',
    vocabulary: 'open',
    synonyms: {
      postgres: [
        'postgresql',
        'pg',
        'psql',
        'pgsql',
        'aurora-postgres',
        'aurora-postgresql',
      ],
      mysql: ['mariadb', 'aurora-mysql'],
      cassandra: ['apache-cassandra'],
      scylladb: ['scylla'],
      dynamodb: ['dynamo'],
      mongodb: ['mongo'],
      cockroachdb: ['cockroach', 'crdb'],
      spanner: ['cloud-spanner'],
      vitess: [],
      sqlite: ['sqlite3'],
      clickhouse: [],
      elasticsearch: ['elastic', 'opensearch'],
      bigtable: [],
      couchbase: [],
      neo4j: [],
      'sql-server': ['mssql', 'sqlserver'],
      oracle: ['oracledb'],
      firestore: [],
      hbase: [],
    },
    similarity: { weight: 3, compare: 'overlap' },
    ask: {
      order: 2,
      annotation: 'case-studies/database',
      example: 'postgres',
      why: 'databases weigh most in matching and decide the data antipatterns (or add a dependsOn to the database Resource)',
    },
  },
  caches: {
    annotations: ['case-studies/cache', 'case-studies/caches'],
    values: 'all-sources',
    vocabulary: 'open',
    synonyms: {
      redis: ['valkey'],
      memcached: ['memcache'],
      evcache: [],
      varnish: [],
    },
    similarity: { weight: 1, compare: 'overlap' },
    ask: {
      order: 8,
      annotation: 'case-studies/caches',
      example: 'redis',
      why: 'the cache, if any, matches the caching patterns',
    },
  },
  messaging: {
    annotations: ['case-studies/messaging'],
    values: 'all-sources',
    vocabulary: 'open',
    synonyms: {
      kafka: ['apache-kafka', 'msk'],
      rabbitmq: ['rabbit', 'amqp'],
      nats: ['jetstream'],
      pubsub: ['google-pubsub', 'gcp-pubsub', 'cloud-pubsub'],
      sqs: ['aws-sqs'],
      sns: [],
      kinesis: [],
      pulsar: [],
      eventbridge: [],
      nsq: [],
      mqtt: [],
    },
    similarity: { weight: 1.5, compare: 'overlap' },
    ask: {
      order: 7,
      annotation: 'case-studies/messaging',
      example: 'kafka',
      why: 'the message bus, if the service uses one, matches event-driven architectures',
    },
  },
  consistency: {
    annotations: ['case-studies/consistency'],
    values: 'one',
    vocabulary: 'closed',
    synonyms: {
      strong: [
        'strong-consistency',
        'strongly-consistent',
        'acid',
        'linearizable',
        'serializable',
      ],
      eventual: ['eventual-consistency', 'eventually-consistent'],
    },
    similarity: { weight: 1.5, compare: 'overlap' },
    ask: {
      order: 6,
      annotation: 'case-studies/consistency',
      example: 'strong',
      why: 'the consistency model decides the distributed-transaction warnings',
    },
  },
  scale: {
    annotations: ['case-studies/scale'],
    values: 'one',
    vocabulary: 'closed',
    synonyms: Object.fromEntries(SCALE_LEVELS.map(level => [level, []])),
    similarity: { weight: 2, compare: 'levels' },
    ask: {
      order: 5,
      annotation: 'case-studies/scale',
      example: 'medium',
      why: 'the scale decides which companies\' "don\'t copy" caveats apply (case-studies/peak-rps or case-studies/users also give it)',
    },
  },
  architecture: {
    annotations: ['case-studies/architecture'],
    values: 'one',
    vocabulary: 'closed',
    synonyms: {
      monolith: ['monolithic', 'majestic-monolith'],
      'modular-monolith': ['modulith'],
      microservices: ['microservice', 'micro-services', 'msa'],
      serverless: ['faas', 'lambda', 'aws-lambda'],
      edge: ['edge-computing', 'edge-worker', 'cloudflare-workers'],
    },
    similarity: { weight: 2, compare: 'overlap' },
    ask: {
      order: 4,
      annotation: 'case-studies/architecture',
      example: 'monolith',
      why: 'the architecture decides warnings such as microservices with strong consistency',
    },
  },
  domain: {
    annotations: ['case-studies/domain'],
    values: 'strongest-source',
    vocabulary: 'open',
    synonyms: {
      payments: ['payment', 'billing', 'ledger', 'fintech', 'invoicing'],
      streaming: ['video', 'video-streaming', 'vod'],
      messaging: [
        'chat',
        'instant-messaging',
        'realtime-chat',
        'communication',
        'communications',
      ],
      collaboration: [
        'real-time-collaboration',
        'realtime-collaboration',
        'collaborative-editing',
        'co-editing',
      ],
      geospatial: [
        'geo',
        'gis',
        'maps',
        'location',
        'geolocation',
        'mobility',
        'ride-hailing',
      ],
      commerce: ['ecommerce', 'e-commerce', 'storefront', 'shop', 'retail'],
      'developer-platform': [
        'devtools',
        'developer-tools',
        'dev-tools',
        'developer-portal',
        'platform-engineering',
      ],
      content: ['cms', 'wiki', 'notes', 'documents'],
      analytics: ['web-analytics', 'business-intelligence'],
      music: ['audio', 'podcasts'],
      search: [],
      marketplace: [],
      travel: ['hospitality'],
      identity: ['auth', 'iam', 'authentication'],
      security: ['ddos', 'waf'],
      networking: ['cdn', 'dns', 'network'],
    },
    similarity: { weight: 3, compare: 'overlap' },
    ask: {
      order: 3,
      annotation: 'case-studies/domain',
      example: 'payments',
      why: 'the domain decides lessons such as idempotency keys for payments and infers the consistency it needs',
    },
  },
  deployment: {
    annotations: ['case-studies/deployment'],
    values: 'all-sources',
    vocabulary: 'open',
    synonyms: {
      kubernetes: ['k8s', 'eks', 'gke', 'aks', 'openshift'],
      serverless: ['lambda', 'aws-lambda', 'cloud-functions', 'faas'],
      edge: ['cloudflare-workers', 'edge-functions', 'edge-worker'],
      heroku: [],
      vm: ['ec2', 'virtual-machines'],
      'bare-metal': ['on-premises', 'on-prem'],
      nomad: [],
      ecs: ['fargate'],
    },
    similarity: { weight: 1, compare: 'overlap' },
    ask: {
      order: 9,
      annotation: 'case-studies/deployment',
      example: 'kubernetes',
      why: 'the deployment target decides platform caveats such as Kubernetes for small teams',
    },
  },
  lifecycle: {
    // From `spec.lifecycle`, which every component has: not asked for, and
    // it says nothing about resemblance.
    annotations: [],
    values: 'one',
    vocabulary: 'open',
    synonyms: {},
  },
  practices: {
    annotations: ['case-studies/practices'],
    values: 'all-sources',
    vocabulary: 'open',
    synonyms: {
      ...Object.fromEntries(KNOWN_PRACTICES.map(practice => [practice, []])),
      observability: ['o11y', 'monitoring'],
      tracing: ['distributed-tracing', 'opentelemetry', 'otel'],
      alerting: ['on-call', 'oncall'],
      'circuit-breakers': ['circuit-breaker', 'hystrix', 'resilience4j'],
      bulkheads: ['bulkhead'],
      'chaos-engineering': ['chaos', 'chaos-monkey', 'game-days', 'gameday'],
      'feature-flags': ['feature-flag', 'feature-toggles'],
      'idempotency-keys': ['idempotency', 'idempotency-key'],
      'api-versioning': ['versioned-api'],
      postmortems: ['postmortem', 'post-mortems', 'incident-reviews'],
      'internal-postmortems': [
        'postmortems-published-internally',
        'published-postmortems',
      ],
      'canary-deploys': ['canary', 'canary-releases', 'canary-deployments'],
      'blue-green-deploys': ['blue-green', 'red-black', 'red-black-deploys'],
      'continuous-delivery': ['continuous-deployment', 'gitops'],
      'continuous-integration': ['ci'],
      'trunk-based-development': ['trunk-based'],
      'test-automation': ['automated-tests'],
      'load-testing': ['load-tests'],
      'service-mesh': ['istio', 'linkerd'],
      'graphql-federation': ['federated-graphql', 'apollo-federation'],
      'event-driven': ['event-sourcing', 'eda'],
      'cell-architecture': ['cells'],
      sharding: ['sharded'],
      crdt: ['crdts', 'yjs', 'automerge'],
    },
    similarity: {
      weight: 3,
      compare: 'bonus',
      ignored: UBIQUITOUS_PRACTICES,
    },
    ask: {
      order: 10,
      annotation: 'case-studies/practices',
      example: 'observability, alerting, postmortems',
      why: 'declared practices satisfy lessons and silence the warnings about their absence',
    },
  },
} as const satisfies Record<string, AttributeDefinition>;

/** @public */
export type ProfileAttribute = keyof typeof ATTRIBUTES;

/**
 * The attributes of a service profile. Company profiles, pattern and checklist
 * `appliesWhen` conditions and antipattern detection rules all speak this one
 * vocabulary, so that matching compares like with like.
 *
 * @public
 */
export const PROFILE_ATTRIBUTES = Object.keys(
  ATTRIBUTES,
) as readonly ProfileAttribute[];

/** The definition of an attribute. */
export function attributeDefinition(
  attribute: ProfileAttribute,
): AttributeDefinition {
  return ATTRIBUTES[attribute];
}
