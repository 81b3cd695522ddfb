import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Rollout } from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef, RolloutConflictError } from '../../api';
import {
  checklistItemFixture,
  idempotencyRollout,
  knowledge,
  mockCaseStudiesApi,
  responseError,
} from '../../testing/fixtures';
import {
  RolloutFormDialog,
  type RolloutFormDialogProps,
} from './RolloutFormDialog';

// MUI's Autocomplete and dialog are slow in jsdom
jest.setTimeout(60_000);

const testKnowledge = {
  ...knowledge,
  checklist: [
    checklistItemFixture(
      'dora-deployment-frequency',
      'dora-metrics',
      'Deployment frequency is measured',
    ),
    checklistItemFixture(
      'idempotency-keys',
      'practices',
      'Idempotency keys on POST',
    ),
    checklistItemFixture(
      'chaos-experiments',
      'resilience',
      'Chaos experiment with a steady-state hypothesis',
    ),
  ],
};

const facets = {
  facets: {
    kind: [{ value: 'Component', count: 12 }],
    'spec.type': [{ value: 'service', count: 9 }],
    'spec.lifecycle': [
      { value: 'production', count: 8 },
      { value: 'experimental', count: 2 },
    ],
    'metadata.tags': [{ value: 'tier-1', count: 3 }],
    'relations.ownedBy': [{ value: 'group:default/payments-team', count: 5 }],
    'relations.partOf': [
      { value: 'system:default/payments', count: 4 },
      { value: 'domain:default/money', count: 1 },
    ],
  },
};

async function renderForm(
  props: Partial<RolloutFormDialogProps> = {},
  options: { facetsFail?: boolean } = {},
) {
  const api = mockCaseStudiesApi({
    getKnowledge: jest.fn().mockResolvedValue(testKnowledge),
  });
  const catalogApi = catalogApiMock.mock({
    getEntityFacets: options.facetsFail
      ? jest.fn().mockRejectedValue(new Error('catalog is down'))
      : jest.fn().mockResolvedValue(facets),
  });
  const onSaved = jest.fn();
  const onClose = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [caseStudiesApiRef, api],
        [catalogApiRef, catalogApi],
      ]}
    >
      <RolloutFormDialog open onClose={onClose} onSaved={onSaved} {...props} />
    </TestApiProvider>,
  );
  return {
    api,
    catalogApi,
    onSaved,
    onClose,
    user: userEvent.setup({ delay: null }),
  };
}

type User = ReturnType<typeof userEvent.setup>;

const field = (name: string) => screen.getByRole('textbox', { name });

/** Fills a text field as a paste would: typing long text re-renders the big form per key, slowly. */
async function fill(user: User, label: string, text: string) {
  await user.click(field(label));
  await user.paste(text);
}

/** Types into an autocomplete and picks one of the options it offers. */
async function pick(user: User, label: string, typed: string, option: string) {
  await user.type(field(label), typed);
  await user.click(await screen.findByRole('option', { name: option }));
}

/** A date input, by its label (which ends in the required asterisk). */
const dateField = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' });

async function setDate(user: User, label: string, day: string) {
  const input = dateField(label);
  await user.clear(input);
  await user.type(input, day);
}

/** The chips of an autocomplete: the values it holds. */
function chipsOf(label: string): string[] {
  const root = field(label).closest('.MuiAutocomplete-root') as HTMLElement;
  return within(root)
    .queryAllByRole('button')
    .map(chip => chip.textContent ?? '')
    .filter(Boolean);
}

const createButton = () =>
  screen.getByRole('button', { name: 'Create rollout' });
const saveButton = () => screen.getByRole('button', { name: 'Save changes' });

