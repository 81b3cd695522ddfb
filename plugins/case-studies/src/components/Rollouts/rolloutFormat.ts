import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  Rollout,
  RolloutEntityProgress,
  RolloutState,
  RolloutTarget,
  ROLLOUT_TARGET_FIELDS,
} from '@case-studies/plugin-case-studies-common';
import { displayName, formatDay } from '../shared/format';

export {
  EXEMPTION_PROBLEM_LABELS,
  ITEM_STATUS_LABELS,
} from '../shared/rolloutLabels';

export const ROLLOUT_STATE_LABELS: Record<RolloutState, string> = {
  draft: 'Draft',
  active: 'Active',
  done: 'Done',
  archived: 'Archived',
};

/** The day (YYYY-MM-DD, UTC) of an instant, as due dates are compared. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Whether a rollout is past its due day with work left: not finished or
 * archived, and not at 100% where its progress is known.
 */
export function isRolloutOverdue(
  rollout: Pick<Rollout, 'state' | 'dueDate'>,
  percent: number | undefined,
  now: Date,
): boolean {
  if (rollout.state === 'done' || rollout.state === 'archived') return false;
  if (percent === 100) return false;
  return utcDay(now) > rollout.dueDate;
}

/** `payments-team` of `group:default/payments-team`; `No owner` for none. */
export function teamLabel(team: string | null | undefined): string {
  if (!team) return 'No owner';
  try {
    return humanizeEntityRef(parseEntityRef(team), { defaultKind: 'group' });
  } catch {
    return team;
  }
}

/** An entity's title, else its ref as the catalog shows it (`ledger-service`). */
export function entityLabel(
  entity: Pick<RolloutEntityProgress, 'entityRef' | 'title'>,
): string {
  if (entity.title) return entity.title;
  try {
    return humanizeEntityRef(parseEntityRef(entity.entityRef), {
      defaultKind: 'component',
    });
  } catch {
    return entity.entityRef;
  }
}

/** `a`, `a or b`, `a, b or c`. */
function listOf(values: string[], conjunction: 'or' | 'and'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conjunction} ${
    values[values.length - 1]
  }`;
}

/** How each target field reads in a sentence, given its values. */
const TARGET_PHRASES: Record<
  (typeof ROLLOUT_TARGET_FIELDS)[number],
  (values: string[]) => string
> = {
  kinds: v => `of kind ${listOf(v, 'or')}`,
  types: v => `of type ${listOf(v, 'or')}`,
  owners: v => `owned by ${listOf(v, 'or')}`,
  systems: v => `in system ${listOf(v, 'or')}`,
  domains: v => `in domain ${listOf(v, 'or')}`,
  tags: v => `tagged ${listOf(v, 'and')}`,
  lifecycles: v => `in lifecycle ${listOf(v, 'or')}`,
};

/** `Entities of kind component, in system payments`: a target in words. */
export function targetSummary(target: RolloutTarget): string {
  const parts = ROLLOUT_TARGET_FIELDS.filter(
    field => target[field]?.length,
  ).map(field => TARGET_PHRASES[field](target[field]!));
  return parts.length === 0
    ? 'Every entity in the catalog'
    : `Entities ${parts.join(', ')}`;
}

/** Names of a rollout's fields as its history shows them. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  itemIds: 'Items',
  target: 'Target',
  startDate: 'Start date',
  dueDate: 'Due date',
  state: 'State',
  requireExemptionApproval: 'Exemptions need approval',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** A field's value in a history entry, in words; item ids by their titles. */
export function changeValue(
  field: string,
  value: unknown,
  itemTitles: Record<string, string>,
): string {
  if (value === undefined || value === null || value === '') return '(none)';
  switch (field) {
    case 'itemIds':
      return Array.isArray(value)
        ? value.map(id => itemTitles[String(id)] ?? String(id)).join(', ')
        : String(value);
    case 'target':
      return typeof value === 'object'
        ? targetSummary(value as RolloutTarget)
        : String(value);
    case 'startDate':
    case 'dueDate':
      return formatDay(String(value));
    case 'state':
      return ROLLOUT_STATE_LABELS[value as RolloutState] ?? String(value);
    case 'createdBy':
    case 'updatedBy':
      return displayName(String(value));
    default:
      if (typeof value === 'boolean') return value ? 'yes' : 'no';
      if (Array.isArray(value)) return value.join(', ');
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

/**
 * The entities still targeted with items open, those with overdue items
 * first, then those with the fewest done: where to chase first.
 */
export function openEntities(
  entities: RolloutEntityProgress[],
): RolloutEntityProgress[] {
  return entities
    .filter(
      e =>
        !e.leftAt &&
        e.items.some(i => i.status === 'todo' || i.status === 'in-progress'),
    )
    .sort(
      (a, b) =>
        Number(b.overdue > 0) - Number(a.overdue > 0) ||
        a.done - b.done ||
        entityLabel(a).localeCompare(entityLabel(b)),
    );
}
