import type { Entity } from '@backstage/catalog-model';
import type { ProfileFact } from '../knowledge/conditions';
import {
  ATTRIBUTES,
  PROFILE_ATTRIBUTES,
  ProfileAttribute,
  ValueCombination,
} from './attributes';
import {
  countAt,
  EntityView,
  objectAt,
  refName,
  stringAt,
  stringsAt,
  viewEntity,
} from './entityFields';
import { isDeployedComponent } from './deployedComponents';
import { practicesFromLinks } from './links';
import { missingAnnotations } from './tellUsMore';
import type {
  Confidence,
  ProfileConflict,
  ProfileFactValue,
  ProfileNeighbours,
  ProfileValue,
  Provenance,
  ProvenanceKind,
  RejectedValue,
  ServiceProfile,
} from './types';
import {
  canonicalValue,
  JAVASCRIPT_RUNTIME_TAGS,
  normaliseValue,
  productHits,
  rejectionOf,
  slug,
  tagHits,
  startsTwoWordProduct,
  VocabularyHit,
} from './vocabulary';
import { wellKnownAnnotation } from './wellKnownAnnotations';

/**
 * Which source wins when sources disagree, strongest first: what the owners
 * declared in a `case-studies/*` annotation, then what the Resources the
 * entity depends on are, then its tags, then its spec, then everything read
 * from further away (System, Domain) or inferred. A Resource outranks a tag
 * because it names the actual database rather than a label someone chose.
 */
const PRECEDENCE = {
  annotation: 5,
  dependsOnResource: 4,
  tag: 3,
  spec: 2,
  relation: 1,
  inference: 1,
} as const;

type SourceLevel = keyof typeof PRECEDENCE;

const KIND_OF_LEVEL: Record<SourceLevel, ProvenanceKind> = {
  annotation: 'annotation',
  dependsOnResource: 'relation',
  tag: 'tag',
  spec: 'spec',
  relation: 'relation',
  inference: 'inference',
};

const CONFIDENCE_RANK: Record<Confidence, number> = {
  high: 3,
  medium: 2,
  low: 1,
};

/** `case-studies/*` annotation → the attribute it declares */
const ATTRIBUTE_ANNOTATIONS: ReadonlyMap<string, ProfileAttribute> = new Map(
  PROFILE_ATTRIBUTES.flatMap(attribute =>
    ATTRIBUTES[attribute].annotations.map(key => [key, attribute] as const),
  ),
);

/** How the values of each attribute combine (see `AttributeDefinition.values`). */
const COMBINATION: ReadonlyMap<ProfileAttribute, ValueCombination> = new Map(
  PROFILE_ATTRIBUTES.map(attribute => [
    attribute,
    ATTRIBUTES[attribute].values,
  ]),
);

const FACT_ANNOTATIONS: Record<string, ProfileFact> = {
  'case-studies/peak-rps': 'scale.peakRps',
  'case-studies/users': 'scale.users',
};

const CASE_STUDIES_PREFIX = 'case-studies/';
const MAX_VALUES_PER_ANNOTATION = 50;

/** Resource `spec.type`s that say what a dependency is; other types only count when their type names a product. */
const RESOURCE_TYPE_ATTRIBUTE: Record<string, ProfileAttribute> = {
  database: 'databases',
  db: 'databases',
  datastore: 'databases',
  rds: 'databases',
  cache: 'caches',
  'message-queue': 'messaging',
  'message-broker': 'messaging',
  queue: 'messaging',
  topic: 'messaging',
  broker: 'messaging',
  'event-stream': 'messaging',
};

const DATASTORE_ATTRIBUTES: readonly ProfileAttribute[] = [
  'databases',
  'caches',
  'messaging',
];

/** A Resource's tags may also name a data practice of the service using it (`sharded`). */
const RESOURCE_TAG_ATTRIBUTES: readonly ProfileAttribute[] = [
  ...DATASTORE_ATTRIBUTES,
  'practices',
];

/** Domains whose data needs strong consistency (money must add up). Billing and ledgers normalise to payments. */
const STRONG_CONSISTENCY_DOMAINS: ReadonlySet<string> = new Set(['payments']);
/** Databases whose default is strong (serialisable) consistency across nodes. */
const STRONGLY_CONSISTENT_DATABASES: ReadonlySet<string> = new Set([
  'spanner',
  'cockroachdb',
]);
/** Databases that are eventually consistent by default (tunable, but rarely tuned to strong). */
const EVENTUALLY_CONSISTENT_DATABASES: ReadonlySet<string> = new Set([
  'cassandra',
  'scylladb',
  'dynamodb',
]);

