import {
  canTransition,
  isEmptyTarget,
  ROLLOUT_LIMITS,
  ROLLOUT_TARGET_FIELDS,
  type Rollout,
  type RolloutInput,
  type RolloutPatch,
  type RolloutState,
  type RolloutTarget,
} from '@case-studies/plugin-case-studies-common';

/*
 * The rollout form's values, their validation, and the conversions to and
 * from what the client sends: pure, so the rules can be tested without the
 * dialog. Messages are the ones the form shows next to each field.
 */

/** @public */
export type RolloutTargetField = (typeof ROLLOUT_TARGET_FIELDS)[number];

/** What the form holds: every target field as a (possibly empty) list. */
export interface RolloutFormValues {
  title: string;
  description: string;
  itemIds: string[];
  target: Record<RolloutTargetField, string[]>;
  /** YYYY-MM-DD, or '' while not chosen */
  startDate: string;
  dueDate: string;
  state: RolloutState;
  requireExemptionApproval: boolean;
}

/** Where a message goes: a field, one target field, or the target as a whole. */
export type RolloutFormField =
  | Exclude<keyof RolloutFormValues, 'target'>
  | 'target'
  | `target.${RolloutTargetField}`;

export type RolloutFormErrors = Partial<Record<RolloutFormField, string>>;

/** The states a new rollout may start in. */
export const CREATE_STATES: readonly RolloutState[] = ['draft', 'active'];

const MAX_TARGET_VALUE_LENGTH = 253;

const emptyTarget = (): Record<RolloutTargetField, string[]> =>
  Object.fromEntries(
    ROLLOUT_TARGET_FIELDS.map(field => [field, [] as string[]]),
  ) as Record<RolloutTargetField, string[]>;

/** The values of a new rollout: a draft starting on `today`, due date not chosen. */
export function newRolloutFormValues(today: string): RolloutFormValues {
  return {
    title: '',
    description: '',
    itemIds: [],
    target: emptyTarget(),
    startDate: today,
    dueDate: '',
    state: 'draft',
    requireExemptionApproval: false,
  };
}

/** The values that show an existing rollout. */
export function rolloutFormValuesOf(rollout: Rollout): RolloutFormValues {
  const target = emptyTarget();
  for (const field of ROLLOUT_TARGET_FIELDS) {
    target[field] = [...(rollout.target[field] ?? [])];
  }
  return {
    title: rollout.title,
    description: rollout.description,
    itemIds: [...rollout.itemIds],
    target,
    startDate: rollout.startDate,
    dueDate: rollout.dueDate,
    state: rollout.state,
    requireExemptionApproval: rollout.requireExemptionApproval,
  };
}

/**
 * Target values as a chip input should keep them: trimmed, split at commas
 * (a pasted list), without empties or repeats (values compare without case,
 * as target matching does).
 */
export function cleanTargetValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const cleaned: string[] = [];
  for (const value of values.flatMap(v => v.split(','))) {
    const trimmed = value.trim();
    const key = trimmed.toLocaleLowerCase('en-US');
    if (trimmed && !seen.has(key)) {
      seen.add(key);
      cleaned.push(trimmed);
    }
  }
  return cleaned;
}

/** The target as the backend takes it: only the fields that list something, in the usual order. */
export function targetOf(values: RolloutFormValues): RolloutTarget {
  const target: RolloutTarget = {};
  for (const field of ROLLOUT_TARGET_FIELDS) {
    const list = cleanTargetValues(values.target[field]);
    if (list.length > 0) target[field] = list;
  }
  return target;
}

const isDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * What is wrong with the values, by field; empty when they can be sent.
 * `original` is the rollout being edited (its state decides which states
 * are allowed); without it the values are of a new rollout.
 */