describe('RolloutFormDialog', () => {
  it('creates a rollout from the filled-in form and hands the saved one back', async () => {
    const { api, onSaved, user } = await renderForm();
    let finish: (rollout: Rollout) => void = () => {};
    api.createRollout.mockReturnValue(
      new Promise(resolve => {
        finish = resolve;
      }),
    );

    await fill(user, 'Title', 'Idempotency keys everywhere');
    await fill(user, 'Description', 'Retries must be safe.');
    await pick(user, 'Checklist items', 'idem', 'Idempotency keys on POST');
    await pick(
      user,
      'Checklist items',
      'chaos',
      'Chaos experiment with a steady-state hypothesis',
    );
    await pick(user, 'Kinds', 'comp', 'component');
    await pick(user, 'Lifecycles', 'prod', 'production');
    await user.type(field('Owners'), 'payments-team{Enter}');
    await setDate(user, 'Start date', '2026-05-01');
    await setDate(user, 'Due date', '2026-06-30');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'State' }),
      'Active',
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Exemptions need approval' }),
    );
    await user.click(createButton());

    expect(api.createRollout).toHaveBeenCalledWith({
      title: 'Idempotency keys everywhere',
      description: 'Retries must be safe.',
      itemIds: ['idempotency-keys', 'chaos-experiments'],
      target: {
        kinds: ['component'],
        owners: ['payments-team'],
        lifecycles: ['production'],
      },
      startDate: '2026-05-01',
      dueDate: '2026-06-30',
      state: 'active',
      requireExemptionApproval: true,
    });
    // one request per click: the button waits for the answer
    expect(createButton()).toBeDisabled();
    expect(onSaved).not.toHaveBeenCalled();

    finish(idempotencyRollout);
    await waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith(idempotencyRollout),
    );
    expect(api.createRollout).toHaveBeenCalledTimes(1);
  });

  it('groups the checklist items by category', async () => {
    const { user } = await renderForm();
    await user.click(field('Checklist items'));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByText('Resilience')).toBeInTheDocument();
    expect(within(listbox).getByText('Practices')).toBeInTheDocument();
  });

  it('offers only draft and active for a new rollout', async () => {
    await renderForm();
    const state = screen.getByRole('combobox', { name: 'State' });
    expect(
      within(state)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['Draft', 'Active']);
  });

  it('sends nothing while the target is empty or the due date is before the start', async () => {
    const { api, user } = await renderForm();
    await fill(user, 'Title', 'Dashboards');
    await pick(
      user,
      'Checklist items',
      'deploy',
      'Deployment frequency is measured',
    );
    await setDate(user, 'Start date', '2026-05-01');
    await setDate(user, 'Due date', '2026-04-01');
    await user.click(createButton());

    expect(api.createRollout).not.toHaveBeenCalled();
    const due = dateField('Due date');
    expect(due).toBeInvalid();
    expect(due).toHaveAccessibleDescription(/before the start date/i);
    expect(screen.getByText(/empty target/i)).toBeInTheDocument();
    expect(field('Title')).toBeValid();

    // fixing both lets it through
    await setDate(user, 'Due date', '2026-05-31');
    await user.type(field('Tags'), 'tier-1{Enter}');
    expect(due).toBeValid();
    await user.click(createButton());
    expect(api.createRollout).toHaveBeenCalledWith(
      expect.objectContaining({
        target: { tags: ['tier-1'] },
        dueDate: '2026-05-31',
      }),
    );
  });

  it('shows the backend’s 400 message on the field it names', async () => {
    const { api, onSaved, user } = await renderForm();
    api.createRollout.mockRejectedValue(
      await responseError(400, {
        error: {
          name: 'InputError',
          message:
            'Invalid request: body.itemIds.0: unknown checklist item "idempotency-keys"',
        },
        response: { statusCode: 400 },
      }),
    );
    await fill(user, 'Title', 'Idempotency');
    await pick(user, 'Checklist items', 'idem', 'Idempotency keys on POST');
    await pick(user, 'Systems', 'pay', 'system:default/payments');
    await setDate(user, 'Start date', '2026-05-01');
    await setDate(user, 'Due date', '2026-05-31');
    await user.click(createButton());

    await waitFor(() =>
      expect(field('Checklist items')).toHaveAccessibleDescription(
        'unknown checklist item "idempotency-keys"',
      ),
    );
    expect(field('Checklist items')).toBeInvalid();
    expect(onSaved).not.toHaveBeenCalled();
    expect(createButton()).toBeEnabled();
  });

  it('shows a failure it cannot place on a field above the form', async () => {
    const { api, user } = await renderForm({ rollout: idempotencyRollout });
    api.updateRollout.mockRejectedValue(
      await responseError(403, {
        error: { name: 'NotAllowedError', message: 'Only platform groups' },
        response: { statusCode: 403 },
      }),
    );
    await user.clear(field('Title'));
    await fill(user, 'Title', 'Renamed');
    await user.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The rollout was not saved');
    expect(alert).toHaveTextContent('Only platform groups');
  });

  it('edits a rollout by sending only the changed fields with its version', async () => {
    const updated = {
      ...idempotencyRollout,
      dueDate: '2026-04-30',
      version: 4,
    };
    const { api, onSaved, user } = await renderForm({
      rollout: idempotencyRollout,
    });
    api.updateRollout.mockResolvedValue(updated);

    expect(field('Title')).toHaveValue(idempotencyRollout.title);
    expect(chipsOf('Systems')).toEqual(['payments']);
    // nothing to save until something changes
    expect(saveButton()).toBeDisabled();

    await setDate(user, 'Due date', '2026-04-30');
    await user.type(field('Tags'), 'tier-1{Enter}');
    await user.click(saveButton());

    expect(api.updateRollout).toHaveBeenCalledWith(idempotencyRollout.id, {
      dueDate: '2026-04-30',
      target: { kinds: ['component'], systems: ['payments'], tags: ['tier-1'] },
      version: idempotencyRollout.version,
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(updated));
  });

  it('offers the states an active rollout may move to', async () => {
    await renderForm({ rollout: idempotencyRollout });
    const state = screen.getByRole('combobox', { name: 'State' });
    expect(state).toHaveValue('active');
    expect(
      within(state)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['Active', 'Draft', 'Done', 'Archived']);
  });

  it('on a conflict says who changed the rollout, and loads their version to build on', async () => {
    const theirs: Rollout = {
      ...idempotencyRollout,
      title: 'Idempotency keys on every POST',
      version: 4,
      updatedBy: 'user:default/carol',
      updatedAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
    };
    const { api, onSaved, user } = await renderForm({
      rollout: idempotencyRollout,
    });
    api.updateRollout
      .mockRejectedValueOnce(
        new RolloutConflictError(
          theirs,
          await responseError(409, {
            error: {
              name: 'ConflictError',
              message: 'changed since version 3',
            },
            response: { statusCode: 409 },
            current: theirs,
          }),
        ),
      )
      .mockResolvedValueOnce({ ...theirs, version: 5 });

    await setDate(user, 'Due date', '2026-04-30');
    await user.click(saveButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/someone else changed/i);
    expect(alert).toHaveTextContent('carol');
    expect(alert).toHaveTextContent('5 minutes ago');
    expect(alert).toHaveTextContent(/title/);
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(
      within(alert).getByRole('button', { name: 'Load their version' }),
    );
    expect(field('Title')).toHaveValue('Idempotency keys on every POST');
    expect(dateField('Due date')).toHaveValue(idempotencyRollout.dueDate);
    expect(screen.queryByText(/someone else changed/i)).not.toBeInTheDocument();

    await setDate(user, 'Due date', '2026-04-30');
    await user.click(saveButton());
    expect(api.updateRollout).toHaveBeenLastCalledWith(idempotencyRollout.id, {
      dueDate: '2026-04-30',
      version: 4,
    });
    await waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith({ ...theirs, version: 5 }),
    );
  });

  it('takes typed target values when the catalog’s suggestions fail', async () => {
    const { api, catalogApi, user } = await renderForm(
      {},
      { facetsFail: true },
    );
    await waitFor(() => expect(catalogApi.getEntityFacets).toHaveBeenCalled());
    expect(
      await screen.findByText(/suggestions .* unavailable/i),
    ).toBeInTheDocument();

    await fill(user, 'Title', 'Tier one');
    await pick(
      user,
      'Checklist items',
      'chaos',
      'Chaos experiment with a steady-state hypothesis',
    );
    await user.type(field('Tags'), 'tier-1{Enter}');
    await user.type(field('Lifecycles'), 'production, experimental');
    // leaving the field keeps what was typed
    await user.click(field('Title'));
    expect(chipsOf('Lifecycles')).toEqual(['production', 'experimental']);
    await setDate(user, 'Start date', '2026-05-01');
    await setDate(user, 'Due date', '2026-05-31');
    await user.click(createButton());

    expect(api.createRollout).toHaveBeenCalledWith(
      expect.objectContaining({
        target: {
          tags: ['tier-1'],
          lifecycles: ['production', 'experimental'],
        },
      }),
    );
  });
});