/**
 * Size of the System → architecture hint (low confidence): one or two
 * components are a monolith with perhaps a helper; four or more suggest
 * microservices. Three say nothing.
 */
const MONOLITH_SYSTEM_MAX_COMPONENTS = 2;
const MICROSERVICES_SYSTEM_MIN_COMPONENTS = 4;

/**
 * Declared figures → scale level (medium confidence). Peak requests per
 * second below 100 are small, below 5,000 medium, below 100,000 large;
 * users below 10 thousand small, below 1 million medium, below 100 million
 * large; anything above is hyperscale. With both, the larger level wins.
 */
const SCALE_THRESHOLDS: Record<
  'scale.peakRps' | 'scale.users',
  ReadonlyArray<readonly [number, string]>
> = {
  'scale.peakRps': [
    [100, 'small'],
    [5_000, 'medium'],
    [100_000, 'large'],
    [Infinity, 'hyperscale'],
  ],
  'scale.users': [
    [10_000, 'small'],
    [1_000_000, 'medium'],
    [100_000_000, 'large'],
    [Infinity, 'hyperscale'],
  ],
};
const SCALE_ORDER = ['small', 'medium', 'large', 'hyperscale'];
const SCALE_FACTS = ['scale.peakRps', 'scale.users'] as const;

interface Candidate {
  value: string;
  source: Provenance;
  rank: number;
  /** the tag that gave a JavaScript hint, dropped when TypeScript is declared */
  runtimeTag?: boolean;
}

/**
 * The provenance of a tag or an annotation key is the same in every profile,
 * so it is built once and shared (frozen); at most this many per kind and
 * confidence, so unusual keys cannot grow the cache without bound.
 */
const MAX_SHARED_SOURCES = 4096;
type SharedKind = 'tag' | 'annotation';
/** per kind and confidence, subject → provenance (nested, so a lookup builds no key string) */
const sharedSources: Record<
  SharedKind,
  Record<Confidence, Map<string, Provenance>>
> = {
  tag: { high: new Map(), medium: new Map(), low: new Map() },
  annotation: { high: new Map(), medium: new Map(), low: new Map() },
};

function sharedSource(
  kind: SharedKind,
  subject: string,
  confidence: Confidence,
): Provenance {
  const sources = sharedSources[kind][confidence];
  let source = sources.get(subject);
  if (!source) {
    source = Object.freeze({ kind, detail: `${kind} ${subject}`, confidence });
    if (sources.size < MAX_SHARED_SOURCES) sources.set(subject, source);
  }
  return source;
}

/** Values as they are found, before precedence decides between them. */
class CandidateCollector {
  readonly byAttribute = new Map<ProfileAttribute, Candidate[]>();
  readonly rejected: RejectedValue[] = [];

  add(
    attribute: ProfileAttribute,
    value: string,
    level: SourceLevel,
    detail: string,
    confidence: Confidence,
  ): void {
    this.addFrom(attribute, value, level, {
      kind: KIND_OF_LEVEL[level],
      detail,
      confidence,
    });
  }

  addFrom(
    attribute: ProfileAttribute,
    value: string,
    level: SourceLevel,
    source: Provenance,
    runtimeTag = false,
  ): void {
    const candidate: Candidate = {
      value,
      source,
      rank: PRECEDENCE[level] * 4 + CONFIDENCE_RANK[source.confidence],
    };
    if (runtimeTag) candidate.runtimeTag = true;
    const list = this.byAttribute.get(attribute);
    if (list) list.push(candidate);
    else this.byAttribute.set(attribute, [candidate]);
  }

  /** A declared value, normalised; a value the vocabulary refuses is reported. */
  addDeclared(
    attribute: ProfileAttribute,
    raw: string,
    level: SourceLevel,
    source: Provenance,
  ): void {
    const value = normaliseValue(attribute, raw);
    if (value !== undefined) {
      this.addFrom(attribute, value, level, source);
    } else {
      this.rejected.push({
        detail: source.detail,
        value: raw,
        reason: rejectionOf(attribute, raw),
      });
    }
  }
}

/**
 * The service profile of a catalog entity: each attribute of the matching
 * vocabulary with its values and their provenance, numeric facts from the
 * catalog around it, the conflicts precedence resolved and the annotations
 * that would sharpen the guidance.
 *
 * Pure and deterministic. Tolerates any JSON as `entity` and `neighbours`:
 * missing fields and wrong types are read as absent.
 *
 * @public
 */
