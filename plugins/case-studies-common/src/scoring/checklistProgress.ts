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

function isDone(item: ChecklistProgressInput): boolean {
  return item.status === 'done' || item.automaticallySatisfied;
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
  const applying = items.filter(item => item.applies);
  const exempted = applying.filter(
    item => item.status === 'not-applicable' && !item.automaticallySatisfied,
  );
  const counted = applying.filter(item => !exempted.includes(item));
  const done = counted.filter(isDone);

  const totalWeight = counted.reduce((sum, item) => sum + item.weight, 0);
  const doneWeight = done.reduce((sum, item) => sum + item.weight, 0);
  const ratio = (part: number, whole: number) =>
    whole === 0 ? 100 : Math.floor((part / whole) * 100);

  return {
    done: done.length,
    applicable: counted.length,
    exempted: exempted.length,
    percent: ratio(done.length, counted.length),
    weightedScore: ratio(doneWeight, totalWeight),
  };
}
