import {
  CompoundEntityRef,
  parseEntityRef as parseRefString,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CHECKLIST_NOTE_MAX_LENGTH,
  CHECKLIST_STATUSES,
  isChecklistNoteWithinLimit,
  isEvidenceUrl,
  ROLLOUT_LIMITS,
  ROLLOUT_STATES,
  ROLLOUT_TARGET_FIELDS,
  ROLLUP_PAGE_DEFAULT,
  ROLLUP_PAGE_MAX,
  daysBefore,
  daysBetween,
  SCORECARD_GROUP_BY,
  SCORECARD_HISTORY_DEFAULT_DAYS,
  SCORECARD_HISTORY_MAX_DAYS,
  snapshotDay,
  unstorableTextProblem,
} from '@case-studies/plugin-case-studies-common';
import { Request } from 'express';
import { z } from 'zod';

/*
 * Request parsing for every route: the zod schemas of bodies, queries and
 * path parameters, and the helpers that apply them. A schema that does not
 * match is a 400 (InputError) naming each wrong field.
 *
 * Every text a request carries is a `text()`: one that both databases store
 * exactly as given, so what one accepts the other does not fail on.
 */

/**
 * Parses input with a zod schema, or throws an InputError (400) whose message
 * names every wrong field, e.g. `body.note: required when status is not-applicable`.
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  where: 'body' | 'query' | 'path',
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(issue => {
    const field = [where, ...issue.path.map(String)].join('.');
    return `${field}: ${issue.message}`;
  });
  throw new InputError(`Invalid request: ${problems.join('; ')}`);
}

/**
 * A string without NUL characters or unpaired surrogates: PostgreSQL refuses
 * the first, and neither database stores the second as given.
 */
function text(params?: { message: string }) {
  return z.string(params).superRefine((value, ctx) => {
    const problem = unstorableTextProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const refPart = text().min(1).max(253);

export const entityParamsSchema = z.object({
  kind: refPart,
  namespace: refPart,
  name: refPart,
});

/** The entity of a `/entities/:kind/:namespace/:name/…` route. */
export function parseEntityRef(req: Request): CompoundEntityRef {
  return parseInput(entityParamsSchema, req.params, 'path');
}

export const namespacedParamsSchema = z.object({
  namespace: refPart,
  name: refPart,
});

/** The group, system, domain or user of a `/<kind>s/:namespace/:name/…` route. */
export function parseNamespacedRef(
  req: Request,
  kind: string,
): CompoundEntityRef {
  return { kind, ...parseInput(namespacedParamsSchema, req.params, 'path') };
}

const checklistItemId = text().min(1).max(128);

export const checklistItemParamsSchema = z.object({ itemId: checklistItemId });

/** The item of a `/entities/:kind/:namespace/:name/checklist/:itemId` route. */
export function parseChecklistItemId(req: Request): string {
  return parseInput(checklistItemParamsSchema, req.params, 'path').itemId;
}

export const rollupQuerySchema = z.strictObject({
  recursive: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform(value => value === 'true'),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, `must be between 1 and ${ROLLUP_PAGE_MAX}`)
    .max(ROLLUP_PAGE_MAX, `must be between 1 and ${ROLLUP_PAGE_MAX}`)
    .default(ROLLUP_PAGE_DEFAULT),
  cursor: text().min(1).max(1024).optional(),
});

/** A calendar day, YYYY-MM-DD, that exists. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    value =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    { message: 'must be a date that exists' },
  );

/** Stored without the spaces around it, so a repeat with or without them is the same link. */
const httpUrl = text()
  .trim()
  .max(2048)
  .refine(isEvidenceUrl, { message: 'must be an http(s) URL' });

export const checklistUpdateSchema = z
  .strictObject({
    status: z.enum(CHECKLIST_STATUSES, {
      message: `must be one of ${CHECKLIST_STATUSES.join(', ')}`,
    }),
    note: text()
      .refine(isChecklistNoteWithinLimit, {
        message: `must be at most ${CHECKLIST_NOTE_MAX_LENGTH} characters`,
      })
      .optional(),
    evidenceUrl: httpUrl.optional(),
    until: day.optional(),
    version: z.number().int().min(0).optional(),
  })
  .superRefine((update, ctx) => {
    if (update.until !== undefined) {
      if (update.status !== 'not-applicable') {
        ctx.addIssue({
          code: 'custom',
          path: ['until'],
          message: 'only an exemption (status not-applicable) can expire',
        });
      } else if (update.until < snapshotDay(new Date())) {
        ctx.addIssue({
          code: 'custom',
          path: ['until'],
          message: 'must be today or later',
        });
      }
    }
    if (update.status === 'not-applicable' && !update.note?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message:
          'required when status is not-applicable (give the reason for the exemption)',
      });
    }
  });

const historyCursorMessage = 'must be a cursor returned by a previous page';

export const historyQuerySchema = z.object({
  itemId: checklistItemId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // The id of the last entry of a page: a positive whole number that
  // JavaScript holds exactly (a larger one would be rounded, and PostgreSQL
  // refuses one beyond its bigint).
  cursor: z
    .string()
    .regex(/^[1-9]\d*$/, historyCursorMessage)
    .refine(value => Number.isSafeInteger(Number(value)), {
      message: historyCursorMessage,
    })
    .optional(),
});

const entityShape = z.looseObject({
  apiVersion: text().min(1),
  kind: text().min(1),
  metadata: z.looseObject({
    name: text().min(1),
    namespace: text().min(1).optional(),
  }),
  spec: z.record(z.string(), z.unknown()).optional(),
});

