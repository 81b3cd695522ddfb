import type { Entity } from '@backstage/catalog-model';
import { ChecklistItemState } from '../api';
import { ChecklistCategory, ChecklistItem, KnowledgeBase } from '../knowledge';
import {
  automaticEvidence,
  AutomaticEvidenceResult,
  ChecklistApplicability,
  Guidance,
} from '../matching';
import {
  checklistProgress,
  ChecklistProgress,
  ChecklistProgressInput,
  exemptionExpired,
} from './checklistProgress';

/** A checklist item of one entity: why it applies, its stored state and automatic evidence. @public */
export interface EntityChecklistEntry extends ChecklistApplicability {
  /**
   * the stored state; `todo` at version 0 when nobody has changed it, and
   * `todo` with `exemptionExpired` when an exemption's last day has passed
   */
  state: ChecklistItemState & { exemptionExpired?: boolean };
  automatic: AutomaticEvidenceResult;
}

/** @public */
export interface EntityChecklist {
  items: EntityChecklistEntry[];
  progress: ChecklistProgress;
}

/** What an entity's checklist is joined from. @public */
export interface ChecklistJoinInput {
  entity: Entity;
  guidance: Pick<Guidance, 'checklist'>;
  knowledge: Pick<KnowledgeBase, 'checklist'>;
  states: ChecklistItemState[];
  /** YYYY-MM-DD (UTC), for exemptions that expire; defaults to today */
  today?: string;
}

/** Checklist items by id, made once per knowledge base (roll-ups join thousands of entities). */
const itemsByIdOf = new WeakMap<
  readonly ChecklistItem[],
  Map<string, ChecklistItem>
>();
function checklistById(
  items: readonly ChecklistItem[],
): Map<string, ChecklistItem> {
  let byId = itemsByIdOf.get(items);
  if (!byId) {
    byId = new Map(items.map(item => [item.id, item]));
    itemsByIdOf.set(items, byId);
  }
  return byId;
}

/**
 * Joins the checklist applicability of a guidance with the stored states and
 * the automatic evidence found on the entity, and computes progress. Used by
 * the backend for responses and by the frontend to recompute progress after
 * an optimistic update.
 *
 * @public
 */
export function entityChecklist(options: ChecklistJoinInput): EntityChecklist {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const statesById = new Map(
    options.states.map(s => [s.itemId, effectiveState(s, today)]),
  );
  const itemsById = checklistById(options.knowledge.checklist);

  const items = options.guidance.checklist.map(applicability => {
    const item = itemsById.get(applicability.id);
    // Object.assign rather than a spread followed by fields, which V8
    // (Node 20) builds slowly (see scoreEntity).
    return Object.assign({}, applicability, {
      state: statesById.get(applicability.id) ?? {
        itemId: applicability.id,
        status: 'todo' as const,
        version: 0,
      },
      automatic: item
        ? automaticEvidence(options.entity, item)
        : { satisfied: false, matches: [] },
    });
  });

  return { items, progress: progressOf(items) };
}

/** An applicable checklist item as a score counts it. @public */
export interface CountedChecklistItem extends ChecklistProgressInput {
  id: string;
  category: ChecklistCategory;
}

/**
 * The items of an entity's checklist that apply, as its score counts them:
 * the same states and evidence as {@link entityChecklist}, without the
 * explanations, and with evidence looked for only where an item applies.
 * Roll-ups and snapshots score thousands of entities from this.
 *
 * @public
 */
export function countedChecklist(
  options: ChecklistJoinInput,
): CountedChecklistItem[] {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const statusById = new Map(
    options.states.map(s => [s.itemId, effectiveState(s, today).status]),
  );
  const itemsById = checklistById(options.knowledge.checklist);
  const counted: CountedChecklistItem[] = [];
  for (const applicability of options.guidance.checklist) {
    if (!applicability.applies) continue;
    const item = itemsById.get(applicability.id);
    counted.push({
      id: applicability.id,
      category: applicability.category,
      weight: applicability.weight,
      applies: true,
      status: statusById.get(applicability.id) ?? 'todo',
      automaticallySatisfied: item
        ? automaticEvidence(options.entity, item).satisfied
        : false,
    });
  }
  return counted;
}

/**
 * A stored state as it counts today: an expired exemption is open again
 * (`todo`), flagged so the tab can say why; the stored note and `until` stay.
 *
 * @public
 */
export function effectiveState(
  state: ChecklistItemState,
  today: string,
): ChecklistItemState & { exemptionExpired?: boolean } {
  return exemptionExpired(state, today)
    ? { ...state, status: 'todo', exemptionExpired: true }
    : state;
}

/** Progress of entries already joined, e.g. after an optimistic change of one state. @public */
export function progressOf(items: EntityChecklistEntry[]): ChecklistProgress {
  return checklistProgress(
    items.map(entry => ({
      applies: entry.applies,
      weight: entry.weight,
      status: entry.state.status,
      automaticallySatisfied: entry.automatic.satisfied,
    })),
  );
}
