import { ATTRIBUTES, PROFILE_ATTRIBUTES, ProfileAttribute } from './attributes';
import type { Confidence } from './types';

/** Attributes whose values must come from their vocabulary; anything else is rejected. */
const CLOSED_ATTRIBUTES: ReadonlySet<ProfileAttribute> = new Set(
  PROFILE_ATTRIBUTES.filter(a => ATTRIBUTES[a].vocabulary === 'closed'),
);

/** A value a tag (or a part of a resource name) stands for. */
export interface VocabularyHit {
  attribute: ProfileAttribute;
  value: string;
  confidence: Confidence;
}

/**
 * Tags that hint at more than their own attribute, at lower confidence: Rails
 * apps are monoliths far more often than not; Node says JavaScript unless
 * TypeScript is declared too (the profile drops the hint then).
 */
const TAG_HINTS: Record<string, VocabularyHit[]> = {
  rails: [{ attribute: 'architecture', value: 'monolith', confidence: 'low' }],
  'ruby-on-rails': [
    { attribute: 'architecture', value: 'monolith', confidence: 'low' },
  ],
  node: [{ attribute: 'language', value: 'javascript', confidence: 'medium' }],
  nodejs: [
    { attribute: 'language', value: 'javascript', confidence: 'medium' },
  ],
  bun: [{ attribute: 'language', value: 'javascript', confidence: 'medium' }],
};

/** Tags whose language hint yields to a declared TypeScript. */
export const JAVASCRIPT_RUNTIME_TAGS: ReadonlySet<string> = new Set([
  'node',
  'nodejs',
  'bun',
]);

/** synonym or canonical value → canonical value, per attribute */
const CANONICAL: Map<ProfileAttribute, Map<string, string>> = new Map(
  // Attributes without a vocabulary (lifecycle) have no entry: nothing to look up.
  PROFILE_ATTRIBUTES.filter(
    attribute => Object.keys(ATTRIBUTES[attribute].synonyms).length > 0,
  ).map(attribute => {
    const lookup = new Map<string, string>();
    const entries: Record<string, readonly string[]> =
      ATTRIBUTES[attribute].synonyms;
    for (const [canonical, synonyms] of Object.entries(entries)) {
      lookup.set(canonical, canonical);
      for (const synonym of synonyms) lookup.set(synonym, canonical);
    }
    return [attribute, lookup];
  }),
);

/** slug → every attribute value it stands for (a tag such as `serverless` means an architecture and a deployment) */
const TAG_VOCABULARY: Map<string, VocabularyHit[]> = buildTagVocabulary();

function buildTagVocabulary(): Map<string, VocabularyHit[]> {
  const vocabulary = new Map<string, VocabularyHit[]>();
  const add = (spelling: string, hit: VocabularyHit) => {
    const hits = vocabulary.get(spelling);
    if (hits) hits.push(hit);
    else vocabulary.set(spelling, [hit]);
  };
  for (const [attribute, lookup] of CANONICAL) {
    for (const [spelling, value] of lookup) {
      add(spelling, { attribute, value, confidence: 'high' });
    }
  }
  for (const [spelling, hints] of Object.entries(TAG_HINTS)) {
    for (const hint of hints) add(spelling, hint);
  }
  return vocabulary;
}

/** slug → the databases, caches and message buses it names, for reading resource names and types */
const PRODUCT_VOCABULARY: Map<string, VocabularyHit[]> = new Map();
for (const attribute of ['databases', 'caches', 'messaging'] as const) {
  for (const [spelling, value] of CANONICAL.get(attribute)!) {
    const hit: VocabularyHit = { attribute, value, confidence: 'high' };
    const hits = PRODUCT_VOCABULARY.get(spelling);
    if (hits) hits.push(hit);
    else PRODUCT_VOCABULARY.set(spelling, [hit]);
  }
}

const MAX_VALUE_LENGTH = 64;
const VOCABULARY_VALUE = /^[a-z0-9][a-z0-9.+-]*$/;

