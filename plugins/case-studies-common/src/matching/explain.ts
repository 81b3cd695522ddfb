import type { ProfileFactValue, ProfileValue } from '../profile/types';
import type { ConditionEvidence } from './evaluateCondition';

/** Beyond this many values a phrase names the first ones and counts the rest. */
const MAX_VALUES_NAMED = 4;

/**
 * The fixed words of a read's phrase around the values it found: built once
 * per read rather than per phrase, so a phrase joins fewer strings (phrases
 * are a seventh of the time `guidance` takes).
 */
export interface PhraseParts {
  /** `language `, or `language is ` for a `known` / `unknown` test */
  prefix: string;
  /** after the values when the test holds: ` is in java, kotlin` (empty for `known` / `unknown`) */
  holds: string;
  /** after the values when it fails: ` is not in java, kotlin` */
  fails: string;
}

/** The phrase parts of a test of an attribute or a fact (`subject`). */
export function phraseParts(subject: string, test: string): PhraseParts {
  if (test === 'known' || test === 'unknown') {
    return { prefix: `${subject} is `, holds: '', fails: '' };
  }
  return {
    prefix: `${subject} `,
    holds: ` is ${test}`,
    fails: ` is not ${test}`,
  };
}

/**
 * The phrase of a read of an attribute that found values: `postgres (tag pg)`,
 * or `a, b (annotation x)` when one source gave them all, between the read's
 * fixed parts.
 */
export function phraseOfValues(
  parts: PhraseParts,
  values: readonly ProfileValue[],
  holds: boolean,
): string {
  const count = Math.min(values.length, MAX_VALUES_NAMED);
  const detail = values[0].source.detail;
  let sameSource = true;
  for (let i = 1; i < values.length && sameSource; i++) {
    sameSource = values[i].source.detail === detail;
  }
  let phrase = parts.prefix + values[0].value;
  if (sameSource) {
    for (let i = 1; i < count; i++) phrase += `, ${values[i].value}`;
    if (values.length > MAX_VALUES_NAMED) {
      phrase += ` and ${values.length - MAX_VALUES_NAMED} more`;
    }
    phrase += ` (${detail})`;
  } else {
    phrase += ` (${detail})`;
    for (let i = 1; i < count; i++) {
      phrase += `, ${values[i].value} (${values[i].source.detail})`;
    }
    if (values.length > MAX_VALUES_NAMED) {
      phrase += ` and ${values.length - MAX_VALUES_NAMED} more`;
    }
  }
  return phrase + (holds ? parts.holds : parts.fails);
}

/** The phrase of a read of a known fact: `team.members 5 (group:default/a has 5 members) is < 10`. */
export function phraseOfFact(
  parts: PhraseParts,
  value: ProfileFactValue,
  holds: boolean,
): string {
  return `${parts.prefix}${value.value} (${value.source.detail})${
    holds ? parts.holds : parts.fails
  }`;
}

/**
 * One read of a condition as a phrase, with provenance:
 * `domain payments (tag billing) is in payments`, `scale unknown`,
 * `team.members 5 (group:default/a has 5 members) is < 10`.
 *
 * @public
 */
export function describeEvidence(read: ConditionEvidence): string {
  if (read.type === 'fact') {
    if (!read.value) return `${read.fact} unknown`;
    return phraseOfFact(
      phraseParts(read.fact, read.test),
      read.value,
      read.holds,
    );
  }
  if (read.values.length === 0) return `${read.attribute} unknown`;
  return phraseOfValues(
    phraseParts(read.attribute, read.test),
    read.values,
    read.holds,
  );
}

/** The explanation of a condition that reads nothing. */
export const EVERY_SERVICE = 'applies to every service';

/**
 * Every read of a condition in one sentence; a condition that read nothing
 * holds for every entity.
 *
 * @public
 */
export function explainEvidence(evidence: ConditionEvidence[]): string {
  if (evidence.length === 0) return EVERY_SERVICE;
  return evidence.map(describeEvidence).join('; ');
}
