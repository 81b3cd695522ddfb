import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import type { Rollout } from '@case-studies/plugin-case-studies-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { CaseStudiesApi, caseStudiesApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { EntityCaseStudiesContent } from '../EntityCaseStudiesContent';
import { tableWithColumn } from '../__testUtils__/tables';
import {
  aliceEntity,
  checkoutWeb,
  emptyRollup,
  ledgerService,
  mockCaseStudiesApi,
  moneyDomainEntity,
  paymentsApi,
  paymentsSystemEntity,
  paymentsSystemGuidance,
  paymentsSystemRollup,
  paymentsTeamEntity,
  paymentsTeamOwnRollup,
  paymentsTeamRollup,
  refundsWorker,
  scorecardsPathOf,
} from '../../testing/fixtures';
import {
  hardeningRollout,
  rolloutKnowledge,
  searchOnlyRollout,
  teamDashboardsRollout,
  teamRolloutProgressById,
} from '../../testing/teamRolloutFixtures';

// material-table and the guidance view are slow in jsdom
jest.setTimeout(30_000);

async function renderTab(
  options: {
    api?: jest.Mocked<CaseStudiesApi>;
    entity?: Entity;
    /** whether the app has the standalone page, at /case-studies */
    withPage?: boolean;
  } = {},
) {
  const api = options.api ?? mockCaseStudiesApi();
  await renderInTestApp(
    <TestApiProvider apis={[[caseStudiesApiRef, api]]}>
      <EntityProvider entity={options.entity ?? paymentsTeamEntity}>
        <EntityCaseStudiesContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.withPage ? { '/case-studies': rootRouteRef } : {}),
      },
    },
  );
  return api;
}

/** The entities table: the one with a "Top warning" column. */
const entitiesTable = () => tableWithColumn('Top warning');

/** The rows of the entities table, by the name each links to. */
async function entityNames() {
  const table = await entitiesTable();
  return within(table)
    .getAllByRole('row')
    .flatMap(row => within(row).queryAllByRole('link').slice(0, 1))
    .map(link => link.textContent);
}

const entityRow = async (name: string) => {
  const link = within(await entitiesTable()).getByRole('link', { name });
  return link.closest('tr') as HTMLElement;
};

const groupRef = {
  kind: 'Group',
  namespace: 'default',
  name: 'payments-team',
};