export function profile(
  entity: Entity,
  neighbours: ProfileNeighbours = {},
): ServiceProfile {
  const view = viewEntity(entity);
  const around = objectAt(neighbours) as ProfileNeighbours;
  const collector = new CandidateCollector();
  const facts: Partial<Record<ProfileFact, ProfileFactValue>> = {};

  const system = viewSystem(view, around);

  collectAnnotations(view, collector, facts);
  for (const { value, source } of practicesFromLinks(entity)) {
    collector.addFrom('practices', value, 'annotation', source);
  }
  collectTags(view, collector);
  collectSpec(view, collector);
  const resources = Array.isArray(around.resources)
    ? distinctViews(around.resources)
    : undefined;
  const ownDatabases = collectResources(view, resources ?? [], collector);
  collectDomain(view, around, system, collector);
  collectScaleFromFigures(facts, collector);
  collectNeighbourFacts(
    view,
    around,
    resources ? ownDatabases : undefined,
    system,
    facts,
  );

  const conflicts: ProfileConflict[] = [];
  const settle = (attribute: ProfileAttribute) =>
    resolve(attribute, collector.byAttribute.get(attribute), conflicts);

  // Inferences read resolved values, so their inputs settle first.
  const domain = settle('domain');
  const databases = settle('databases');
  inferConsistency(domain, databases, collector);
  collectArchitectureFromSystem(system, collector);
  const settledFirst = new Map([
    ['domain', domain],
    ['databases', databases],
  ]);
  // Keys in registry order: the order they serialise in.
  const attributes = {} as Record<ProfileAttribute, ProfileValue[]>;
  for (const attribute of PROFILE_ATTRIBUTES) {
    attributes[attribute] = settledFirst.get(attribute) ?? settle(attribute);
  }
  if (conflicts.length > 1) {
    conflicts.sort(
      (a, b) =>
        PROFILE_ATTRIBUTES.indexOf(a.attribute) -
        PROFILE_ATTRIBUTES.indexOf(b.attribute),
    );
  }

  addStrongConsistencyComponents(view, system, attributes, facts);
  addSameSystemServiceDependencies(around, system, facts);

  return {
    entityRef: view.ref,
    attributes,
    facts,
    unknown: PROFILE_ATTRIBUTES.filter(a => attributes[a].length === 0),
    conflicts,
    rejected: collector.rejected,
    missing: missingAnnotations(attributes),
  };
}

/** The entity's System as the profile reads it, viewed once. */
interface SystemView {
  /** the System entity's ref, or the entity's `spec.system` as written */
  label: string;
  /** the System entity's (or `spec.system`'s) name */
  name: string;
  entity?: EntityView;
  /** undefined when the neighbours do not list the System's components */
  components?: EntityView[];
  /** whether some component is listed more than once */
  componentsRepeat: boolean;
  /** distinct components, the entity included */
  componentCount: number;
  /** undefined when the neighbours do not list the System's resources */
  resources?: unknown[];
}

function viewSystem(
  view: EntityView,
  around: ProfileNeighbours,
): SystemView | undefined {
  const system = objectAt(around.system);
  const specSystem = stringAt(view.spec.system);
  const entity = system.entity ? viewEntity(system.entity) : undefined;
  if (!entity && !specSystem && !Array.isArray(system.components)) {
    return undefined;
  }
  const listed = Array.isArray(system.components)
    ? system.components
    : undefined;
  const distinct = distinctViews(listed ?? []);
  const componentsRepeat = distinct.length < (listed?.length ?? 0);
  // Every listing of a repeated component is read, as each may say more.
  const components =
    listed && (componentsRepeat ? listed.map(viewEntity) : distinct);
  return {
    label: entity?.ref ?? specSystem ?? 'its system',
    name: entity?.name ?? refName(specSystem ?? 'its system'),
    entity,
    components,
    componentsRepeat,
    componentCount:
      view.kind === 'component' && !distinct.some(c => c.ref === view.ref)
        ? distinct.length + 1
        : distinct.length,
    resources: Array.isArray(system.resources) ? system.resources : undefined,
  };
}

const LIST_SEPARATORS = /[,;]/;

function splitList(raw: string): string[] {
  if (!LIST_SEPARATORS.test(raw)) {
    const single = raw.trim();
    return single.length > 0 ? [single] : [];
  }
  return raw
    .split(LIST_SEPARATORS)
    .map(part => part.trim())
    .filter(part => part.length > 0);
}

