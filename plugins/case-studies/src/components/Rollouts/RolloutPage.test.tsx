import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Rollout } from '@case-studies/plugin-case-studies-common';
import {
  dashboardsRollout,
  idempotencyRolloutResponse,
  mockCaseStudiesApi,
  responseError,
} from '../../testing/fixtures';
import {
  chaosProgress,
  chaosRolloutResponse,
  rolloutKnowledge,
} from '../../testing/rolloutPageFixtures';
import { renderCaseStudiesPage } from '../__testUtils__/renderCaseStudiesPage';
import { tableWithColumn } from '../__testUtils__/tables';

// the form is another component's; here it only has to say what it saved
jest.mock('./RolloutFormDialog', () => ({
  RolloutFormDialog: (props: {
    open: boolean;
    rollout?: Rollout;
    onSaved: (rollout: Rollout) => void;
  }) =>
    props.open ? (
      <div role="dialog" aria-label={`Edit ${props.rollout?.title}`}>
        <button onClick={() => props.onSaved(props.rollout!)}>Save</button>
      </div>
    ) : null,
}));

jest.mock('recharts', () =>
  require('../__testUtils__/fixedSizeCharts').recharts(),
);

// material-table and the chart are slow in jsdom
jest.setTimeout(30_000);

const pageOf = (id: string) => `/case-studies/rollouts/${id}`;

const api = (overrides: Parameters<typeof mockCaseStudiesApi>[0] = {}) =>
  mockCaseStudiesApi({
    getKnowledge: jest.fn().mockResolvedValue(rolloutKnowledge),
    ...overrides,
  });

const chaosApi = () =>
  api({
    getRollout: jest.fn().mockResolvedValue(chaosRolloutResponse),
    getRolloutProgress: jest.fn().mockResolvedValue(chaosProgress),
  });

/** The entities still open, by name, in the order shown. */
const openEntityNames = async () => {
  const list = await screen.findByRole('list', {
    name: 'Entities still open',
  });
  return within(list)
    .getAllByRole('heading')
    .map(heading => heading.textContent);
};