describe('the roll-up on a group page', () => {
  it('lists every entity with its score, level, team, progress and top warning, linked to its tab', async () => {
    const api = await renderTab();
    expect(await entityNames()).toHaveLength(4);

    const checkout = await entityRow('Checkout web');
    expect(
      within(checkout).getByRole('link', { name: 'Checkout web' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-web/case-studies',
    );
    expect(
      within(checkout).getByText('Component · website'),
    ).toBeInTheDocument();
    expect(within(checkout).getByText('Payments team')).toBeInTheDocument();
    expect(within(checkout).getByText('60')).toBeInTheDocument();
    expect(
      within(checkout).getByLabelText('Level: Silver'),
    ).toBeInTheDocument();
    expect(
      within(checkout).getByRole('progressbar', {
        name: 'Checkout web: 3 of 5 done',
      }),
    ).toBeInTheDocument();
    expect(checkout).toHaveTextContent('HIGH · Calls without circuit breakers');

    const ledger = await entityRow('ledger-service');
    expect(within(ledger).getByText('Ledger squad')).toBeInTheDocument();
    expect(within(ledger).getByText('25')).toBeInTheDocument();
    expect(within(ledger).getByLabelText('Level: Bronze')).toBeInTheDocument();
    expect(ledger).toHaveTextContent(
      'CRITICAL · Microservices sharing strongly consistent data',
    );

    const refunds = await entityRow('refunds-worker');
    expect(
      within(refunds).getByLabelText('Level: No level yet'),
    ).toBeInTheDocument();
    expect(within(refunds).getByText('none')).toBeInTheDocument();

    // the whole team, with sub-teams, read in pages of the largest size
    expect(api.getProgress).toHaveBeenCalledWith(groupRef, {
      recursive: true,
      limit: 500,
    });
    // a team's page is not service guidance for the team itself
    expect(api.getGuidance).not.toHaveBeenCalled();
    expect(
      screen.queryByText('Companies like this service'),
    ).not.toBeInTheDocument();
  });

  it('lists the weakest first and sorts by the column clicked', async () => {
    await renderTab();
    expect(await entityNames()).toEqual([
      'refunds-worker',
      'ledger-service',
      'Checkout web',
      'payments-api',
    ]);
    const table = await entitiesTable();

    await userEvent.click(within(table).getByText('Entity'));
    expect(await entityNames()).toEqual([
      'Checkout web',
      'ledger-service',
      'payments-api',
      'refunds-worker',
    ]);

    // most severe warning first: critical, high, medium, then none
    await userEvent.click(within(table).getByText('Top warning'));
    expect(await entityNames()).toEqual([
      'ledger-service',
      'Checkout web',
      'payments-api',
      'refunds-worker',
    ]);

    // a second click on a column turns its order around
    await userEvent.click(within(table).getByText('Score'));
    await userEvent.click(within(table).getByText('Score'));
    expect(await entityNames()).toEqual([
      'payments-api',
      'Checkout web',
      'ledger-service',
      'refunds-worker',
    ]);
  });

  it('sums up the team: mean and median score, entities, completion, warnings and levels', async () => {
    await renderTab();
    await screen.findByText('Team progress');
    /** The figure shown under a label of the summary. */
    const figure = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling
        ?.textContent;
    expect(figure('Mean score')).toBe('45');
    expect(figure('Median score')).toBe('42.5');
    expect(figure('Entities')).toBe('4');
    expect(figure('Completion')).toBe('52%');
    expect(figure('Warnings')).toBe('1 critical, 1 high, 2 medium');
    expect(screen.getByText('10/19 applicable items done')).toBeInTheDocument();

    expect(
      screen.getByRole('img', {
        name: 'Levels: 1 gold, 1 silver, 1 bronze, 1 no level yet',
      }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Level distribution' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Gold: 1', 'Silver: 1', 'Bronze: 1', 'No level yet: 1']);
  });

  it('shows completion by category and the weakest items across the team', async () => {
    await renderTab();
    expect(
      await screen.findByRole('listitem', {
        name: 'DORA metrics: 6 of 7 done',
      }),
    ).toHaveTextContent('DORA metrics6/7 (85%)');
    expect(
      screen.getByRole('listitem', { name: 'Resilience: 0 of 4 done' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('listitem', {
        name: 'Postmortem practice: 3 of 4 done',
      }),
    ).toBeInTheDocument();

    const weakest = within(
      screen.getByRole('list', { name: 'Weakest items' }),
    ).getAllByRole('listitem');
    expect(weakest.map(item => item.textContent)).toEqual([
      'Chaos experiment with a steady-state hypothesisopen on 4 of 4 · Resilience',
      'Idempotency keys on POSTopen on 3 of 4 · Practices',
      'Lead time for changes is measuredopen on 1 of 3 · DORA metrics',
      'Postmortems follow a templateopen on 1 of 4 · Postmortem practice',
    ]);
  });

  it('breaks the team down into its sub-teams', async () => {
    await renderTab();
    await screen.findByText('What each team owns directly');
    const payments = screen
      .getAllByRole('link', { name: 'Payments team' })
      .find(link => link.closest('tr')?.textContent?.includes('72.5'));
    expect(payments).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team/case-studies',
    );
    expect(payments!.closest('tr')).toHaveTextContent(
      'Payments team272.51 gold, 1 silver',
    );
    const squad = screen
      .getAllByRole('link', { name: 'Ledger squad' })
      .find(link => link.closest('tr')?.textContent?.includes('17.5'));
    expect(squad!.closest('tr')).toHaveTextContent(
      'Ledger squad217.51 bronze, 1 no level yet',
    );
  });

  it('links to the scorecard report filtered to the team, when the app has the page', async () => {
    await renderTab({ withPage: true });
    expect(
      await screen.findByRole('link', { name: 'Open in scorecards' }),
    ).toHaveAttribute(
      'href',
      scorecardsPathOf('owner', 'group:default/payments-team'),
    );
  });

  it('leaves the link to the scorecards out when the app has no page for them', async () => {
    await renderTab();
    await screen.findByText('Team progress');
    expect(
      screen.queryByRole('link', { name: 'Open in scorecards' }),
    ).not.toBeInTheDocument();
  });

  it('leaves the sub-teams out when asked, reading the roll-up again', async () => {
    const api = mockCaseStudiesApi();
    api.getProgress.mockImplementation(async (_ref, options) =>
      options?.recursive === false ? paymentsTeamOwnRollup : paymentsTeamRollup,
    );
    await renderTab({ api });
    expect(await entityNames()).toHaveLength(4);
    const toggle = screen.getByRole('checkbox', { name: 'Include sub-teams' });
    expect(toggle).toBeChecked();

    await userEvent.click(toggle);
    expect(api.getProgress).toHaveBeenLastCalledWith(groupRef, {
      recursive: false,
      limit: 500,
    });
    await waitFor(async () =>
      expect(await entityNames()).toEqual(['Checkout web', 'payments-api']),
    );
    expect(
      screen.getByRole('checkbox', { name: 'Include sub-teams' }),
    ).not.toBeChecked();
    expect(
      screen.queryByRole('link', { name: 'Ledger squad' }),
    ).not.toBeInTheDocument();
  });

  it('reads every page of a large team, with the sub-teams of the first', async () => {
    const api = mockCaseStudiesApi();
    const { teams: _sameOnEveryPage, ...laterPage } = paymentsTeamRollup;
    api.getProgress
      .mockResolvedValueOnce({
        ...paymentsTeamRollup,
        entities: [checkoutWeb, ledgerService],
        nextCursor: 'page-2',
      })
      .mockResolvedValueOnce({
        ...laterPage,
        entities: [paymentsApi, refundsWorker],
      });
    await renderTab({ api });
    await screen.findByText('What each team owns directly');
    expect(
      screen.getAllByRole('link', { name: 'Ledger squad' }).length,
    ).toBeGreaterThan(0);
    expect(await entityNames()).toEqual([
      'refunds-worker',
      'ledger-service',
      'Checkout web',
      'payments-api',
    ]);
    expect(api.getProgress).toHaveBeenCalledTimes(2);
    expect(api.getProgress).toHaveBeenLastCalledWith(groupRef, {
      recursive: true,
      limit: 500,
      cursor: 'page-2',
    });
  });

  it('says so when the team owns nothing yet', async () => {
    const api = mockCaseStudiesApi({
      getProgress: jest
        .fn()
        .mockResolvedValue(emptyRollup('group:default/payments-team')),
    });
    await renderTab({ api });
    expect(
      await screen.findByText('This team owns no entities yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Top warning')).not.toBeInTheDocument();
    // the toggle stays, to include sub-teams again
    expect(
      screen.getByRole('checkbox', { name: 'Include sub-teams' }),
    ).toBeInTheDocument();
  });

  it('explains a failed load and loads again on retry', async () => {
    const api = mockCaseStudiesApi();
    api.getProgress
      .mockRejectedValueOnce(new Error('catalog is unavailable'))
      .mockResolvedValueOnce(paymentsTeamRollup);
    await renderTab({ api });
    expect(
      await screen.findByText(/could not load the progress of this group/i),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await entityNames()).toHaveLength(4);
  });
});

describe('the roll-up on system, domain and user pages', () => {
  it('shows a system its components and, below, its own architecture guidance', async () => {
    const api = mockCaseStudiesApi({
      getProgress: jest.fn().mockResolvedValue(paymentsSystemRollup),
      getGuidance: jest.fn().mockResolvedValue(paymentsSystemGuidance),
    });
    await renderTab({ api, entity: paymentsSystemEntity, withPage: true });

    expect(await screen.findByText('System progress')).toBeInTheDocument();
    expect(await entityNames()).toEqual(['ledger-service', 'payments-api']);
    expect(
      screen.getByRole('link', { name: 'Open in scorecards' }),
    ).toHaveAttribute(
      'href',
      scorecardsPathOf('system', 'system:default/payments'),
    );
    expect(api.getProgress).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'payments' },
      { limit: 500 },
    );
    // no team breakdown and no sub-team toggle on a system
    expect(
      screen.queryByText('What each team owns directly'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: 'Include sub-teams' }),
    ).not.toBeInTheDocument();

    const guidance = screen.getByRole('region', {
      name: 'Architecture guidance for this system as a whole',
    });
    expect(
      within(guidance).getByRole('heading', {
        name: 'Architecture guidance for this system as a whole',
      }),
    ).toBeInTheDocument();
    expect(
      await within(guidance).findByText('Companies like this service'),
    ).toBeInTheDocument();
    expect(within(guidance).getByText('1. Stripe')).toBeInTheDocument();
    expect(
      within(guidance).getByRole('region', {
        name: 'critical warning: Microservices sharing strongly consistent data',
      }),
    ).toBeInTheDocument();
    expect(api.getGuidance).toHaveBeenCalledWith({
      kind: 'System',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('keeps a system its guidance when it has no components yet', async () => {
    const api = mockCaseStudiesApi({
      getProgress: jest
        .fn()
        .mockResolvedValue(emptyRollup('system:default/payments')),
      getGuidance: jest.fn().mockResolvedValue(paymentsSystemGuidance),
    });
    await renderTab({ api, entity: paymentsSystemEntity });
    expect(
      await screen.findByText('This system has no components or resources yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Companies like this service'),
    ).toBeInTheDocument();
  });

  it('shows a domain its roll-up and its guidance as a whole', async () => {
    const api = mockCaseStudiesApi({
      getProgress: jest.fn().mockResolvedValue({
        ...paymentsSystemRollup,
        scope: 'domain',
        entityRef: 'domain:default/money',
      }),
      getGuidance: jest.fn().mockResolvedValue(paymentsSystemGuidance),
    });
    await renderTab({ api, entity: moneyDomainEntity, withPage: true });
    expect(await screen.findByText('Domain progress')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open in scorecards' }),
    ).toHaveAttribute(
      'href',
      scorecardsPathOf('domain', 'domain:default/money'),
    );
    expect(
      screen.getByRole('heading', {
        name: 'Architecture guidance for this domain as a whole',
      }),
    ).toBeInTheDocument();
    expect(api.getProgress).toHaveBeenCalledWith(
      { kind: 'Domain', namespace: 'default', name: 'money' },
      { limit: 500 },
    );
  });

  it("shows a user the roll-up of the user's teams, without service guidance", async () => {
    const api = await renderTab({ entity: aliceEntity, withPage: true });
    expect(
      await screen.findByText('Progress of this user’s teams'),
    ).toBeInTheDocument();
    // a user's teams are many rows of the report, not one
    expect(
      screen.queryByRole('link', { name: 'Open in scorecards' }),
    ).not.toBeInTheDocument();
    expect(await entityNames()).toHaveLength(4);
    expect(
      await screen.findByText('What each team owns directly'),
    ).toBeInTheDocument();
    expect(api.getProgress).toHaveBeenCalledWith(
      { kind: 'User', namespace: 'default', name: 'alice' },
      { limit: 500 },
    );
    expect(api.getGuidance).not.toHaveBeenCalled();
    expect(
      screen.queryByRole('checkbox', { name: 'Include sub-teams' }),
    ).not.toBeInTheDocument();
  });
});

describe('the open rollout items of a roll-up', () => {
  /** An API whose active rollouts are these, newest first, with their progress. */
  const apiWithRollouts = (
    rollouts: Rollout[],
    overrides: Partial<jest.Mocked<CaseStudiesApi>> = {},
  ) =>
    mockCaseStudiesApi({
      getKnowledge: jest.fn().mockResolvedValue(rolloutKnowledge),
      listRollouts: jest.fn().mockResolvedValue({ rollouts }),
      getRolloutProgress: jest
        .fn()
        .mockImplementation(async (id: string) => teamRolloutProgressById[id]),
      ...overrides,
    });

  const openItemsTable = () =>
    screen.findByRole('table', { name: 'Open rollout items' });

  /** Each row of the card as the text of its cells. */
  async function openItemRows() {
    const rows = within(await openItemsTable())
      .getAllByRole('row')
      .slice(1);
    return rows.map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
  }

  /** The card itself, found by its title. */
  const openItemsCard = async () =>
    (
      await screen.findByText('Open rollout items', { selector: 'span' })
    ).closest('.MuiCard-root') as HTMLElement;

  it('lists what the team and its sub-teams still owe, overdue first, with links', async () => {
    const api = apiWithRollouts([teamDashboardsRollout, hardeningRollout]);
    await renderTab({ api, withPage: true });

    await waitFor(async () =>
      expect(await openItemRows()).toEqual([
        [
          'Checkout web',
          'Chaos experiment with a steady-state hypothesis',
          'In progress',
          'Payments hardening',
          'Mar 31, 2026Overdue',
        ],
        [
          'ledger-service',
          'Idempotency keys on POST',
          'To do',
          'Payments hardening',
          'Mar 31, 2026Overdue',
        ],
        [
          'ledger-service',
          'Chaos experiment with a steady-state hypothesis',
          'To do (exemption awaiting approval)',
          'Payments hardening',
          'Mar 31, 2026Overdue',
        ],
        // an item the knowledge base does not know shows its id
        [
          'payments-api',
          'dora-deployment-frequency',
          'To do',
          'Deployment dashboards',
          'Dec 31, 2099',
        ],
      ]),
    );
    const table = await openItemsTable();
    expect(
      within(table).getAllByRole('link', { name: 'Checkout web' })[0],
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-web/case-studies',
    );
    expect(
      within(table).getAllByRole('link', { name: 'Payments hardening' })[0],
    ).toHaveAttribute('href', '/case-studies/rollouts/r-hardening');
    expect(
      within(table).getByRole('link', { name: 'Deployment dashboards' }),
    ).toHaveAttribute('href', '/case-studies/rollouts/r-team-dashboards');
    expect(
      within(await openItemsCard()).getByText(
        '4 open, 3 overdue, in 2 active rollouts',
      ),
    ).toBeInTheDocument();

    // another team's entity, and one that left the target, are not listed
    expect(within(table).queryByText('Search API')).not.toBeInTheDocument();
    expect(within(table).queryByText('refunds-worker')).not.toBeInTheDocument();

    // every active rollout, not only those of what the team owns directly
    expect(api.listRollouts).toHaveBeenCalledWith({ state: 'active' });
    expect(api.getRolloutProgress).toHaveBeenCalledWith('r-hardening');
    expect(api.getRolloutProgress).toHaveBeenCalledWith('r-team-dashboards');
  });

  it('shows rollout titles without links when the app has no rollout page', async () => {
    await renderTab({ api: apiWithRollouts([hardeningRollout]) });
    const table = await openItemsTable();
    expect(
      (await within(table).findAllByText('Payments hardening')).length,
    ).toBe(3);
    expect(
      within(table).queryByRole('link', { name: 'Payments hardening' }),
    ).not.toBeInTheDocument();
    // the entity still links to its tab
    expect(
      within(table).getByRole('link', { name: 'Checkout web' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-web/case-studies',
    );
  });

  it('leaves the sub-teams out with the switch, without reading the rollouts again', async () => {
    const api = apiWithRollouts([teamDashboardsRollout, hardeningRollout]);
    api.getProgress.mockImplementation(async (_ref, options) =>
      options?.recursive === false ? paymentsTeamOwnRollup : paymentsTeamRollup,
    );
    await renderTab({ api });
    await waitFor(async () => expect(await openItemRows()).toHaveLength(4));

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Include sub-teams' }),
    );
    await waitFor(async () =>
      expect((await openItemRows()).map(row => row[0])).toEqual([
        'Checkout web',
        'payments-api',
      ]),
    );
    expect(api.listRollouts).toHaveBeenCalledTimes(1);
  });

  it("lists a system's own entities only", async () => {
    const api = apiWithRollouts([hardeningRollout], {
      getProgress: jest.fn().mockResolvedValue(paymentsSystemRollup),
      getGuidance: jest.fn().mockResolvedValue(paymentsSystemGuidance),
    });
    await renderTab({ api, entity: paymentsSystemEntity });
    await waitFor(async () =>
      expect((await openItemRows()).map(row => row.slice(0, 2))).toEqual([
        ['ledger-service', 'Idempotency keys on POST'],
        ['ledger-service', 'Chaos experiment with a steady-state hypothesis'],
      ]),
    );
  });

  it('shows no card when no rollout is active', async () => {
    const api = await renderTab();
    expect(await entityNames()).toHaveLength(4);
    await waitFor(() => expect(api.listRollouts).toHaveBeenCalled());
    expect(screen.queryByText('Open rollout items')).not.toBeInTheDocument();
  });

  it('shows no card when the active rollouts target nothing here', async () => {
    const api = apiWithRollouts([searchOnlyRollout]);
    await renderTab({ api });
    expect(await entityNames()).toHaveLength(4);
    await waitFor(() =>
      expect(api.getRolloutProgress).toHaveBeenCalledWith('r-search'),
    );
    await waitFor(() =>
      expect(screen.queryByText('Open rollout items')).not.toBeInTheDocument(),
    );
  });

  it('says so when every item asked for here is done', async () => {
    const api = apiWithRollouts([teamDashboardsRollout], {
      getProgress: jest.fn().mockResolvedValue(paymentsSystemRollup),
      getGuidance: jest.fn().mockResolvedValue(paymentsSystemGuidance),
    });
    api.getRolloutProgress.mockResolvedValue({
      ...teamRolloutProgressById['r-team-dashboards'],
      entities: teamRolloutProgressById['r-team-dashboards'].entities.filter(
        e => e.entityRef === 'component:default/ledger-service',
      ),
    });
    await renderTab({ api, entity: paymentsSystemEntity });
    const card = await openItemsCard();
    expect(
      await within(card).findByText(/Nothing is open/),
    ).toBeInTheDocument();
    expect(within(card).queryByRole('table')).not.toBeInTheDocument();
  });

  it("warns in the card when a rollout's progress fails, and the roll-up still shows", async () => {
    const api = apiWithRollouts([teamDashboardsRollout, hardeningRollout]);
    api.getRolloutProgress.mockImplementation(async (id: string) => {
      if (id === 'r-hardening') throw new Error('progress is unavailable');
      return teamRolloutProgressById[id];
    });
    await renderTab({ api });

    const card = await openItemsCard();
    expect(
      await within(card).findByText(
        'Could not load the progress of “Payments hardening”: progress is unavailable',
      ),
    ).toBeInTheDocument();
    // the rollout that loaded still lists its item, and the roll-up is whole
    expect((await openItemRows()).map(row => row[3])).toEqual([
      'Deployment dashboards',
    ]);
    expect(await entityNames()).toHaveLength(4);
    expect(screen.getByText('Team progress')).toBeInTheDocument();

    api.getRolloutProgress.mockImplementation(
      async (id: string) => teamRolloutProgressById[id],
    );
    await userEvent.click(
      within(card).getByRole('button', { name: 'Try again' }),
    );
    await waitFor(async () => expect(await openItemRows()).toHaveLength(4));
    expect(
      screen.queryByText(/Could not load the progress of/),
    ).not.toBeInTheDocument();
  });

  it('warns in the card when the rollouts cannot be listed', async () => {
    const api = apiWithRollouts([], {
      listRollouts: jest
        .fn()
        .mockRejectedValue(new Error('rollouts are unavailable')),
    });
    await renderTab({ api });
    const card = await openItemsCard();
    expect(
      await within(card).findByText(
        'Could not load the rollouts: rollouts are unavailable',
      ),
    ).toBeInTheDocument();
    expect(await entityNames()).toHaveLength(4);
  });
});