function collectAnnotations(
  view: EntityView,
  collector: CandidateCollector,
  facts: Partial<Record<ProfileFact, ProfileFactValue>>,
): void {
  for (const key of Object.keys(view.annotations)) {
    const raw = stringAt(view.annotations[key]);
    if (raw === undefined) continue;
    const attribute = ATTRIBUTE_ANNOTATIONS.get(key);
    if (attribute) {
      const source = sharedSource('annotation', key, 'high');
      const values = splitList(raw);
      for (const value of values.slice(0, MAX_VALUES_PER_ANNOTATION)) {
        collector.addDeclared(attribute, value, 'annotation', source);
      }
      if (values.length > MAX_VALUES_PER_ANNOTATION) {
        collector.rejected.push({
          detail: source.detail,
          value: values.slice(MAX_VALUES_PER_ANNOTATION).join(', '),
          reason: `more than ${MAX_VALUES_PER_ANNOTATION} values; the rest are ignored`,
        });
      }
      continue;
    }
    const detail = `annotation ${key}`;
    const fact = FACT_ANNOTATIONS[key];
    if (fact) {
      const figure = parseFigure(raw);
      if (figure === undefined) {
        collector.rejected.push({
          detail,
          value: raw,
          reason: 'not a number (e.g. 1200, 15k, 2.5M)',
        });
      } else {
        facts[fact] = {
          value: figure,
          source: { kind: 'annotation', detail, confidence: 'high' },
        };
      }
      continue;
    }
    if (key.startsWith(CASE_STUDIES_PREFIX)) {
      collector.rejected.push({
        detail,
        value: raw,
        reason: `unknown annotation; known: ${[
          ...ATTRIBUTE_ANNOTATIONS.keys(),
          ...Object.keys(FACT_ANNOTATIONS),
        ].join(', ')}`,
      });
      continue;
    }
    const wellKnown = wellKnownAnnotation(key);
    if (wellKnown) {
      collector.addFrom(
        wellKnown.attribute,
        wellKnown.value,
        'annotation',
        sharedSource('annotation', key, 'medium'),
      );
    }
  }
}

