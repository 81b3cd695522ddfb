import {
  ProfileAttribute,
  SCALE_LEVELS,
  ScaleLevel,
} from '../knowledge/conditions';
import { byId } from '../knowledge/byId';
import type { Company } from '../knowledge/schema';
import type { Confidence, ProfileValue } from '../profile/types';
import { canonicalValue } from '../profile/vocabulary';

/**
 * How much each attribute counts when comparing a service with a company.
 * What the service is built from and for (language, databases, domain) says
 * most; how it is shaped (architecture, scale) next; consistency and the
 * message bus refine; cache and deployment are common to nearly everyone.
 * Lifecycle says nothing about resemblance.
 */
const WEIGHTS: Partial<Record<ProfileAttribute, number>> = {
  language: 3,
  databases: 3,
  domain: 3,
  architecture: 2,
  scale: 2,
  consistency: 1.5,
  messaging: 1.5,
  caches: 1,
  deployment: 1,
};
const WEIGHTED_ATTRIBUTES = Object.keys(WEIGHTS) as ProfileAttribute[];

/**
 * A company profile that is silent on an attribute neither matches nor
 * contradicts the service: it earns this share, less than any real overlap,
 * so that sparse profiles (Slack names no language) are not ranked below
 * companies that contradict the service.
 */
const UNDECLARED_SIMILARITY = 0.3;

/**
 * Practices are a bonus: a shared distinctive practice (CRDTs, cell
 * architecture, idempotency keys) is as telling as a shared language, but a
 * practice the company does not list costs nothing, since company profiles
 * name only their characteristic ones.
 */
const PRACTICES_BONUS_WEIGHT = 3;

/** Practices every team should have: sharing them says nothing about resemblance. */
const UBIQUITOUS_PRACTICES: ReadonlySet<string> = new Set([
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
]);

/** An inferred value counts for less than a declared one, on both sides of the ratio. */
const CONFIDENCE_WEIGHT: Record<Confidence, number> = {
  high: 1,
  medium: 0.8,
  low: 0.5,
};

/**
 * With little known about the service a perfect overlap is weak evidence, so
 * the score is capped: 40 when almost nothing is known, rising linearly to no
 * cap once attributes worth this weight are known (e.g. language, databases
 * and domain, or language, databases, architecture and scale).
 */
const FULL_EVIDENCE_WEIGHT = 8;
const MINIMUM_CAP = 0.4;

/** Coverage of the service's values counts most; the share of the company's values rewards the focused match. */
const SERVICE_COVERAGE_SHARE = 0.75;

/**
 * Comparisons of one attribute's values with every company depend on the
 * set of values alone, so they are kept per attribute for the next service
 * with the same values; this many sets per attribute at most (about 1.5 kB
 * each), so an open vocabulary cannot grow the cache without bound. The
 * values are compared in sorted order, so a cached comparison is the same
 * whichever service asked first.
 */
const MAX_CACHED_VALUE_SETS = 2048;

function sortedValues(values: ProfileValue[]): string[] {
  return values.map(v => v.value).sort();
}

/**
 * The cache key of a set of values: the values joined by newlines, in
 * profile order. The same set in another order is another key for equal
 * comparisons (they compare the values sorted), which is rarer than the
 * sort every lookup would otherwise need.
 */
function valuesKey(values: ProfileValue[]): string {
  let key = values[0].value;
  for (let i = 1; i < values.length; i++) key += `\n${values[i].value}`;
  return key;
}

/** @public */
export interface AttributeComparison {
  attribute: ProfileAttribute;
  service: readonly string[];
  company: readonly string[];
  /** values both have (for scale, the equal level) */
  shared: readonly string[];
  /** 0..1: how well this attribute matched */
  similarity: number;
}

/**
 * Builds one ranked company's result from its score (0..100) and the
 * attributes it shares and does not share with the service; `position` is
 * the company's index in `CompanyMatcher.companies`.
 */
export type RankedCompanyBuilder<T> = (
  company: Company,
  position: number,
  score: number,
  matched: AttributeComparison[],
  unmatched: AttributeComparison[],
) => T;

/** A company's profile, normalised once per knowledge base. */
interface IndexedCompany {
  company: Company;
  /** per weighted attribute (by position in `WEIGHTED_ATTRIBUTES`), the company's values */
  lists: readonly string[][];
  sets: ReadonlySet<string>[];
  practices: ReadonlySet<string>;
  practiceList: readonly string[];
  scaleLevels: number[];
}

