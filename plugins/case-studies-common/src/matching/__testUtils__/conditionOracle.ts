/**
 * A plain interpreter of the condition language, for the tests only: it
 * walks the condition as written, with none of the engine's compilation,
 * shared reads or cached outputs, so the property tests can hold the
 * compiled evaluator and `guidance` to it. It follows the rules documented
 * on `Condition` and on the evidence types:
 *
 * - `in` holds when a value of the attribute is in the list (after the
 *   vocabulary's synonyms); its evidence names the matching values when it
 *   holds, every value read when it fails;
 * - `known` holds when the attribute has values (or, `known: false`, none);
 * - a fact comparison holds when the fact is known and every bound holds;
 * - the evidence of a holding `all` is every part's, of a failing one its
 *   first failing part's; of a holding `any` its holding parts', of a
 *   failing one every part's; of `not` its part's; each test once, in the
 *   order first read.
 */
import type { Condition } from '../../knowledge/conditions';
import type { ServiceProfile } from '../../profile/types';
import { canonicalValue } from '../../profile/vocabulary';
import type { ConditionEvidence } from '../evaluateCondition';

type Profile = Pick<ServiceProfile, 'attributes' | 'facts'>;

export interface OracleResult {
  holds: boolean;
  evidence: ConditionEvidence[];
  explanation: string;
}

const BOUNDS = [
  ['gt', '>'],
  ['gte', '>='],
  ['lt', '<'],
  ['lte', '<='],
  ['eq', '='],
] as const;

function compare(symbol: string, value: number, bound: number): boolean {
  switch (symbol) {
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    default:
      return value === bound;
  }
}

/** Whether the condition holds, ignoring evidence. */
function holds(condition: Condition, profile: Profile): boolean {
  if ('always' in condition) return true;
  if ('all' in condition) return condition.all.every(c => holds(c, profile));
  if ('any' in condition) return condition.any.some(c => holds(c, profile));
  if ('not' in condition) return !holds(condition.not, profile);
  return leaf(condition, profile).holds;
}

/** One test of an attribute or a fact, as evidence. */
function leaf(
  condition: Exclude<
    Condition,
    | { always: true }
    | { all: Condition[] }
    | { any: Condition[] }
    | { not: Condition }
  >,
  profile: Profile,
): ConditionEvidence {
  if ('fact' in condition) {
    const bounds = BOUNDS.filter(([key]) => condition[key] !== undefined).map(
      ([key, symbol]) => ({ symbol, bound: condition[key]! }),
    );
    const test = bounds.map(b => `${b.symbol} ${b.bound}`).join(', ');
    const value = profile.facts[condition.fact];
    if (value === undefined) {
      return { type: 'fact', fact: condition.fact, test, holds: false };
    }
    return {
      type: 'fact',
      fact: condition.fact,
      test,
      value,
      holds: bounds.every(b => compare(b.symbol, value.value, b.bound)),
    };
  }
  const { attribute } = condition;
  const values = profile.attributes[attribute] ?? [];
  if ('known' in condition) {
    return {
      type: 'attribute',
      attribute,
      test: condition.known ? 'known' : 'unknown',
      values,
      holds: values.length > 0 === condition.known,
    };
  }
  const wanted: string[] = [];
  for (const raw of condition.in) {
    const value = canonicalValue(attribute, raw) ?? raw;
    if (!wanted.includes(value)) wanted.push(value);
  }
  const matching = values.filter(v => wanted.includes(v.value));
  return {
    type: 'attribute',
    attribute,
    test: `in ${wanted.join(', ')}`,
    values: matching.length > 0 ? matching : values,
    holds: matching.length > 0,
  };
}

/** The tests that explain the condition's result, in the order read. */
function explaining(
  condition: Condition,
  profile: Profile,
): ConditionEvidence[] {
  if ('always' in condition) return [];
  if ('not' in condition) return explaining(condition.not, profile);
  if ('all' in condition) {
    const failing = condition.all.find(c => !holds(c, profile));
    return failing
      ? explaining(failing, profile)
      : condition.all.flatMap(c => explaining(c, profile));
  }
  if ('any' in condition) {
    const holding = condition.any.filter(c => holds(c, profile));
    return (holding.length > 0 ? holding : condition.any).flatMap(c =>
      explaining(c, profile),
    );
  }
  return [leaf(condition, profile)];
}

function identity(read: ConditionEvidence): string {
  return read.type === 'fact'
    ? `fact ${read.fact} ${read.test}`
    : `attribute ${read.attribute} ${read.test}`;
}

const MAX_VALUES_NAMED = 4;

/** `domain payments (tag billing) is in payments`, `scale unknown`, `team.members 5 (…) is < 10`. */
function sentence(read: ConditionEvidence): string {
  const outcome = (test: string) =>
    read.holds ? ` is ${test}` : ` is not ${test}`;
  if (read.type === 'fact') {
    if (!read.value) return `${read.fact} unknown`;
    return `${read.fact} ${read.value.value} (${
      read.value.source.detail
    })${outcome(read.test)}`;
  }
  if (read.values.length === 0) return `${read.attribute} unknown`;
  const named = read.values.slice(0, MAX_VALUES_NAMED);
  const more =
    read.values.length > MAX_VALUES_NAMED
      ? ` and ${read.values.length - MAX_VALUES_NAMED} more`
      : '';
  const details = new Set(read.values.map(v => v.source.detail));
  const values =
    details.size === 1
      ? `${named.map(v => v.value).join(', ')}${more} (${[...details][0]})`
      : `${named
          .map(v => `${v.value} (${v.source.detail})`)
          .join(', ')}${more}`;
  const knownTest = read.test === 'known' || read.test === 'unknown';
  return knownTest
    ? `${read.attribute} is ${values}`
    : `${read.attribute} ${values}${outcome(read.test)}`;
}

/** The result, evidence and explanation of a condition over a profile. */
export function oracle(condition: Condition, profile: Profile): OracleResult {
  const seen = new Set<string>();
  const evidence = explaining(condition, profile).filter(read => {
    const key = identity(read);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    holds: holds(condition, profile),
    evidence,
    explanation:
      evidence.length === 0
        ? 'applies to every service'
        : evidence.map(sentence).join('; '),
  };
}