export const matchRequestSchema = z.strictObject({
  entity: entityShape,
  relatedEntities: z.array(entityShape).max(1000).optional(),
});

const booleanFlag = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .default('false')
  .transform(value => value === 'true');

/** A catalog value to filter on: kind, spec.type or spec.lifecycle. */
const filterValue = text()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .optional();

const scorecardFilterFields = {
  groupBy: z
    .enum(SCORECARD_GROUP_BY, {
      message: `must be one of ${SCORECARD_GROUP_BY.join(', ')}`,
    })
    .default('owner'),
  kind: filterValue,
  type: filterValue,
  lifecycle: filterValue,
};

export const scorecardQuerySchema = z.strictObject({
  ...scorecardFilterFields,
  format: z
    .enum(['json', 'csv'], { message: 'must be json or csv' })
    .default('json'),
  live: booleanFlag,
});

/**
 * `from` and `to` of a history request: by default the last
 * SCORECARD_HISTORY_DEFAULT_DAYS days to today; in order, and shorter than
 * the longest period.
 */
const dayRange = {
  from: day.optional(),
  to: day.optional(),
};

function withDefaultRange<T extends { from?: string; to?: string }>(
  query: T,
): T & { range: { from: string; to: string } } {
  const to = query.to ?? snapshotDay(new Date());
  const from = query.from ?? daysBefore(to, SCORECARD_HISTORY_DEFAULT_DAYS - 1);
  return { ...query, range: { from, to } };
}

function checkRange(
  query: { range: { from: string; to: string } },
  ctx: z.RefinementCtx,
): void {
  const span = daysBetween(query.range.from, query.range.to);
  if (span < 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: 'must not be after to',
    });
  } else if (span >= SCORECARD_HISTORY_MAX_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: `must be less than ${SCORECARD_HISTORY_MAX_DAYS} days before to`,
    });
  }
}

export const scorecardHistoryQuerySchema = z
  .strictObject({ ...scorecardFilterFields, ...dayRange })
  .transform(withDefaultRange)
  .superRefine(checkRange);

export const scoreHistoryQuerySchema = z
  .strictObject(dayRange)
  .transform(withDefaultRange)
  .superRefine(checkRange);

const targetValues = z
  .array(
    text()
      .min(1, 'must not be empty')
      .max(253, 'must be at most 253 characters'),
    { message: 'must be a list of strings' },
  )
  .max(
    ROLLOUT_LIMITS.targetValues,
    `must list at most ${ROLLOUT_LIMITS.targetValues} values`,
  )
  .optional();

const rolloutTargetSchema = z.strictObject(
  Object.fromEntries(
    ROLLOUT_TARGET_FIELDS.map(field => [field, targetValues]),
  ) as Record<(typeof ROLLOUT_TARGET_FIELDS)[number], typeof targetValues>,
);

const rolloutState = z.enum(ROLLOUT_STATES, {
  message: `must be one of ${ROLLOUT_STATES.join(', ')}`,
});

/** The fields of a rollout as a request gives them; which are required differs between POST and PATCH. */
const rolloutFields = {
  title: text({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(
      ROLLOUT_LIMITS.title,
      `must be at most ${ROLLOUT_LIMITS.title} characters`,
    ),
  description: text({ message: 'must be a string' }).max(
    ROLLOUT_LIMITS.description,
    `must be at most ${ROLLOUT_LIMITS.description} characters`,
  ),
  itemIds: z
    .array(checklistItemId, {
      message: 'must be a list of item ids',
    })
    .min(1, 'must name at least one checklist item')
    .max(
      ROLLOUT_LIMITS.items,
      `must name at most ${ROLLOUT_LIMITS.items} items`,
    ),
  target: rolloutTargetSchema,
  startDate: day,
  dueDate: day,
  state: rolloutState,
  requireExemptionApproval: z.boolean({ message: 'must be true or false' }),
};

export const rolloutCreateSchema = z.strictObject({
  ...rolloutFields,
  description: rolloutFields.description.default(''),
  state: rolloutFields.state.default('draft'),
  requireExemptionApproval:
    rolloutFields.requireExemptionApproval.default(false),
});

export const rolloutPatchSchema = z.strictObject({
  title: rolloutFields.title.optional(),
  description: rolloutFields.description.optional(),
  itemIds: rolloutFields.itemIds.optional(),
  target: rolloutFields.target.optional(),
  startDate: rolloutFields.startDate.optional(),
  dueDate: rolloutFields.dueDate.optional(),
  state: rolloutFields.state.optional(),
  requireExemptionApproval: rolloutFields.requireExemptionApproval.optional(),
  version: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .optional(),
});

export const rolloutListQuerySchema = z.strictObject({
  state: rolloutState.optional(),
  entity: text().min(1).max(1024).optional(),
  team: text().min(1).max(1024).optional(),
});

export const rolloutIdSchema = z.object({
  id: z.string().uuid('must be a rollout id'),
});

/** Whether a string is an entity ref with its kind (`kind:[namespace/]name`), as the catalog looks refs up. */
function isEntityRefWithKind(value: string): boolean {
  try {
    parseRefString(value);
    return true;
  } catch {
    return false;
  }
}

export const exemptionApprovalSchema = z.strictObject({
  entityRef: text({ message: 'must be an entity ref' })
    .min(1, 'must be an entity ref')
    .max(1024)
    .refine(isEntityRefWithKind, 'must be an entity ref, kind:namespace/name'),
  itemId: text({ message: 'must be a checklist item id' })
    .min(1, 'must be a checklist item id')
    .max(128),
});