const WHITE_SPACE = /\s+/g;

/**
 * Lower-case, trimmed, inner white space as dashes. (`toLowerCase` is
 * locale-independent, and for en-US the same as Backstage's
 * `toLocaleLowerCase('en-US')`, at a fraction of the cost.)
 */
export function slug(raw: string): string {
  const lower = raw.trim().toLowerCase();
  return lower.includes(' ') || lower.includes('\t') || lower.includes('\n')
    ? lower.replace(WHITE_SPACE, '-')
    : lower;
}

const NO_HITS: readonly VocabularyHit[] = Object.freeze([]);

/** What a tag says about the profile; empty for tags outside the vocabulary. */
export function tagHits(tag: string): readonly VocabularyHit[] {
  // Most tags are already slugs: look them up before normalising.
  return TAG_VOCABULARY.get(tag) ?? TAG_VOCABULARY.get(slug(tag)) ?? NO_HITS;
}

/** The first words of the two-word product spellings (`aurora` of `aurora-mysql`). */
const TWO_WORD_PRODUCT_STARTS: ReadonlySet<string> = new Set(
  [...PRODUCT_VOCABULARY.keys()]
    .map(spelling => spelling.split('-'))
    .filter(words => words.length === 2)
    .map(([first]) => first),
);

/**
 * Whether `word-next` can be a product spelling for some next word: `word`
 * (which has no dash) is the first word of a two-word spelling.
 */
export function startsTwoWordProduct(word: string): boolean {
  return TWO_WORD_PRODUCT_STARTS.has(word);
}

/**
 * The datastore products (databases, caches, message buses) a lower-case word
 * or two-word phrase names; the same hit objects every time.
 */
export function productHits(phrase: string): readonly VocabularyHit[] {
  return PRODUCT_VOCABULARY.get(phrase) ?? NO_HITS;
}

/** The canonical value of a known spelling for one attribute, or undefined. */
export function canonicalValue(
  attribute: ProfileAttribute,
  raw: string,
): string | undefined {
  const lookup = CANONICAL.get(attribute);
  if (!lookup) return undefined;
  const known = lookup.get(raw);
  if (known !== undefined) return known;
  // Most raw values are slugs already: then a second lookup finds nothing new.
  const normalised = slug(raw);
  return normalised === raw ? undefined : lookup.get(normalised);
}

/**
 * An explicitly declared value (annotation, company profile) in canonical
 * form, or undefined when the vocabulary refuses it (see `rejectionOf`).
 * Open attributes keep unknown values as slugs; closed ones refuse them.
 */
export function normaliseValue(
  attribute: ProfileAttribute,
  raw: string,
): string | undefined {
  const known = canonicalValue(attribute, raw);
  if (known) return known;
  if (CLOSED_ATTRIBUTES.has(attribute)) return undefined;
  const value = slug(raw)
    .replace(/[^a-z0-9.+-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return value.length <= MAX_VALUE_LENGTH && VOCABULARY_VALUE.test(value)
    ? value
    : undefined;
}

/** Why `normaliseValue` refused a value. */
export function rejectionOf(attribute: ProfileAttribute, raw: string): string {
  if (CLOSED_ATTRIBUTES.has(attribute)) {
    return `not one of ${vocabularyOf(attribute).join(', ')}`;
  }
  return slug(raw).length > MAX_VALUE_LENGTH
    ? `longer than ${MAX_VALUE_LENGTH} characters`
    : 'not a vocabulary value';
}

const VOCABULARIES = new Map(
  PROFILE_ATTRIBUTES.map(attribute => [
    attribute,
    Object.freeze(Object.keys(ATTRIBUTES[attribute].synonyms)),
  ]),
);

/** The canonical values of an attribute, in declaration order. */
export function vocabularyOf(attribute: ProfileAttribute): readonly string[] {
  return VOCABULARIES.get(attribute) ?? [];
}