describe('a rollout’s page', () => {
  it('opens at the reminders’ address with what the rollout asks, of whom, by when', async () => {
    const calls = await renderCaseStudiesPage(pageOf('r-idempotency'), api());
    expect(
      await screen.findByRole('heading', {
        name: 'Idempotency keys everywhere',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Rollouts' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(calls.getRollout).toHaveBeenCalledWith('r-idempotency');
    expect(
      screen.getByText('Every payments service adopts idempotency keys.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Mar 1, 2026 – due Mar 31, 2026'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Entities of kind component, in system payments'),
    ).toBeInTheDocument();
    const items = screen.getByRole('list', { name: 'Items asked for' });
    expect(
      await within(items).findByText('Idempotency keys on POST'),
    ).toBeInTheDocument();
    expect(
      within(items).getByText(
        'Chaos experiment with a steady-state hypothesis',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '← All rollouts' }),
    ).toHaveAttribute('href', '/case-studies/rollouts');
  });

  it('says the target in words with every field that narrows it', async () => {
    await renderCaseStudiesPage(pageOf('r-chaos'), chaosApi());
    expect(
      await screen.findByText(
        'Entities of kind component or resource, tagged tier-1 and public',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Exemptions count once a platform-group member approves them/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the totals and the progress of each team, linked to its tab', async () => {
    await renderCaseStudiesPage(pageOf('r-idempotency'), api());
    expect(
      await screen.findByRole('progressbar', {
        name: 'Rollout progress: 33% done',
      }),
    ).toBeInTheDocument();
    const figures = screen.getByLabelText('Items by status');
    expect(figures).toHaveTextContent(
      'Entities2Done1In progress1To do1Exempted1Overdue2',
    );

    const teams = await tableWithColumn('Team');
    const rows = within(teams).getAllByRole('row').slice(1);
    expect(
      rows.map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      ),
    ).toEqual([
      ['payments-team', '1', '0', '1', '1', '0', '2', '0%'],
      ['web-team', '1', '1', '0', '0', '1', '0', '100%'],
    ]);
    expect(
      within(rows[0]).getByRole('link', { name: 'payments-team' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team/case-studies',
    );
  });

  it('lists the entities still open, overdue ones first, then by fewest done', async () => {
    await renderCaseStudiesPage(pageOf('r-chaos'), chaosApi());
    expect(await openEntityNames()).toEqual([
      'ledger-service',
      'billing-api',
      'fraud-checker',
    ]);
    const ledger = screen.getByRole('listitem', { name: 'ledger-service' });
    expect(
      within(ledger).getByRole('link', { name: 'ledger-service' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-service/case-studies',
    );
    expect(ledger).toHaveTextContent('payments-team · 0 of 2 done · 2 overdue');
    expect(ledger).toHaveTextContent('Idempotency keys on POST: In progress');
    expect(within(ledger).getAllByText('Overdue')).toHaveLength(2);

    // only its open items: the one done is not listed
    const billing = screen.getByRole('listitem', { name: 'billing-api' });
    expect(billing).toHaveTextContent(
      'Chaos experiment with a steady-state hypothesis: To do (exemption awaiting approval)',
    );
    expect(billing).not.toHaveTextContent('Idempotency keys on POST');
    expect(
      screen.getByRole('listitem', { name: 'fraud-checker' }),
    ).toHaveTextContent('No owner');
  });

  it('leaves out entities that are done, and lists those that left the target apart', async () => {
    await renderCaseStudiesPage(pageOf('r-idempotency'), api());
    // checkout-web is done or exempted everywhere; refunds-worker left
    expect(await openEntityNames()).toEqual(['ledger-service']);
    const left = screen.getByRole('list', {
      name: 'Entities that left the target',
    });
    expect(left).toHaveTextContent('refunds-worker left on Mar 20, 2026');
    expect(
      within(left).getByRole('link', { name: 'refunds-worker' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/refunds-worker/case-studies',
    );
  });

  it('approves an exemption awaiting approval, then shows the progress anew', async () => {
    const calls = chaosApi();
    await renderCaseStudiesPage(pageOf('r-chaos'), calls, {
      permission: AuthorizeResult.ALLOW,
    });
    const approve = await screen.findByRole('button', {
      name: 'Approve exemption: Chaos experiment with a steady-state hypothesis on billing-api',
    });
    // the other items have no exemption to approve
    expect(
      screen.getAllByRole('button', { name: /^Approve exemption/ }),
    ).toHaveLength(1);

    calls.getRolloutProgress.mockResolvedValue({
      ...chaosProgress,
      entities: chaosProgress.entities.filter(
        e => e.entityRef !== 'component:default/billing-api',
      ),
    });
    await userEvent.click(approve);
    expect(calls.approveExemption).toHaveBeenCalledWith(
      'r-chaos',
      'component:default/billing-api',
      'chaos-experiments',
    );
    await waitFor(() =>
      expect(openEntityNames()).resolves.toEqual([
        'ledger-service',
        'fraud-checker',
      ]),
    );
    expect(calls.getRolloutProgress).toHaveBeenCalledTimes(2);
  });

  it('says why an approval failed and keeps the button', async () => {
    const calls = chaosApi();
    calls.approveExemption.mockRejectedValue(
      new Error('not a platform member'),
    );
    const alertApi = { post: jest.fn(), alert$: jest.fn() };
    await renderCaseStudiesPage(pageOf('r-chaos'), calls, {
      permission: AuthorizeResult.ALLOW,
      alertApi,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /^Approve exemption/ }),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'Could not approve the exemption: not a platform member',
          severity: 'error',
        }),
      ),
    );
    expect(
      screen.getByRole('button', { name: /^Approve exemption/ }),
    ).toBeEnabled();
    expect(calls.getRolloutProgress).toHaveBeenCalledTimes(1);
  });

  it('shows neither Approve nor Edit to those who may not manage rollouts', async () => {
    await renderCaseStudiesPage(pageOf('r-chaos'), chaosApi(), {
      permission: AuthorizeResult.DENY,
    });
    const billing = await screen.findByRole('listitem', {
      name: 'billing-api',
    });
    expect(billing).toHaveTextContent('exemption awaiting approval');
    expect(
      screen.queryByRole('button', { name: /Approve exemption/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
  });

  it('lets a manager edit the rollout, and reads it again once saved', async () => {
    const calls = await renderCaseStudiesPage(pageOf('r-idempotency'), api(), {
      permission: AuthorizeResult.ALLOW,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Edit Idempotency keys everywhere',
    });
    calls.getRollout.mockResolvedValue({
      ...idempotencyRolloutResponse,
      rollout: { ...idempotencyRolloutResponse.rollout, title: 'Renamed' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByRole('heading', { name: 'Renamed' }),
    ).toBeInTheDocument();
    expect(calls.getRollout).toHaveBeenCalledTimes(2);
  });

  it('draws the burn-up with done and total, and says it in words', async () => {
    await renderCaseStudiesPage(pageOf('r-idempotency'), api());
    const chart = await screen.findByRole('figure', {
      name: 'Burn-up: done and total per day',
    });
    expect(chart).toHaveTextContent(
      'Done: 0 of 4 on Mar 1, 2026 → 1 of 3 on Apr 15, 2026',
    );
    await waitFor(() =>
      expect(chart.querySelector('.recharts-legend-wrapper')).not.toBeNull(),
    );
    expect(
      [...chart.querySelectorAll('.recharts-legend-item-text')].map(
        item => item.textContent,
      ),
    ).toEqual(['Total', 'Done']);
  });

  it('shows who changed what and when, newest first', async () => {
    await renderCaseStudiesPage(pageOf('r-idempotency'), api());
    const history = await screen.findByRole('list', {
      name: 'Changes, newest first',
    });
    // each entry lists its changes in a list of its own
    const entries = within(history)
      .getAllByRole('listitem')
      .filter(item => item.parentElement === history);
    expect(entries.map(entry => entry.textContent)).toEqual([
      'pat changed it on Mar 1, 2026 (version 3)State: Draft → Active',
      'pat created the rollout on Feb 20, 2026 (version 1)Title: Idempotency keys everywhere',
    ]);
  });

  it('says there is no such rollout for an unknown id', async () => {
    const notFound = await responseError(404, {
      error: { name: 'NotFoundError', message: 'No rollout r-nope' },
    });
    await renderCaseStudiesPage(
      pageOf('r-nope'),
      api({
        getRollout: jest.fn().mockRejectedValue(notFound),
        getRolloutProgress: jest.fn().mockRejectedValue(notFound),
      }),
    );
    expect(await screen.findByText('No rollout r-nope')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Rollouts' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      screen.getByRole('link', { name: '← All rollouts' }),
    ).toBeInTheDocument();
  });

  it('still shows the rollout when its progress fails', async () => {
    await renderCaseStudiesPage(
      pageOf('r-dashboards'),
      api({
        getRollout: jest
          .fn()
          .mockResolvedValue({ rollout: dashboardsRollout, history: [] }),
        getRolloutProgress: jest
          .fn()
          .mockRejectedValue(new Error('catalog unavailable')),
      }),
    );
    expect(
      await screen.findByText(
        "Could not load the rollout's progress: catalog unavailable",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Deployment dashboards' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
