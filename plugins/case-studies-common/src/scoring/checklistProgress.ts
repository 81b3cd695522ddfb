import { ChecklistStatus } from '../api';

/** What progress needs to know of one checklist item. @public */
export interface ChecklistProgressInput {
  applies: boolean;
  weight: number;
  status: ChecklistStatus;
  /** catalog facts (an annotation, a link, a relation) show it is satisfied */
  automaticallySatisfied: boolean;
}

/** Checklist progress of one entity. @public */
export interface ChecklistProgress {
  /** applicable items that are done, by status or by automatic evidence */
  done: number;
  /** items that apply and are not exempted */
  applicable: number;
  /** items that apply but were exempted (`not-applicable`, with a reason) */
  exempted: number;
  /** done / applicable, 0–100, rounded down; 100 when nothing is applicable */
  percent: number;
  /** the same ratio over the items' weights, 0–100, rounded down */
  weightedScore: number;
}

/**
 * What an applicable item counts as: done (by status or automatic evidence),
 * exempted (`not-applicable` without evidence: out of the denominator), or
 * open. The one rule progress, scores and roll-ups count by.
 *
 * @public
 */
export function itemOutcome(
  status: ChecklistStatus,
  automaticallySatisfied: boolean,
): 'done' | 'exempted' | 'open' {
  if (status === 'done' || automaticallySatisfied) return 'done';
  return status === 'not-applicable' ? 'exempted' : 'open';
}

/**
 * Whether an exemption has expired: it carried a last day (`until`,
 * YYYY-MM-DD, UTC) and `today` is after it. An expired exemption counts as
 * an open item again, everywhere progress and scores are counted.
 *
 * @public
 */
export function exemptionExpired(
  state: { status: ChecklistStatus; until?: string },
  today: string,
): boolean {
  return (
    state.status === 'not-applicable' &&
    state.until !== undefined &&
    today > state.until
  );
}

/** part / whole as 0–100, rounded down; 100 when there is nothing to count. @public */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part / whole) * 100);
}

/**
 * Progress over the items that apply to an entity. An exemption takes an item
 * out of the denominator rather than counting it as done, so exemptions never
 * inflate the done count; they are reported separately.
 *
 * @public
 */
export function checklistProgress(
  items: ChecklistProgressInput[],
): ChecklistProgress {
  let done = 0;
  let applicable = 0;
  let exempted = 0;
  let totalWeight = 0;
  let doneWeight = 0;
  for (const item of items) {
    if (!item.applies) continue;
    const outcome = itemOutcome(item.status, item.automaticallySatisfied);
    if (outcome === 'exempted') {
      exempted += 1;
      continue;
    }
    applicable += 1;
    totalWeight += item.weight;
    if (outcome === 'done') {
      done += 1;
      doneWeight += item.weight;
    }
  }
  return {
    done,
    applicable,
    exempted,
    percent: percentOf(done, applicable),
    weightedScore: percentOf(doneWeight, totalWeight),
  };
}
