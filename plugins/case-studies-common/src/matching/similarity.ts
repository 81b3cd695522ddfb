import { byId } from '../knowledge/byId';
import type { Company } from '../knowledge/schema';
import {
  attributeDefinition,
  PROFILE_ATTRIBUTES,
  ProfileAttribute,
} from '../profile/attributes';
import type { Confidence, ProfileValue } from '../profile/types';
import { canonicalValue, vocabularyOf } from '../profile/vocabulary';

/** An attribute that counts in the similarity (see `AttributeDefinition.similarity`). */
interface Compared {
  attribute: ProfileAttribute;
  weight: number;
  /** for `levels`: the ordered vocabulary */
  levels?: readonly string[];
}

/** An attribute whose shared values add a bonus. */
interface Bonus {
  attribute: ProfileAttribute;
  weight: number;
  ignored: ReadonlySet<string>;
}

/** The attributes in the order a company match lists them: the "tell us more" order. */
const BY_ASK_ORDER = [...PROFILE_ATTRIBUTES].sort(
  (a, b) =>
    (attributeDefinition(a).ask?.order ?? Infinity) -
    (attributeDefinition(b).ask?.order ?? Infinity),
);

const COMPARED: readonly Compared[] = BY_ASK_ORDER.flatMap(attribute => {
  const { similarity } = attributeDefinition(attribute);
  if (!similarity || similarity.compare === 'bonus') return [];
  return [
    {
      attribute,
      weight: similarity.weight,
      levels:
        similarity.compare === 'levels' ? vocabularyOf(attribute) : undefined,
    },
  ];
});

const BONUSES: readonly Bonus[] = BY_ASK_ORDER.flatMap(attribute => {
  const { similarity } = attributeDefinition(attribute);
  if (similarity?.compare !== 'bonus') return [];
  return [
    {
      attribute,
      weight: similarity.weight,
      ignored: new Set(similarity.ignored),
    },
  ];
});

/**
 * A company profile that is silent on an attribute neither matches nor
 * contradicts the service: it earns this share, less than any real overlap,
 * so that sparse profiles (Slack names no language) are not ranked below
 * companies that contradict the service.
 */
const UNDECLARED_SIMILARITY = 0.3;

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
  /** per compared attribute (by position in `COMPARED`), the company's values */
  lists: readonly string[][];
  sets: ReadonlySet<string>[];
  /** per compared attribute of `levels`, the positions of the company's values in the vocabulary */
  levels: (number[] | undefined)[];
  /** per bonus attribute (by position in `BONUSES`), the company's values */
  bonusLists: readonly string[][];
  bonusSets: ReadonlySet<string>[];
}

function levelsOf(
  values: readonly string[],
  vocabulary: readonly string[],
): number[] {
  return values
    .map(level => vocabulary.indexOf(level))
    .filter(index => index >= 0);
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
  const lists = COMPARED.map(c => normalised(c.attribute));
  const scalePosition = COMPARED.findIndex(c => c.attribute === 'scale');
  // A small-company case without a declared scale is small.
  if (
    scalePosition >= 0 &&
    lists[scalePosition].length === 0 &&
    company.small
  ) {
    lists[scalePosition] = Object.freeze(['small']) as string[];
  }
  const bonusLists = BONUSES.map(b => normalised(b.attribute));
  return {
    company,
    lists,
    sets: lists.map(list => new Set(list)),
    levels: COMPARED.map((c, position) =>
      c.levels ? levelsOf(lists[position], c.levels) : undefined,
    ),
    bonusLists,
    bonusSets: bonusLists.map(list => new Set(list)),
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

function levelSimilarity(
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

/** Per company, the comparison of one bonus attribute's shared values, if any. */
type BonusComparisons = readonly (AttributeComparison | undefined)[];

/**
 * Ranks companies by similarity to a service: a weighted overlap of the
 * attributes known for the service, normalised over those attributes and
 * capped when little is known. Built once per knowledge base.
 */
export class CompanyMatcher {
  /** the companies in id order, so a stable sort by score leaves ties by id */
  readonly companies: readonly Company[];
  private readonly indexed: IndexedCompany[];
  /** per compared attribute position: values key → comparisons with every company */
  private readonly cache: Map<string, Comparisons>[];
  /** per bonus attribute position: values key → comparisons with every company */
  private readonly bonusCache: Map<string, BonusComparisons>[];
  constructor(companies: Company[]) {
    this.companies = [...companies].sort(byId);
    this.indexed = this.companies.map(indexCompany);
    this.cache = COMPARED.map(() => new Map());
    this.bonusCache = BONUSES.map(() => new Map());
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
    for (let position = 0; position < COMPARED.length; position++) {
      const { attribute, weight } = COMPARED[position];
      const values = attributes[attribute];
      if (values.length === 0) continue;
      const confidentWeight = weight * strongestConfidence(values);
      known.push(this.comparisons(position, values));
      weights.push(confidentWeight);
      knownWeight += confidentWeight;
    }
    const bonuses: BonusComparisons[] = [];
    const bonusWeights: number[] = [];
    for (let position = 0; position < BONUSES.length; position++) {
      const values = attributes[BONUSES[position].attribute];
      if (values.length === 0) continue;
      bonuses.push(this.bonusComparisons(position, values));
      bonusWeights.push(BONUSES[position].weight * strongestConfidence(values));
    }
    const cap = Math.min(
      1,
      MINIMUM_CAP + ((1 - MINIMUM_CAP) * knownWeight) / FULL_EVIDENCE_WEIGHT,
    );

    const count = this.indexed.length;
    /** unrounded scores by company position */
    const exact = new Float64Array(count);
    /** company positions in ranked order */
    const order = new Int32Array(count);
    for (let index = 0; index < count; index++) {
      let earned = 0;
      let possible = 0;
      for (let k = 0; k < known.length; k++) {
        earned += weights[k] * known[k].similarities[index];
        possible += weights[k];
      }
      for (let b = 0; b < bonuses.length; b++) {
        if (bonuses[b][index]) {
          earned += bonusWeights[b];
          possible += bonusWeights[b];
        }
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
      const matched: AttributeComparison[] = [];
      const unmatched: AttributeComparison[] = [];
      for (const comparisons of known) {
        const comparison = comparisons.shown[index];
        if (comparisons.matches[index]) matched.push(comparison);
        else unmatched.push(comparison);
      }
      for (const bonus of bonuses) {
        const comparison = bonus[index];
        if (comparison) matched.push(comparison);
      }
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
    const { attribute, levels } = COMPARED[position];
    const serviceLevels = levels ? levelsOf(service, levels) : [];
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
        similarity = levels
          ? levelSimilarity(serviceLevels, indexed.levels[position]!)
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

  /** Per company, the comparison of the shared values of a bonus attribute outside its ignored ones, if any. */
  private bonusComparisons(
    position: number,
    values: ProfileValue[],
  ): BonusComparisons {
    const key = valuesKey(values);
    const cache = this.bonusCache[position];
    let comparisons = cache.get(key);
    if (!comparisons) {
      const { attribute, ignored } = BONUSES[position];
      const service = Object.freeze(sortedValues(values));
      comparisons = this.indexed.map(indexed => {
        const distinctive = service.filter(
          p => indexed.bonusSets[position].has(p) && !ignored.has(p),
        );
        return distinctive.length === 0
          ? undefined
          : Object.freeze({
              attribute,
              service,
              company: indexed.bonusLists[position],
              shared: Object.freeze(distinctive),
              similarity: 1,
            });
      });
      if (cache.size < MAX_CACHED_VALUE_SETS) cache.set(key, comparisons);
    }
    return comparisons;
  }
}