export function validateRolloutForm(
  values: RolloutFormValues,
  original?: Pick<Rollout, 'state'>,
): RolloutFormErrors {
  const errors: RolloutFormErrors = {};
  const title = values.title.trim();
  if (!title) {
    errors.title = 'Give the rollout a title';
  } else if (title.length > ROLLOUT_LIMITS.title) {
    errors.title = `At most ${ROLLOUT_LIMITS.title} characters (this is ${title.length})`;
  }
  if (values.description.length > ROLLOUT_LIMITS.description) {
    errors.description = `At most ${ROLLOUT_LIMITS.description} characters (this is ${values.description.length})`;
  }
  if (values.itemIds.length === 0) {
    errors.itemIds = 'Pick at least one checklist item';
  } else if (values.itemIds.length > ROLLOUT_LIMITS.items) {
    errors.itemIds = `At most ${ROLLOUT_LIMITS.items} items (${values.itemIds.length} picked)`;
  }
  const target = targetOf(values);
  if (isEmptyTarget(target)) {
    errors.target =
      'Name at least one kind, type, owner, system, domain, tag or lifecycle: an empty target would be the whole catalog';
  }
  for (const field of ROLLOUT_TARGET_FIELDS) {
    const list = target[field] ?? [];
    if (list.length > ROLLOUT_LIMITS.targetValues) {
      errors[
        `target.${field}`
      ] = `At most ${ROLLOUT_LIMITS.targetValues} values (${list.length} given)`;
    } else if (list.some(value => value.length > MAX_TARGET_VALUE_LENGTH)) {
      errors[
        `target.${field}`
      ] = `Each value at most ${MAX_TARGET_VALUE_LENGTH} characters`;
    }
  }
  if (!values.startDate) {
    errors.startDate = 'Choose a start date';
  } else if (!isDay(values.startDate)) {
    errors.startDate = 'Not a date';
  }
  if (!values.dueDate) {
    errors.dueDate = 'Choose a due date';
  } else if (!isDay(values.dueDate)) {
    errors.dueDate = 'Not a date';
  } else if (!errors.startDate && values.dueDate < values.startDate) {
    errors.dueDate = 'The due date cannot be before the start date';
  }
  const allowed = original
    ? canTransition(original.state, values.state)
    : CREATE_STATES.includes(values.state);
  if (!allowed) {
    errors.state = original
      ? `A ${original.state} rollout cannot become ${values.state}`
      : 'A new rollout is a draft or active';
  }
  return errors;
}

/** What `createRollout` is sent for the values (which should be valid). */
export function rolloutInputOf(values: RolloutFormValues): RolloutInput {
  return {
    title: values.title.trim(),
    description: values.description,
    itemIds: [...values.itemIds],
    target: targetOf(values),
    startDate: values.startDate,
    dueDate: values.dueDate,
    state: values.state,
    requireExemptionApproval: values.requireExemptionApproval,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

const sameTarget = (a: RolloutTarget, b: RolloutTarget) =>
  ROLLOUT_TARGET_FIELDS.every(field =>
    sameList(a[field] ?? [], b[field] ?? []),
  );

/**
 * What `updateRollout` is sent: only the fields that differ from `original`,
 * and the version they are based on (so a change by someone else in between
 * is a conflict, not an overwrite).
 */
export function rolloutPatchOf(
  original: Rollout,
  values: RolloutFormValues,
): RolloutPatch {
  const next = rolloutInputOf(values);
  const patch: RolloutPatch = {};
  if (next.title !== original.title) patch.title = next.title;
  if (next.description !== original.description) {
    patch.description = next.description;
  }
  if (!sameList(next.itemIds, original.itemIds)) patch.itemIds = next.itemIds;
  // compared as the form would send the original, so untouched values never count as a change
  const originalTarget = targetOf(rolloutFormValuesOf(original));
  if (!sameTarget(next.target, originalTarget)) patch.target = next.target;
  if (next.startDate !== original.startDate) patch.startDate = next.startDate;
  if (next.dueDate !== original.dueDate) patch.dueDate = next.dueDate;
  if (next.state !== original.state) patch.state = next.state;
  if (next.requireExemptionApproval !== original.requireExemptionApproval) {
    patch.requireExemptionApproval = next.requireExemptionApproval;
  }
  return { ...patch, version: original.version };
}

/** The names of the fields a patch changes (everything but its version). */
export function changedFieldsOf(patch: RolloutPatch): (keyof RolloutInput)[] {
  return (Object.keys(patch) as (keyof RolloutPatch)[]).filter(
    (key): key is keyof RolloutInput => key !== 'version',
  );
}

const FORM_FIELDS = new Set<string>([
  'title',
  'description',
  'itemIds',
  'target',
  'startDate',
  'dueDate',
  'state',
  'requireExemptionApproval',
]);

/**
 * The backend's 400 message split by field: it reads `Invalid request:
 * body.dueDate: must not be before startDate; body.target.kinds.0: must not
 * be empty`. Problems of no field the form shows (or a message of another
 * shape) go to `general`.
 */
export function serverErrorsOf(message: string): {
  fields: RolloutFormErrors;
  general?: string;
} {
  const fields: RolloutFormErrors = {};
  const general: string[] = [];
  const problems = message.replace(/^Invalid request:\s*/, '').split('; ');
  for (const problem of problems) {
    const match = /^body\.([\w.]+): (.+)$/s.exec(problem);
    const [top, second] = match ? match[1].split('.') : [];
    let field: RolloutFormField | undefined;
    if (match && FORM_FIELDS.has(top)) {
      field =
        top === 'target' &&
        (ROLLOUT_TARGET_FIELDS as readonly string[]).includes(second)
          ? `target.${second as RolloutTargetField}`
          : (top as RolloutFormField);
    }
    if (field && match) {
      fields[field] = fields[field]
        ? `${fields[field]}; ${match[2]}`
        : match[2];
    } else {
      general.push(problem);
    }
  }
  return {
    fields,
    general: general.length > 0 ? general.join('; ') : undefined,
  };
}
