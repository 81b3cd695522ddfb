import { ROLLOUT_LIMITS } from '@case-studies/plugin-case-studies-common';
import { idempotencyRollout } from '../../testing/fixtures';
import {
  cleanTargetValues,
  newRolloutFormValues,
  rolloutFormValuesOf,
  rolloutInputOf,
  rolloutPatchOf,
  serverErrorsOf,
  validateRolloutForm,
  type RolloutFormValues,
} from './rolloutFormValues';

/** A new rollout's values that pass validation, with some changed. */
function validNew(
  overrides: Partial<RolloutFormValues> = {},
): RolloutFormValues {
  const values = newRolloutFormValues('2026-05-01');
  return {
    ...values,
    title: 'Idempotency keys',
    itemIds: ['idempotency-keys'],
    target: { ...values.target, kinds: ['component'] },
    dueDate: '2026-06-30',
    ...overrides,
  };
}

describe('validateRolloutForm', () => {
  it('accepts a complete new rollout', () => {
    expect(validateRolloutForm(validNew())).toEqual({});
  });

  it('asks for a title, an item, a target and a due date on an empty form', () => {
    const errors = validateRolloutForm(newRolloutFormValues('2026-05-01'));
    expect(Object.keys(errors).sort()).toEqual(
      ['dueDate', 'itemIds', 'target', 'title'].sort(),
    );
  });

  it('counts a title of blanks as missing', () => {
    expect(validateRolloutForm(validNew({ title: '   ' })).title).toMatch(
      /title/i,
    );
  });

  it('refuses a target whose fields list only blanks', () => {
    const values = validNew();
    values.target = { ...values.target, kinds: [' '], tags: [''] };
    expect(validateRolloutForm(values).target).toMatch(/at least one/i);
  });

  it('refuses a due date before the start date, but not the same day', () => {
    expect(
      validateRolloutForm(validNew({ dueDate: '2026-04-30' })).dueDate,
    ).toMatch(/before the start/i);
    expect(validateRolloutForm(validNew({ dueDate: '2026-05-01' }))).toEqual(
      {},
    );
  });

  it('refuses a date that does not exist', () => {
    expect(
      validateRolloutForm(validNew({ startDate: '2026-02-30' })).startDate,
    ).toBeDefined();
  });

  it('enforces the limits of title, description, items and target values', () => {
    const values = validNew({
      title: 'x'.repeat(ROLLOUT_LIMITS.title + 1),
      description: 'x'.repeat(ROLLOUT_LIMITS.description + 1),
      itemIds: Array.from(
        { length: ROLLOUT_LIMITS.items + 1 },
        (_, i) => `item-${i}`,
      ),
    });
    values.target = {
      ...values.target,
      tags: Array.from(
        { length: ROLLOUT_LIMITS.targetValues + 1 },
        (_, i) => `tag-${i}`,
      ),
    };
    const errors = validateRolloutForm(values);
    expect(errors.title).toBeDefined();
    expect(errors.description).toBeDefined();
    expect(errors.itemIds).toBeDefined();
    expect(errors['target.tags']).toBeDefined();
    expect(
      validateRolloutForm(
        validNew({ title: 'x'.repeat(ROLLOUT_LIMITS.title) }),
      ),
    ).toEqual({});
  });

  it('lets a new rollout start as a draft or active only', () => {
    expect(validateRolloutForm(validNew({ state: 'active' }))).toEqual({});
    expect(
      validateRolloutForm(validNew({ state: 'done' })).state,
    ).toBeDefined();
  });

  it('allows only the transitions of the edited rollout’s state', () => {
    const values = rolloutFormValuesOf(idempotencyRollout);
    expect(
      validateRolloutForm({ ...values, state: 'done' }, idempotencyRollout),
    ).toEqual({});
    const archived = { ...idempotencyRollout, state: 'archived' as const };
    expect(
      validateRolloutForm({ ...values, state: 'active' }, archived).state,
    ).toBeDefined();
  });
});

describe('cleanTargetValues', () => {
  it('trims, splits pasted lists and drops empties and repeats of any case', () => {
    expect(
      cleanTargetValues([' payments ', 'tier-1, tier-2', '', 'Payments']),
    ).toEqual(['payments', 'tier-1', 'tier-2']);
  });
});

describe('rolloutInputOf', () => {
  it('sends a trimmed title and only the target fields that list something', () => {
    const values = validNew({ title: '  Idempotency keys ' });
    values.target = {
      ...values.target,
      owners: ['payments-team'],
      tags: [' '],
    };
    expect(rolloutInputOf(values)).toEqual({
      title: 'Idempotency keys',
      description: '',
      itemIds: ['idempotency-keys'],
      target: { kinds: ['component'], owners: ['payments-team'] },
      startDate: '2026-05-01',
      dueDate: '2026-06-30',
      state: 'draft',
      requireExemptionApproval: false,
    });
  });
});

describe('rolloutPatchOf', () => {
  it('sends nothing but the version when nothing changed', () => {
    expect(
      rolloutPatchOf(
        idempotencyRollout,
        rolloutFormValuesOf(idempotencyRollout),
      ),
    ).toEqual({ version: idempotencyRollout.version });
  });

  it('sends only the changed fields, a changed target whole', () => {
    const values = rolloutFormValuesOf(idempotencyRollout);
    values.dueDate = '2026-04-30';
    values.target = { ...values.target, tags: ['tier-1'] };
    values.requireExemptionApproval = true;
    expect(rolloutPatchOf(idempotencyRollout, values)).toEqual({
      dueDate: '2026-04-30',
      target: { kinds: ['component'], systems: ['payments'], tags: ['tier-1'] },
      requireExemptionApproval: true,
      version: idempotencyRollout.version,
    });
  });

  it('does not count a stored target the form merely tidies as a change', () => {
    const stored = {
      ...idempotencyRollout,
      target: { kinds: ['component', 'Component'], tags: [] },
    };
    expect(rolloutPatchOf(stored, rolloutFormValuesOf(stored))).toEqual({
      version: stored.version,
    });
  });

  it('does not count a title’s surrounding blanks as a change', () => {
    const values = rolloutFormValuesOf(idempotencyRollout);
    values.title = ` ${idempotencyRollout.title} `;
    expect(rolloutPatchOf(idempotencyRollout, values)).toEqual({
      version: idempotencyRollout.version,
    });
  });
});

describe('serverErrorsOf', () => {
  it('puts each problem of the backend’s 400 on its field', () => {
    expect(
      serverErrorsOf(
        'Invalid request: body.dueDate: must not be before startDate; body.target.kinds.0: must not be empty; body.itemIds.1: unknown checklist item "x"',
      ),
    ).toEqual({
      fields: {
        dueDate: 'must not be before startDate',
        'target.kinds': 'must not be empty',
        itemIds: 'unknown checklist item "x"',
      },
      general: undefined,
    });
  });

  it('keeps problems of no form field, and other messages, as a general one', () => {
    expect(
      serverErrorsOf(
        "Invalid request: body: Unrecognized key(s) in object: 'owner'; body.title: must not be empty",
      ),
    ).toEqual({
      fields: { title: 'must not be empty' },
      general: "body: Unrecognized key(s) in object: 'owner'",
    });
    expect(serverErrorsOf('Something broke')).toEqual({
      fields: {},
      general: 'Something broke',
    });
  });
});