/** `1200`, `1,200`, `15k`, `2.5M`, `1b` → a number; anything else → undefined. */
function parseFigure(raw: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([kmb])?$/i.exec(raw.replace(/[\s,_]/g, ''));
  if (!match) return undefined;
  const multiplier = { k: 1e3, m: 1e6, b: 1e9 }[
    (match[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'
  ];
  return Number(match[1]) * (multiplier ?? 1);
}

function collectTags(view: EntityView, collector: CandidateCollector): void {
  for (const tag of view.tags) {
    for (const hit of tagHits(tag)) {
      collector.addFrom(
        hit.attribute,
        hit.value,
        'tag',
        sharedSource('tag', tag, hit.confidence),
        hit.attribute === 'language' && JAVASCRIPT_RUNTIME_TAGS.has(slug(tag)),
      );
    }
  }
}

const LIFECYCLE_SOURCE: Provenance = Object.freeze({
  kind: 'spec',
  detail: 'spec.lifecycle',
  confidence: 'high',
});

/** `spec.lifecycle`, and a `spec.type` that names an architecture or deployment (`serverless`, `lambda`, `edge`). */
function collectSpec(view: EntityView, collector: CandidateCollector): void {
  const lifecycle = stringAt(view.spec.lifecycle);
  if (lifecycle) {
    collector.addDeclared('lifecycle', lifecycle, 'spec', LIFECYCLE_SOURCE);
  }
  const type = stringAt(view.spec.type);
  if (!type) return;
  for (const attribute of ['architecture', 'deployment'] as const) {
    const value = canonicalValue(attribute, type);
    if (value) {
      collector.add(attribute, value, 'spec', `spec.type ${type}`, 'medium');
    }
  }
}

const NAME_SEPARATORS = /[-_.\s/]+/;

/** Products named by the parts of a lower-case name: `orders-mysql` → mysql, `aurora-postgres-main` → postgres. */
function productsInName(name: string): VocabularyHit[] {
  const found: VocabularyHit[] = [];
  const add = (phrase: string) => {
    for (const hit of productHits(phrase)) {
      if (!found.includes(hit)) found.push(hit);
    }
  };
  add(name);
  if (!NAME_SEPARATORS.test(name)) return found;
  const parts = name.split(NAME_SEPARATORS).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    add(parts[i]);
    // Only a known first word can start a two-word product: skip building the others.
    if (i + 1 < parts.length && startsTwoWordProduct(parts[i])) {
      add(`${parts[i]}-${parts[i + 1]}`);
    }
  }
  return found;
}

/** Whether a Resource's `spec.type` (slugged) says it is a database. */
function isDatabaseType(type: string): boolean {
  return (
    RESOURCE_TYPE_ATTRIBUTE[type] === 'databases' ||
    canonicalValue('databases', type) !== undefined
  );
}

/** Up to this many views, a scan of their names costs less than building a set. */
const FEW_VIEWS = 16;

/** Views of entities, each reference once, in order. */
function distinctViews(entities: unknown[]): EntityView[] {
  const views: EntityView[] = [];
  // Refs are built anew by every profile, so hashing them costs each time,
  // while names come from the catalog and keep their hash. A name without a
  // '/' is what follows the last '/' of its ref: as long as the names are
  // distinct, so are the refs.
  let names: Set<string> | undefined;
  let refs: Set<string> | undefined;
  for (const entity of entities) {
    const entityView = viewEntity(entity);
    if (!refs) {
      const { name } = entityView;
      const seen = names ? names.has(name) : views.some(v => v.name === name);
      if (!seen && !name.includes('/')) {
        views.push(entityView);
        if (names) names.add(name);
        else if (views.length > FEW_VIEWS) {
          names = new Set(views.map(v => v.name));
        }
        continue;
      }
      // A name repeats (or holds a '/'): from here on, compare refs.
      refs = new Set(views.map(v => v.ref));
    }
    if (refs.has(entityView.ref)) continue;
    refs.add(entityView.ref);
    views.push(entityView);
  }
  return views;
}

/**
 * What the Resources the entity depends on are: their `case-studies/*`
 * annotations and tags always count; their type and name only when the type
 * says it is a datastore (so a bucket called `pg-backups` is not a database).
 * Dependencies that are not in the catalog still give their name, at low
 * confidence. Returns the refs of the Resources that are databases (distinct,
 * as the Resources are).
 */
function collectResources(
  view: EntityView,
  resources: EntityView[],
  collector: CandidateCollector,
): string[] {
  const databases: string[] = [];
  for (const resourceView of resources) {
    const about = (what: string) => `dependsOn ${resourceView.ref} (${what})`;

    for (const key of Object.keys(resourceView.annotations)) {
      const attribute = ATTRIBUTE_ANNOTATIONS.get(key);
      if (!attribute || !DATASTORE_ATTRIBUTES.includes(attribute)) continue;
      const raw = stringAt(resourceView.annotations[key]) ?? '';
      const source: Provenance = {
        kind: 'relation',
        detail: about(`annotation ${key}`),
        confidence: 'high',
      };
      for (const value of splitList(raw).slice(0, MAX_VALUES_PER_ANNOTATION)) {
        collector.addDeclared(attribute, value, 'dependsOnResource', source);
      }
    }
    for (const tag of resourceView.tags) {
      for (const hit of tagHits(tag)) {
        if (RESOURCE_TAG_ATTRIBUTES.includes(hit.attribute)) {
          collector.add(
            hit.attribute,
            hit.value,
            'dependsOnResource',
            about(`tag ${tag}`),
            hit.confidence,
          );
        }
      }
    }
    const type = stringAt(resourceView.spec.type) ?? '';
    const typeSlug = slug(type);
    const typeProducts = productsInName(typeSlug);
    for (const { attribute, value } of typeProducts) {
      collector.add(
        attribute,
        value,
        'dependsOnResource',
        about(`spec.type ${type}`),
        'high',
      );
    }
    if (isDatabaseType(typeSlug)) databases.push(resourceView.ref);
    if (RESOURCE_TYPE_ATTRIBUTE[typeSlug] || typeProducts.length > 0) {
      for (const { attribute, value } of productsInName(resourceView.name)) {
        collector.add(
          attribute,
          value,
          'dependsOnResource',
          about('name'),
          'medium',
        );
      }
    }
  }

  const dependsOn = stringsAt(view.spec.dependsOn);
  if (dependsOn.length === 0) return databases;
  const seen = new Set(resources.map(resource => resource.ref));
  for (const dependency of dependsOn) {
    const ref = dependency.toLowerCase();
    if (!ref.startsWith('resource:')) continue;
    const name = refName(ref);
    const qualified = ref.includes('/') ? ref : `resource:default/${name}`;
    if (seen.has(qualified)) continue;
    seen.add(qualified);
    for (const { attribute, value } of productsInName(name)) {
      collector.add(
        attribute,
        value,
        'dependsOnResource',
        `dependsOn ${qualified} (name; not in the catalog)`,
        'low',
      );
    }
  }
  return databases;
}

/** The Domain entity (or the domain named by the System) and the System's name and tags → domain. */
function collectDomain(
  view: EntityView,
  around: ProfileNeighbours,
  system: SystemView | undefined,
  collector: CandidateCollector,
): void {
  const addNamed = (name: string, detail: string, confidence: Confidence) => {
    for (const part of [name, ...name.split(/[-_.]+/)]) {
      const value = canonicalValue('domain', part);
      if (value) collector.add('domain', value, 'relation', detail, confidence);
    }
  };
  const addTags = (
    tags: readonly string[],
    owner: string,
    confidence: Confidence,
  ) => {
    for (const tag of tags) {
      for (const hit of tagHits(tag)) {
        if (hit.attribute === 'domain') {
          collector.add(
            'domain',
            hit.value,
            'relation',
            `${owner} (tag ${tag})`,
            confidence,
          );
        }
      }
    }
  };

  const systemView = system?.entity;

  if (around.domain) {
    const domainView = viewEntity(around.domain);
    addNamed(domainView.name, `domain ${domainView.ref} (name)`, 'medium');
    addTags(domainView.tags, `domain ${domainView.ref}`, 'medium');
  } else {
    const domainRef =
      stringAt(systemView?.spec.domain) ?? stringAt(view.spec.domain);
    if (domainRef) {
      addNamed(refName(domainRef), `spec.domain ${domainRef}`, 'medium');
    }
  }

  if (systemView) {
    addNamed(systemView.name, `system ${systemView.ref} (name)`, 'low');
    addTags(systemView.tags, `system ${systemView.ref}`, 'low');
  } else {
    const systemRef = stringAt(view.spec.system);
    if (systemRef) {
      addNamed(refName(systemRef), `spec.system ${systemRef}`, 'low');
    }
  }
}

function scaleLevel(fact: 'scale.peakRps' | 'scale.users', value: number) {
  return SCALE_THRESHOLDS[fact].find(([below]) => value < below)![1];
}

function collectScaleFromFigures(
  facts: Partial<Record<ProfileFact, ProfileFactValue>>,
  collector: CandidateCollector,
): void {
  // The larger level wins; on a tie, peak RPS (read first) does.
  let largest: { level: string; figure: ProfileFactValue } | undefined;
  for (const fact of SCALE_FACTS) {
    const figure = facts[fact];
    if (!figure) continue;
    const level = scaleLevel(fact, figure.value);
    if (
      !largest ||
      SCALE_ORDER.indexOf(level) > SCALE_ORDER.indexOf(largest.level)
    ) {
      largest = { level, figure };
    }
  }
  if (!largest) return;
  collector.add(
    'scale',
    largest.level,
    'inference',
    `${largest.figure.source.detail} = ${largest.figure.value} (${largest.level} by the documented thresholds)`,
    'medium',
  );
}

function collectArchitectureFromSystem(
  system: SystemView | undefined,
  collector: CandidateCollector,
): void {
  if (!system?.components) return;
  const count = system.componentCount;
  const detail = `system ${system.name} has ${counted(count, 'component')}`;
  if (count <= MONOLITH_SYSTEM_MAX_COMPONENTS) {
    collector.add('architecture', 'monolith', 'inference', detail, 'low');
  } else if (count >= MICROSERVICES_SYSTEM_MIN_COMPONENTS) {
    collector.add('architecture', 'microservices', 'inference', detail, 'low');
  }
}

function describe(value: ProfileValue): string {
  return `${value.value} (${value.source.detail})`;
}

/** Payments → strong; Spanner or CockroachDB → strong; only Cassandra-like stores → eventual. */
function inferConsistency(
  domains: ProfileValue[],
  databases: ProfileValue[],
  collector: CandidateCollector,
): void {
  const domain = domains.find(d => STRONG_CONSISTENCY_DOMAINS.has(d.value));
  if (domain) {
    collector.add(
      'consistency',
      'strong',
      'inference',
      `domain ${describe(domain)} needs strong consistency`,
      'medium',
    );
  }
  const strongDatabase = databases.find(d =>
    STRONGLY_CONSISTENT_DATABASES.has(d.value),
  );
  if (strongDatabase) {
    collector.add(
      'consistency',
      'strong',
      'inference',
      `database ${describe(strongDatabase)} is strongly consistent`,
      'low',
    );
  } else if (
    databases.length > 0 &&
    databases.every(d => EVENTUALLY_CONSISTENT_DATABASES.has(d.value))
  ) {
    collector.add(
      'consistency',
      'eventual',
      'inference',
      `database ${databases
        .map(describe)
        .join(', ')} is eventually consistent by default`,
      'low',
    );
  }
}

/** The first candidate of each value, as profile values. */
function firstOfEachValue(candidates: Candidate[]): ProfileValue[] {
  const values: ProfileValue[] = [];
  for (const { value, source } of candidates) {
    if (!values.some(v => v.value === value)) values.push({ value, source });
  }
  return values;
}

/**
 * Sorts candidates strongest first, in place, keeping the order they were
 * found in among equals. Insertion sort: the lists are a handful long, and
 * it allocates nothing.
 */
function strongestFirst(candidates: Candidate[]): void {
  for (let i = 1; i < candidates.length; i++) {
    const candidate = candidates[i];
    let j = i - 1;
    while (j >= 0 && candidates[j].rank < candidate.rank) {
      candidates[j + 1] = candidates[j];
      j--;
    }
    candidates[j + 1] = candidate;
  }
}

/**
 * Applies precedence to the candidates of one attribute: the profile's
 * values; the conflict, when a weaker source said otherwise, is added to
 * `conflicts`.
 */
function resolve(
  attribute: ProfileAttribute,
  found: Candidate[] | undefined,
  conflicts: ProfileConflict[],
): ProfileValue[] {
  if (found === undefined || found.length === 0) return [];
  if (found.length === 1) {
    return [{ value: found[0].value, source: found[0].source }];
  }
  const ordered =
    attribute === 'language' && found.some(c => c.value === 'typescript')
      ? found.filter(c => !c.runtimeTag)
      : found;
  strongestFirst(ordered);
  const combination = COMBINATION.get(attribute);
  if (combination === 'all-sources') return firstOfEachValue(ordered);
  const top = ordered[0];
  const kept =
    combination === 'one'
      ? [{ value: top.value, source: top.source }]
      : firstOfEachValue(ordered.filter(c => c.rank === top.rank));
  const overridden = firstOfEachValue(
    ordered.filter(c => !kept.some(k => k.value === c.value)),
  );
  if (overridden.length > 0) conflicts.push({ attribute, kept, overridden });
  return kept;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function setFact(
  facts: Partial<Record<ProfileFact, ProfileFactValue>>,
  fact: ProfileFact,
  value: number,
  kind: ProvenanceKind,
  detail: string,
): void {
  facts[fact] = { value, source: { kind, detail, confidence: 'high' } };
}

function databaseRefs(resources: EntityView[]): Set<string> {
  const refs = new Set<string>();
  for (const resource of resources) {
    const type = slug(stringAt(resource.spec.type) ?? '');
    if (isDatabaseType(type)) refs.add(resource.ref);
  }
  return refs;
}

/** Facts read from the owner group, the System and the dependencies. */
function collectNeighbourFacts(
  view: EntityView,
  around: ProfileNeighbours,
  /** distinct refs of the entity's database Resources, when the neighbours list its Resources */
  ownDatabases: string[] | undefined,
  system: SystemView | undefined,
  facts: Partial<Record<ProfileFact, ProfileFactValue>>,
): void {
  const ownerGroup = objectAt(around.ownerGroup);
  const groupRef = ownerGroup.entity
    ? viewEntity(ownerGroup.entity).ref
    : stringAt(view.spec.owner) ?? 'the owner group';
  const members = countAt(ownerGroup.memberCount);
  const owned = countAt(ownerGroup.ownedComponents);
  if (members !== undefined) {
    setFact(
      facts,
      'team.members',
      members,
      'relation',
      `${groupRef} has ${counted(members, 'member')}`,
    );
  }
  if (owned !== undefined) {
    setFact(
      facts,
      'team.components',
      owned,
      'relation',
      `${groupRef} owns ${counted(owned, 'component')}`,
    );
  }
  addTeamServices(groupRef, members, countAt(ownerGroup.ownedServices), facts);
  if (members !== undefined && owned !== undefined && members > 0) {
    setFact(
      facts,
      'team.componentsPerMember',
      Math.round((owned / members) * 100) / 100,
      'inference',
      `${groupRef} owns ${counted(owned, 'component')} with ${counted(
        members,
        'member',
      )}`,
    );
  }

  if (ownDatabases) {
    setFact(
      facts,
      'entity.databases',
      ownDatabases.length,
      'relation',
      `depends on ${counted(ownDatabases.length, 'database resource')}`,
    );
  }
  if (Array.isArray(around.components)) {
    const count = new Set(around.components.map(c => viewEntity(c).ref)).size;
    setFact(
      facts,
      'entity.componentDependencies',
      count,
      'relation',
      `depends on ${counted(count, 'component')}`,
    );
  }

  if (system?.components) {
    setFact(
      facts,
      'system.components',
      system.componentCount,
      'relation',
      `system ${system.label} has ${counted(
        system.componentCount,
        'component',
      )}`,
    );
  }
  if (system?.components || system?.resources) {
    const databases = databaseRefs((system.resources ?? []).map(viewEntity));
    for (const ref of ownDatabases ?? []) databases.add(ref);
    setFact(
      facts,
      'system.databases',
      databases.size,
      'relation',
      `the components of system ${system.label} use ${counted(
        databases.size,
        'database resource',
      )}`,
    );
  }
}

/** `team.services` and, with members, `team.servicesPerMember`: what the team deploys and runs. */
function addTeamServices(
  groupRef: string,
  members: number | undefined,
  services: number | undefined,
  facts: Partial<Record<ProfileFact, ProfileFactValue>>,
): void {
  if (services === undefined) return;
  const owns = `${groupRef} owns ${counted(services, 'deployed component')}`;
  setFact(facts, 'team.services', services, 'relation', owns);
  if (members !== undefined && members > 0) {
    setFact(
      facts,
      'team.servicesPerMember',
      Math.round((services / members) * 100) / 100,
      'inference',
      `${owns} with ${counted(members, 'member')}`,
    );
  }
}

/**
 * Components of the System that declare strong consistency: the entity by its
 * resolved profile, the others by their own annotations and tags.
 */
function addStrongConsistencyComponents(
  view: EntityView,
  system: SystemView | undefined,
  attributes: Record<ProfileAttribute, ProfileValue[]>,
  facts: Partial<Record<ProfileFact, ProfileFactValue>>,
): void {
  if (!system?.components) return;
  let strong: string[] = [];
  if (
    attributes.consistency[0]?.value === 'strong' &&
    view.kind === 'component'
  ) {
    strong.push(view.ref);
  }
  for (const component of system.components) {
    if (component.ref !== view.ref && declaresStrongConsistency(component)) {
      strong.push(component.ref);
    }
  }
  // The entity is not among the components: refs repeat only when they do.
  if (system.componentsRepeat) strong = [...new Set(strong)];
  setFact(
    facts,
    'system.strongConsistencyComponents',
    strong.length,
    'relation',
    strong.length > 0
      ? `strongly consistent components of system ${system.label}: ${strong
          .sort()
          .join(', ')}`
      : `no component of system ${system.label} declares strong consistency`,
  );
}

/**
 * The deployed Components of the entity's System among the Components it
 * depends on, named in the provenance: the calls it makes inside its own
 * system. A library it depends on is built in, not called.
 */
function addSameSystemServiceDependencies(
  around: ProfileNeighbours,
  system: SystemView | undefined,
  facts: Partial<Record<ProfileFact, ProfileFactValue>>,
): void {
  if (!system?.components || !Array.isArray(around.components)) return;
  const members = new Set(system.components.map(component => component.ref));
  const called = new Set<string>();
  for (const dependency of around.components) {
    const { ref } = viewEntity(dependency);
    if (members.has(ref) && isDeployedComponent(dependency)) called.add(ref);
  }
  const refs = [...called].sort();
  setFact(
    facts,
    'entity.sameSystemServiceDependencies',
    refs.length,
    'relation',
    refs.length > 0
      ? `depends on ${counted(refs.length, 'service')} of system ${
          system.label
        }: ${refs.join(', ')}`
      : `depends on no service of system ${system.label}`,
  );
}

/**
 * Whether a component says it needs strong consistency, by the same
 * precedence as its own profile would: a consistency annotation, else a
 * consistency tag, else a payments domain (annotation, else tags).
 */
function declaresStrongConsistency(component: EntityView): boolean {
  const annotated = stringAt(component.annotations['case-studies/consistency']);
  const annotatedValue = annotated && canonicalValue('consistency', annotated);
  if (annotatedValue) return annotatedValue === 'strong';
  let taggedConsistency: string | undefined;
  let taggedStrongDomain = false;
  for (const tag of component.tags) {
    for (const hit of tagHits(tag)) {
      if (hit.attribute === 'consistency') taggedConsistency ??= hit.value;
      if (
        hit.attribute === 'domain' &&
        STRONG_CONSISTENCY_DOMAINS.has(hit.value)
      ) {
        taggedStrongDomain = true;
      }
    }
  }
  if (taggedConsistency) return taggedConsistency === 'strong';
  const annotatedDomain = stringAt(
    component.annotations['case-studies/domain'],
  );
  if (annotatedDomain) {
    return splitList(annotatedDomain).some(domain =>
      STRONG_CONSISTENCY_DOMAINS.has(canonicalValue('domain', domain) ?? ''),
    );
  }
  return taggedStrongDomain;
}
