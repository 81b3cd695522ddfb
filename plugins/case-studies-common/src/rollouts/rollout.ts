import type { ChecklistStatus } from '../api';

/** The life of a rollout. @public */
export const ROLLOUT_STATES = ['draft', 'active', 'done', 'archived'] as const;

/** @public */
export type RolloutState = (typeof ROLLOUT_STATES)[number];

/**
 * The state changes a rollout allows: a draft starts or is archived, an
 * active one finishes (or goes back to draft before anyone acted on it) or is
 * archived, a done one may be reopened or archived; an archived one is final.
 *
 * @public
 */
export const ROLLOUT_TRANSITIONS: Record<
  RolloutState,
  readonly RolloutState[]
> = {
  draft: ['active', 'archived'],
  active: ['draft', 'done', 'archived'],
  done: ['active', 'archived'],
  archived: [],
};

/** Whether a rollout in state `from` may move to `to` (staying put always may). @public */
export function canTransition(from: RolloutState, to: RolloutState): boolean {
  return from === to || ROLLOUT_TRANSITIONS[from].includes(to);
}

/**
 * The entities a rollout targets: a catalog filter. Each field lists values
 * of which one must match (kinds `component` or `resource`, say); the fields
 * combine with AND. Values compare without case; refs may be short
 * (`payments-team`) or full (`group:default/payments-team`).
 *
 * @public
 */
export interface RolloutTarget {
  kinds?: string[];
  /** `spec.type` */
  types?: string[];
  /** owner refs (the entity's `ownedBy` relations) */
  owners?: string[];
  /** system refs (the entity's `partOf` system, or a System itself) */
  systems?: string[];
  /** domain refs (of the entity's system, or a System's own) */
  domains?: string[];
  /** every one of these tags */
  tags?: string[];
  /** `spec.lifecycle` */
  lifecycles?: string[];
}

/** The fields of a target, in the order a form and a summary show them. @public */
export const ROLLOUT_TARGET_FIELDS = [
  'kinds',
  'types',
  'owners',
  'systems',
  'domains',
  'tags',
  'lifecycles',
] as const;

/** Whether a target names anything at all: an empty one would target the whole catalog. @public */
export function isEmptyTarget(target: RolloutTarget): boolean {
  return ROLLOUT_TARGET_FIELDS.every(field => !target[field]?.length);
}

/** What target matching reads of an entity. @public */
export interface RolloutCandidate {
  kind: string;
  type?: string;
  lifecycle?: string;
  tags: string[];
  /** full refs */
  owners: string[];
  system?: string;
  domain?: string;
}

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/** A ref's name part for short-form comparison: `group:default/a` and `a` both give `a`. */
function sameRef(full: string, given: string): boolean {
  const f = lower(full);
  const g = lower(given);
  if (f === g) return true;
  if (g.includes(':') || g.includes('/')) {
    // `default/a` against `group:default/a`
    return f.endsWith(`:${g}`);
  }
  return f.endsWith(`/${g}`) && f.includes(':default/');
}

/**
 * Whether an entity is in a rollout's target. The one definition of the
 * filter, used by the backend to decide who joins and leaves, and by the
 * frontend to preview a target.
 *
 * @public
 */
export function matchesTarget(
  entity: RolloutCandidate,
  target: RolloutTarget,
): boolean {
  const anyOf = (values: string[] | undefined, value: string | undefined) =>
    !values?.length ||
    (value !== undefined && values.some(v => lower(v) === lower(value)));
  const anyRef = (values: string[] | undefined, refs: string[]) =>
    !values?.length || values.some(v => refs.some(ref => sameRef(ref, v)));
  const entityTags = entity.tags.map(lower);
  return (
    anyOf(target.kinds, entity.kind) &&
    anyOf(target.types, entity.type) &&
    anyOf(target.lifecycles, entity.lifecycle) &&
    anyRef(target.owners, entity.owners) &&
    anyRef(target.systems, entity.system ? [entity.system] : []) &&
    anyRef(target.domains, entity.domain ? [entity.domain] : []) &&
    (target.tags ?? []).every(tag => entityTags.includes(lower(tag)))
  );
}

/** Where one of a rollout's items stands on one entity. @public */
export type RolloutItemStatus = 'done' | 'in-progress' | 'todo' | 'exempted';

/**
 * The status of a rollout item on an entity: done by status or automatic
 * evidence; exempted only when the exemption still holds (not expired, and
 * approved where the rollout requires approval), else it counts as todo.
 *
 * @public
 */
export function rolloutItemStatus(options: {
  status: ChecklistStatus;
  automaticallySatisfied: boolean;
  /** the exemption holds (see `exemptionHolds`) */
  exemptionHolds: boolean;
}): RolloutItemStatus {
  const { status, automaticallySatisfied, exemptionHolds } = options;
  if (status === 'done' || automaticallySatisfied) return 'done';
  if (status === 'not-applicable') return exemptionHolds ? 'exempted' : 'todo';
  return status === 'in-progress' ? 'in-progress' : 'todo';
}

/** Whether an item still open counts as overdue: after the due day (UTC) has ended. @public */
export function isOverdue(
  status: RolloutItemStatus,
  dueDate: string,
  now: Date,
): boolean {
  if (status === 'done' || status === 'exempted') return false;
  return now.toISOString().slice(0, 10) > dueDate;
}
