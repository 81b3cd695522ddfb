import type { ProfileValue } from '../profile/types';
import type { ConditionEvidence } from './evaluateCondition';

/** Beyond this many values a phrase names the first ones and counts the rest. */
const MAX_VALUES_NAMED = 4;

/** `postgres (tag pg)`, or `a, b (annotation x)` when one source gave them all. */
function describeValues(values: ProfileValue[]): string {
  const count = Math.min(values.length, MAX_VALUES_NAMED);
  const more =
    values.length > MAX_VALUES_NAMED
      ? ` and ${values.length - MAX_VALUES_NAMED} more`
      : '';
  const detail = values[0].source.detail;
  if (values.every(v => v.source.detail === detail)) {
    let names = values[0].value;
    for (let i = 1; i < count; i++) names += `, ${values[i].value}`;
    return `${names}${more} (${detail})`;
  }
  let described = `${values[0].value} (${detail})`;
  for (let i = 1; i < count; i++) {
    described += `, ${values[i].value} (${values[i].source.detail})`;
  }
  return `${described}${more}`;
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
    const verdict = read.holds ? 'is' : 'is not';
    return `${read.fact} ${read.value.value} (${read.value.source.detail}) ${verdict} ${read.test}`;
  }
  if (read.values.length === 0) return `${read.attribute} unknown`;
  const values = describeValues(read.values);
  if (read.test === 'known' || read.test === 'unknown') {
    return `${read.attribute} is ${values}`;
  }
  return `${read.attribute} ${values} ${read.holds ? 'is' : 'is not'} ${
    read.test
  }`;
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
