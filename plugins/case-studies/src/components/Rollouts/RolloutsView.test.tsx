import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Rollout } from '@case-studies/plugin-case-studies-common';
import {
  dashboardsRollout,
  idempotencyRollout,
  mockCaseStudiesApi,
  responseError,
} from '../../testing/fixtures';
import {
  chaosRollout,
  chaosRolloutResponse,
} from '../../testing/rolloutPageFixtures';
import { renderCaseStudiesPage } from '../__testUtils__/renderCaseStudiesPage';
import { tableWithColumn } from '../__testUtils__/tables';

// the form is another component's; here it only has to say what it saved
jest.mock('./RolloutFormDialog', () => ({
  RolloutFormDialog: (props: {
    open: boolean;
    rollout?: Rollout;
    onSaved: (rollout: Rollout) => void;
  }) => {
    if (!props.open) return null;
    const { chaosRollout: saved } = jest.requireActual(
      '../../testing/rolloutPageFixtures',
    );
    return (
      <div role="dialog" aria-label="Rollout form">
        <button onClick={() => props.onSaved(saved)}>Save</button>
      </div>
    );
  },
}));

jest.mock('recharts', () =>
  require('../__testUtils__/fixedSizeCharts').recharts(),
);

// material-table is slow in jsdom
jest.setTimeout(30_000);

const ROLLOUTS = '/case-studies/rollouts';

const withRollouts = (...rollouts: Rollout[]) =>
  mockCaseStudiesApi({
    listRollouts: jest.fn().mockResolvedValue({ rollouts }),
  });

/** The list's row of a rollout, by its title. */
async function rolloutRow(title: string) {
  const table = await tableWithColumn('Created by');
  const row = within(table)
    .getAllByRole('row')
    .find(r => within(r).queryByRole('link', { name: title }));
  if (!row) throw new Error(`no row ${title}`);
  return row;
}

describe('the Rollouts tab', () => {
  it('lists the active rollouts with their progress and due dates, linked to their pages', async () => {
    const api = await renderCaseStudiesPage(
      ROLLOUTS,
      withRollouts(idempotencyRollout, dashboardsRollout),
    );
    expect(
      await screen.findByRole('tab', { name: 'Rollouts' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(api.listRollouts).toHaveBeenCalledWith({ state: 'active' });

    const idempotency = await rolloutRow('Idempotency keys everywhere');
    expect(
      within(idempotency).getByRole('link', {
        name: 'Idempotency keys everywhere',
      }),
    ).toHaveAttribute('href', '/case-studies/rollouts/r-idempotency');
    // one of three counted pairs done; the due date has passed
    expect(
      await within(idempotency).findByRole('progressbar', {
        name: 'Idempotency keys everywhere: 33% done',
      }),
    ).toHaveAttribute('aria-valuenow', '33');
    expect(idempotency).toHaveTextContent('33%');
    expect(idempotency).toHaveTextContent('Mar 31, 2026');
    expect(within(idempotency).getByText('Overdue')).toBeInTheDocument();
    expect(idempotency).toHaveTextContent('Active');
    expect(idempotency).toHaveTextContent('pat');

    const dashboards = await rolloutRow('Deployment dashboards');
    expect(dashboards).toHaveTextContent('Dec 31, 2099');
    expect(within(dashboards).queryByText('Overdue')).not.toBeInTheDocument();
    expect(
      within(dashboards).getByRole('progressbar', {
        name: 'Deployment dashboards: 100% done',
      }),
    ).toBeInTheDocument();

    expect(api.getRolloutProgress).toHaveBeenCalledWith('r-idempotency');
    expect(api.getRolloutProgress).toHaveBeenCalledWith('r-dashboards');
  });

  it('shows a dash for a rollout whose progress fails, and the rest of the list', async () => {
    const api = withRollouts(idempotencyRollout, dashboardsRollout);
    api.getRolloutProgress.mockImplementation(async id => {
      throw await responseError(500, {
        error: { name: 'Error', message: `progress of ${id} failed` },
      });
    });
    await renderCaseStudiesPage(ROLLOUTS, api);

    const dashboards = await rolloutRow('Deployment dashboards');
    expect(
      await within(dashboards).findByLabelText('Progress could not be loaded'),
    ).toHaveTextContent('—');
    expect(await rolloutRow('Idempotency keys everywhere')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('asks for the rollouts of the state picked, or of every state', async () => {
    const api = await renderCaseStudiesPage(
      ROLLOUTS,
      withRollouts(idempotencyRollout),
    );
    await rolloutRow('Idempotency keys everywhere');

    api.listRollouts.mockResolvedValue({
      rollouts: [{ ...chaosRollout, state: 'done' }],
    });
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'State' }),
      'Done',
    );
    expect(await rolloutRow('Chaos days')).toHaveTextContent('Done');
    expect(api.listRollouts).toHaveBeenLastCalledWith({ state: 'done' });

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'State' }),
      'All states',
    );
    await waitFor(() => expect(api.listRollouts).toHaveBeenLastCalledWith({}));
  });

  it('tells platform engineers how to start a rollout when there is none', async () => {
    await renderCaseStudiesPage(ROLLOUTS, withRollouts(), {
      permission: AuthorizeResult.ALLOW,
    });
    expect(await screen.findByText('No active rollouts')).toBeInTheDocument();
    expect(screen.getByText(/Start one with New rollout/)).toBeInTheDocument();
  });

  it('offers New rollout to platform-group members, and opens the saved rollout', async () => {
    const api = withRollouts(idempotencyRollout);
    api.getRollout.mockResolvedValue(chaosRolloutResponse);
    await renderCaseStudiesPage(ROLLOUTS, api, {
      permission: AuthorizeResult.ALLOW,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New rollout' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Rollout form' })).getByRole(
        'button',
        { name: 'Save' },
      ),
    );
    expect(
      await screen.findByRole('heading', { name: 'Chaos days' }),
    ).toBeInTheDocument();
    expect(api.getRollout).toHaveBeenCalledWith('r-chaos');
  });

  it('hides New rollout from everyone else', async () => {
    await renderCaseStudiesPage(ROLLOUTS, withRollouts(idempotencyRollout), {
      permission: AuthorizeResult.DENY,
    });
    await rolloutRow('Idempotency keys everywhere');
    expect(
      screen.queryByRole('button', { name: 'New rollout' }),
    ).not.toBeInTheDocument();
  });
});