function indexCompany(company: Company): IndexedCompany {
  const normalised = (attribute: ProfileAttribute) =>
    Object.freeze([
      ...new Set(
        (company.profile[attribute] ?? []).map(
          v => canonicalValue(attribute, v) ?? v,
        ),
      ),
    ]) as string[];
  const lists = WEIGHTED_ATTRIBUTES.map(normalised);
  const scalePosition = WEIGHTED_ATTRIBUTES.indexOf('scale');
  // A small-company case without a declared scale is small.
  if (lists[scalePosition].length === 0 && company.small) {
    lists[scalePosition] = Object.freeze(['small']) as string[];
  }
  const scaleLevels = lists[scalePosition]
    .map(level => SCALE_LEVELS.indexOf(level as ScaleLevel))
    .filter(index => index >= 0);
  const practiceList = normalised('practices');
  return {
    company,
    lists,
    sets: lists.map(list => new Set(list)),
    practices: new Set(practiceList),
    practiceList,
    scaleLevels,
  };
}

function strongestConfidence(values: ProfileValue[]): number {
  let best = 0;
  for (const v of values) {
    best = Math.max(best, CONFIDENCE_WEIGHT[v.source.confidence]);
  }
  return best;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function scaleSimilarity(
  serviceLevels: number[],
  companyLevels: number[],
): number {
  let distance = Infinity;
  for (const s of serviceLevels) {
    for (const c of companyLevels)
      distance = Math.min(distance, Math.abs(s - c));
  }
  if (distance === 0) return 1;
  return distance === 1 ? 0.5 : 0;
}

const NOTHING: readonly string[] = Object.freeze([]);

/**
 * One attribute's values compared with every company (by company position):
 * the comparisons shown (frozen, shared between results) and the unrounded
 * similarities that score them.
 */
interface Comparisons {
  shown: readonly AttributeComparison[];
  similarities: readonly number[];
  /** per company, whether its comparison shares a value (`shown[i].shared.length > 0`) */
  matches: readonly boolean[];
}

/**
 * Ranks companies by similarity to a service: a weighted overlap of the
 * attributes known for the service, normalised over those attributes and
 * capped when little is known. Built once per knowledge base.
 */
export class CompanyMatcher {
  /** the companies in id order, so a stable sort by score leaves ties by id */
  readonly companies: readonly Company[];
  private readonly indexed: IndexedCompany[];
  /** per weighted attribute position: values key → comparisons with every company */
  private readonly cache: Map<string, Comparisons>[];
  private readonly practicesCache = new Map<
    string,
    (AttributeComparison | undefined)[]
  >();
  /**
   * Scratch space for one ranking: unrounded scores by company position, and
   * positions in ranked order. Ranking is synchronous and `build` does not
   * rank again, so one set is reused rather than allocated per service.
   */
  private readonly exact: Float64Array;
  private readonly order: Int32Array;
  /** per company position, bit `k` set when the `k`th known attribute shares a value */
  private readonly matchedBits: Int32Array;

  constructor(companies: Company[]) {
    this.companies = [...companies].sort(byId);
    this.indexed = this.companies.map(indexCompany);
    this.cache = WEIGHTED_ATTRIBUTES.map(() => new Map());
    this.exact = new Float64Array(companies.length);
    this.order = new Int32Array(companies.length);
    this.matchedBits = new Int32Array(companies.length);
  }

  /**
   * Every company, most similar first (ties by id), each built by `build`:
   * the caller decides what a ranked company is without an intermediate
   * object per company.
   */
  rank<T>(
    attributes: Record<ProfileAttribute, ProfileValue[]>,
    build: RankedCompanyBuilder<T>,
  ): T[] {
    // The known attributes' comparisons and weights, as parallel arrays.
    const known: Comparisons[] = [];
    const weights: number[] = [];
    let knownWeight = 0;
    for (let position = 0; position < WEIGHTED_ATTRIBUTES.length; position++) {
      const attribute = WEIGHTED_ATTRIBUTES[position];
      const values = attributes[attribute];
      if (values.length === 0) continue;
      const weight = WEIGHTS[attribute]! * strongestConfidence(values);
      known.push(this.comparisons(position, values));
      weights.push(weight);
      knownWeight += weight;
    }
    const practices =
      attributes.practices.length > 0
        ? this.practiceComparisons(attributes.practices)
        : undefined;
    const practicesWeight =
      PRACTICES_BONUS_WEIGHT * strongestConfidence(attributes.practices);
    const cap = Math.min(
      1,
      MINIMUM_CAP + ((1 - MINIMUM_CAP) * knownWeight) / FULL_EVIDENCE_WEIGHT,
    );

    const { exact, order, matchedBits } = this;
    const count = this.indexed.length;
    for (let index = 0; index < count; index++) {
      let earned = 0;
      let possible = 0;
      let bits = 0;
      for (let k = 0; k < known.length; k++) {
        const comparisons = known[k];
        earned += weights[k] * comparisons.similarities[index];
        possible += weights[k];
        if (comparisons.matches[index]) bits |= 1 << k;
      }
      matchedBits[index] = bits;
      if (practices?.[index]) {
        earned += practicesWeight;
        possible += practicesWeight;
      }
      exact[index] = possible === 0 ? 0 : (100 * cap * earned) / possible;
      // Insertion sort as the scores arrive: stable, so ties keep id order.
      let slot = index;
      while (slot > 0 && exact[order[slot - 1]] < exact[index]) {
        order[slot] = order[slot - 1];
        slot--;
      }
      order[slot] = index;
    }

    const ranked: T[] = new Array(count);
    for (let rank = 0; rank < count; rank++) {
      const index = order[rank];
      const bits = matchedBits[index];
      let matchedCount = 0;
      for (let rest = bits; rest !== 0; rest &= rest - 1) matchedCount++;
      const practicesMatch = practices?.[index];
      // Exactly sized arrays: most services know a handful of attributes.
      const matched: AttributeComparison[] = new Array(
        matchedCount + (practicesMatch ? 1 : 0),
      );
      const unmatched: AttributeComparison[] = new Array(
        known.length - matchedCount,
      );
      let m = 0;
      let u = 0;
      for (let k = 0; k < known.length; k++) {
        const comparison = known[k].shown[index];
        if (bits & (1 << k)) matched[m++] = comparison;
        else unmatched[u++] = comparison;
      }
      if (practicesMatch) matched[m] = practicesMatch;
      ranked[rank] = build(
        this.companies[index],
        index,
        Math.round(exact[index]),
        matched,
        unmatched,
      );
    }
    return ranked;
  }

  private comparisons(position: number, values: ProfileValue[]): Comparisons {
    const key = valuesKey(values);
    const cache = this.cache[position];
    let comparisons = cache.get(key);
    if (!comparisons) {
      comparisons = this.compareValues(
        position,
        Object.freeze(sortedValues(values)),
      );
      if (cache.size < MAX_CACHED_VALUE_SETS) cache.set(key, comparisons);
    }
    return comparisons;
  }

  private compareValues(
    position: number,
    service: readonly string[],
  ): Comparisons {
    const attribute = WEIGHTED_ATTRIBUTES[position];
    const serviceLevels = service
      .map(level => SCALE_LEVELS.indexOf(level as ScaleLevel))
      .filter(index => index >= 0);
    const similarities: number[] = [];
    const shown = this.indexed.map(indexed => {
      const company = indexed.lists[position];
      let shared = NOTHING;
      let similarity = UNDECLARED_SIMILARITY;
      if (company.length > 0) {
        const found = service.filter(value =>
          indexed.sets[position].has(value),
        );
        if (found.length > 0) shared = Object.freeze(found);
        similarity =
          attribute === 'scale'
            ? scaleSimilarity(serviceLevels, indexed.scaleLevels)
            : SERVICE_COVERAGE_SHARE * (found.length / service.length) +
              (1 - SERVICE_COVERAGE_SHARE) * (found.length / company.length);
      }
      similarities.push(similarity);
      return Object.freeze({
        attribute,
        service,
        company,
        shared,
        similarity: round2(similarity),
      });
    });
    return {
      shown: Object.freeze(shown),
      similarities,
      matches: shown.map(comparison => comparison.shared.length > 0),
    };
  }

  /** Per company, the comparison of shared distinctive practices, if any. */
  private practiceComparisons(
    values: ProfileValue[],
  ): (AttributeComparison | undefined)[] {
    const key = valuesKey(values);
    let comparisons = this.practicesCache.get(key);
    if (!comparisons) {
      const service = Object.freeze(sortedValues(values));
      comparisons = this.indexed.map(indexed => {
        const distinctive = service.filter(
          p => indexed.practices.has(p) && !UBIQUITOUS_PRACTICES.has(p),
        );
        return distinctive.length === 0
          ? undefined
          : Object.freeze({
              attribute: 'practices' as const,
              service,
              company: indexed.practiceList,
              shared: Object.freeze(distinctive),
              similarity: 1,
            });
      });
      if (this.practicesCache.size < MAX_CACHED_VALUE_SETS) {
        this.practicesCache.set(key, comparisons);
      }
    }
    return comparisons;
  }
}
