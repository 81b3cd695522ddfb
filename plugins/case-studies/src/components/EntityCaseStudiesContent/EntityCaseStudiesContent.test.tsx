import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  CaseStudiesApi,
  caseStudiesApiRef,
  ChecklistConflictError,
} from '../../api';
import {
  ago,
  conflictState,
  dashboardsRollout,
  idempotencyRollout,
  ledgerEntity,
  ledgerGuidance,
  ledgerScoreExplained,
  ledgerScoreHistory,
  mockCaseStudiesApi,
  plainEntity,
  plainGuidance,
  responseError,
} from '../../testing/fixtures';
import { readScoreExplanation } from '../__testUtils__/readScoreExplanation';
import { EntityCaseStudiesContent } from './EntityCaseStudiesContent';

// the whole tab renders in each test; jsdom is slow with it
jest.setTimeout(30_000);

const CHAOS = 'Chaos experiment with a steady-state hypothesis';

async function renderTab(
  options: {
    api?: jest.Mocked<CaseStudiesApi>;
    entity?: Entity;
    owner?: boolean;
  } = {},
) {
  const api = options.api ?? mockCaseStudiesApi();
  const permissionApi = mockApis.permission({
    authorize:
      options.owner === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [caseStudiesApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? ledgerEntity}>
        <EntityCaseStudiesContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

/** The row of a checklist item, named by its title and current status. */
const itemRow = (title: string, status: string) =>
  screen.getByRole('listitem', { name: `${title}: ${status}` });

const statusSelect = (title: string) =>
  screen.findByRole('combobox', { name: `Status of ${title}` });

describe('EntityCaseStudiesContent', () => {
  it('shows progress while the guidance loads', async () => {
    const api = mockCaseStudiesApi({
      getGuidance: jest.fn().mockReturnValue(new Promise<never>(() => {})),
    });
    await renderTab({ api });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getGuidance).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'ledger-service',
    });
  });

  it('explains a failed load and loads again on retry', async () => {
    const api = mockCaseStudiesApi();
    api.getGuidance
      .mockRejectedValueOnce(new Error('case-studies backend is down'))
      .mockResolvedValueOnce(ledgerGuidance);
    await renderTab({ api });

    expect(
      await screen.findByText(/could not load the case studies/i),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/case-studies backend is down/).length,
    ).toBeGreaterThan(0);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('Companies like this service'),
    ).toBeInTheDocument();
    expect(api.getGuidance).toHaveBeenCalledTimes(2);
  });

  it('ranks companies, explains matches and caveats, and shows the rest on demand', async () => {
    await renderTab();
    const cards = await screen.findAllByRole('article');
    expect(
      cards.map(card => within(card).getByRole('heading').textContent),
    ).toEqual([
      '1. Stripe',
      '2. Shopify',
      '3. GitHub',
      '4. Netflix',
      '5. Discord',
    ]);
    const stripe = cards[0];
    expect(within(stripe).getByText('92')).toBeInTheDocument();
    expect(within(stripe).getByText('language ruby ✓')).toBeInTheDocument();
    expect(
      within(stripe).getByText('architecture microservices ✗ (monolith)'),
    ).toBeInTheDocument();
    expect(
      within(stripe).getByText(/Sorbet-scale tooling only pays off/),
    ).toBeInTheDocument();
    expect(within(stripe).getByText('Stay a monolith')).toBeInTheDocument();
    // sources come from the knowledge base: the seed by its title (its file
    // name is provenance, not shown), the project's own part, the public write-up
    expect(
      await within(stripe).findByText(
        /“Architecture Case Studies — Netflix, Stripe, Cloudflare, Shopify in 2025”/,
      ),
    ).toBeInTheDocument();
    expect(
      within(stripe).queryByText(/000_d219270d818add02/),
    ).not.toBeInTheDocument();
    expect(
      within(stripe).getByText(/Case Studies project \(the caveats\)/),
    ).toBeInTheDocument();
    expect(
      within(stripe).getByRole('link', {
        name: /Designing robust and predictable APIs/,
      }),
    ).toHaveAttribute('href', 'https://stripe.com/blog/idempotency');

    expect(screen.queryByText('6. Uber')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 6 companies' }),
    );
    expect(screen.getByText('6. Uber')).toBeInTheDocument();
  });

  it('lists warnings most severe first, with evidence and remedy', async () => {
    await renderTab();
    const warnings = await screen.findAllByRole('region', { name: /warning:/ });
    expect(warnings.map(w => w.getAttribute('aria-label'))).toEqual([
      'critical warning: Microservices sharing strongly consistent data',
      'medium warning: Services sharing one database',
    ]);
    const critical = warnings[0];
    expect(
      within(critical).getByText(
        /architecture microservices \(annotation case-studies\/architecture\) is in microservices/,
      ),
    ).toBeInTheDocument();
    expect(
      within(critical).getByText(/system.strongConsistencyComponents 3/),
    ).toBeInTheDocument();
    expect(
      within(critical).getByText(/Keep the ledger in one service/),
    ).toBeInTheDocument();
  });

  it('shows where each profile value came from, conflicts, and the score', async () => {
    await renderTab();
    expect(
      await screen.findByLabelText(
        'language ruby, from annotation case-studies/language (high confidence)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        'consistency strong, from domain payments needs strong consistency (medium confidence)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /kept ruby \(annotation case-studies\/language\) over java \(tag java\)/,
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: /show where each value came from/i }),
    );
    const table = screen.getByRole('table', {
      name: 'Where each profile value came from',
    });
    expect(
      within(table).getByText(
        'relation: dependsOn resource:default/ledger-db (tag postgres)',
      ),
    ).toBeInTheDocument();
    expect(
      within(table).getByText(
        'relation: group:default/payments-team has 6 members',
      ),
    ).toBeInTheDocument();

    // completion 50 less 25 points of warnings
    expect(screen.getByText('Score 25')).toBeInTheDocument();
    expect(screen.getByLabelText('Level: Bronze')).toBeInTheDocument();
    expect(screen.getByText('2/4 done')).toBeInTheDocument();
  });

  it('explains the score: completion, each penalty, the next level and what would raise it', async () => {
    await renderTab();
    expect(await readScoreExplanation()).toEqual(ledgerScoreExplained);
  });

  it('shows lessons and patterns with the reason each applies', async () => {
    await renderTab();
    expect(
      await screen.findByText('Make every money-moving request idempotent'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The service is in the payments domain.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Payments APIs are retried by clients.'),
    ).toBeInTheDocument();
  });

  it('shows a plain entity no warnings and the YAML that would describe it', async () => {
    const api = mockCaseStudiesApi({
      getGuidance: jest.fn().mockResolvedValue(plainGuidance),
    });
    await renderTab({ api, entity: plainEntity });

    expect(
      await screen.findByText(/No antipatterns detected/),
    ).toBeInTheDocument();
    expect(screen.queryAllByRole('region', { name: /warning:/ })).toHaveLength(
      0,
    );
    expect(screen.getByTestId('tell-us-more-yaml')).toHaveTextContent(
      'metadata: annotations: case-studies/language: java case-studies/database: postgres',
    );
    expect(
      screen.getByRole('button', {
        name: 'language unknown: add the annotation case-studies/language',
      }),
    ).toBeInTheDocument();
  });

  it('lists checklist items by category, with who changed them, when, note, evidence and automatic evidence', async () => {
    await renderTab();
    const done = await screen.findByRole('listitem', {
      name: 'Deployment frequency is measured: Done',
    });
    expect(within(done).getByText(/alice/)).toBeInTheDocument();
    expect(within(done).getByText('3 days ago')).toBeInTheDocument();
    expect(
      within(done).getByText(/Grafana board per team/),
    ).toBeInTheDocument();
    expect(
      within(done).getByRole('link', {
        name: /^Evidence for Deployment frequency is measured/,
      }),
    ).toHaveAttribute('href', 'https://grafana.example.com/d/deploys');

    // nobody ticked it, but a catalog link shows it is done
    const postmortem = itemRow(
      'Postmortems follow a template',
      'Done automatically',
    );
    expect(
      within(postmortem).getByText(
        /Evidence in the catalog: link "Postmortem template" \(docs\)/,
      ),
    ).toBeInTheDocument();

    for (const heading of [
      'DORA metrics',
      'Postmortem practice',
      'Resilience',
      'Practices',
    ]) {
      expect(screen.getByRole('region', { name: heading })).toBeInTheDocument();
    }
    // the item that does not apply is collapsed, with its reason
    await userEvent.click(
      screen.getByRole('button', { name: /1 item does not apply/ }),
    );
    expect(
      screen.getByText(/Only hyperscale services need cells/),
    ).toBeInTheDocument();
  });

  it('changes a status at once and keeps what the backend stored', async () => {
    const api = mockCaseStudiesApi();
    let resolve!: (state: unknown) => void;
    api.updateChecklistItem.mockReturnValue(
      new Promise(r => {
        resolve = r;
      }) as any,
    );
    await renderTab({ api });

    await userEvent.selectOptions(await statusSelect(CHAOS), 'done');
    // optimistic: shown as done, counted, and marked as saving
    expect(
      within(itemRow(CHAOS, 'Done')).getByText(/saving/),
    ).toBeInTheDocument();
    expect(screen.getByText('3/4 done')).toBeInTheDocument();
    // completion 70 less the same 25 points of warnings
    expect(screen.getByText('Score 45')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Score 45 · Bronze: completion 70, .*; 5 points to Silver$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Finish 'Chaos experiment/),
    ).not.toBeInTheDocument();
    expect(api.updateChecklistItem).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'ledger-service' },
      'chaos-experiments',
      { status: 'done', version: 0 },
    );

    await act(async () => {
      resolve({
        itemId: 'chaos-experiments',
        status: 'done',
        version: 1,
        updatedBy: 'user:default/guest',
        updatedAt: new Date().toISOString(),
      });
    });
    const row = itemRow(CHAOS, 'Done');
    expect(within(row).queryByText(/saving/)).not.toBeInTheDocument();
    expect(within(row).getByText(/guest/)).toBeInTheDocument();
    expect(within(row).getByText('just now')).toBeInTheDocument();
  });

  it('rolls a change back when the backend fails, and says so', async () => {
    const api = mockCaseStudiesApi();
    let reject!: (error: Error) => void;
    api.updateChecklistItem.mockReturnValue(
      new Promise((_, r) => {
        reject = r;
      }),
    );
    await renderTab({ api });

    await userEvent.selectOptions(await statusSelect(CHAOS), 'done');
    expect(itemRow(CHAOS, 'Done')).toBeInTheDocument();

    await act(async () => {
      reject(
        await responseError(500, {
          error: { name: 'Error', message: 'database is read-only' },
          response: { statusCode: 500 },
        }),
      );
    });
    const row = itemRow(CHAOS, 'To do');
    expect(within(row).getByRole('alert')).toHaveTextContent(
      /The change was not saved.*database is read-only/,
    );
    expect(screen.getByText('2/4 done')).toBeInTheDocument();
    expect(await statusSelect(CHAOS)).toHaveValue('todo');
  });

  it('explains a conflict with the other person’s change and adopts it', async () => {
    const api = mockCaseStudiesApi();
    // five minutes before now, not before the file was loaded: a slow run would read 6
    const current = { ...conflictState, updatedAt: ago(5 * 60 * 1000) };
    const httpError = await responseError(409, {
      error: {
        name: 'ConflictError',
        message: 'changed by user:default/carol',
      },
      response: { statusCode: 409 },
      current,
    });
    api.updateChecklistItem.mockRejectedValue(
      new ChecklistConflictError(current, httpError),
    );
    await renderTab({ api });

    await userEvent.selectOptions(await statusSelect(CHAOS), 'in-progress');

    const row = await screen.findByRole('listitem', { name: `${CHAOS}: Done` });
    const alert = within(row).getByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this item');
    expect(alert).toHaveTextContent(/carol set it to “Done” 5 minutes ago/);
    expect(alert).toHaveTextContent(/Chaos day in May/);
    expect(alert).toHaveTextContent(
      /Your change to “In progress” was not saved/,
    );
    expect(await statusSelect(CHAOS)).toHaveValue('done');
  });

  it('says who owns the entity when the backend refuses a non-owner', async () => {
    const api = mockCaseStudiesApi();
    api.updateChecklistItem.mockRejectedValue(
      await responseError(403, {
        error: {
          name: 'NotAllowedError',
          message:
            'Only the owners of component:default/ledger-service may change its checklist',
        },
        response: { statusCode: 403 },
      }),
    );
    await renderTab({ api });

    await userEvent.selectOptions(await statusSelect(CHAOS), 'done');

    const row = await screen.findByRole('listitem', {
      name: `${CHAOS}: To do`,
    });
    const alert = within(row).getByRole('alert');
    expect(alert).toHaveTextContent('You do not own this entity');
    expect(alert).toHaveTextContent('payments-team');
    // from now on the checklist is read-only
    expect(
      screen.queryByRole('combobox', { name: `Status of ${CHAOS}` }),
    ).not.toBeInTheDocument();
  });

  it('asks for the reason of an exemption and sends it as the note', async () => {
    const api = mockCaseStudiesApi();
    api.updateChecklistItem.mockResolvedValue({
      itemId: 'chaos-experiments',
      status: 'not-applicable',
      note: 'Batch job',
      version: 1,
      updatedBy: 'user:default/guest',
      updatedAt: new Date().toISOString(),
    });
    await renderTab({ api });

    await userEvent.selectOptions(await statusSelect(CHAOS), 'not-applicable');
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', {
      name: 'Mark not applicable',
    });
    expect(confirm).toBeDisabled();
    expect(api.updateChecklistItem).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByRole('textbox', {
        name: /reason for the exemption/i,
      }),
      'Batch job',
    );
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);

    await waitFor(() =>
      expect(api.updateChecklistItem).toHaveBeenCalledWith(
        expect.anything(),
        'chaos-experiments',
        {
          status: 'not-applicable',
          note: 'Batch job',
          version: 0,
        },
      ),
    );
    const row = await screen.findByRole('listitem', {
      name: `${CHAOS}: Not applicable`,
    });
    expect(within(row).getByText(/Batch job/)).toBeInTheDocument();
    // the exemption leaves the denominator
    expect(screen.getByText(/2\/3 done/)).toBeInTheDocument();
    expect(screen.getByText(/1 exempted/)).toBeInTheDocument();
    // done weight 5 of 8 is 62, less 25
    expect(screen.getByText('Score 37')).toBeInTheDocument();
  });

  it('edits the note and evidence link of an item, keeping its status', async () => {
    const api = mockCaseStudiesApi();
    api.updateChecklistItem.mockResolvedValue({
      itemId: 'idempotency-keys',
      status: 'in-progress',
      note: 'Charges done, refunds next',
      evidenceUrl: 'https://git.example.com/pr/42',
      version: 2,
      updatedBy: 'user:default/guest',
      updatedAt: new Date().toISOString(),
    });
    await renderTab({ api });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Note and evidence for Idempotency keys on POST',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Evidence link' }),
      'not a url',
    );
    expect(
      within(dialog).getByText('Must be an http(s) URL'),
    ).toBeInTheDocument();
    expect(save).toBeDisabled();

    await userEvent.clear(
      within(dialog).getByRole('textbox', { name: 'Evidence link' }),
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Evidence link' }),
      'https://git.example.com/pr/42',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Note' }),
      'Charges done, refunds next',
    );
    await userEvent.click(save);

    expect(api.updateChecklistItem).toHaveBeenCalledWith(
      expect.anything(),
      'idempotency-keys',
      {
        status: 'in-progress',
        note: 'Charges done, refunds next',
        evidenceUrl: 'https://git.example.com/pr/42',
        version: 1,
      },
    );
    const row = await screen.findByRole('listitem', {
      name: 'Idempotency keys on POST: In progress',
    });
    expect(
      await within(row).findByRole('link', {
        name: /^Evidence for Idempotency keys on POST/,
      }),
    ).toHaveAttribute('href', 'https://git.example.com/pr/42');
  });

  it('does not send an exemption that is cancelled', async () => {
    const api = await renderTab();
    await userEvent.selectOptions(await statusSelect(CHAOS), 'not-applicable');
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cancel',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.updateChecklistItem).not.toHaveBeenCalled();
    expect(await statusSelect(CHAOS)).toHaveValue('todo');
  });

  it('shows non-owners a read-only checklist that names the owners', async () => {
    const api = await renderTab({ owner: false });
    expect(
      await screen.findByText(
        /Read-only: only this entity's owners \(payments-team\) can change its checklist/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
    expect(itemRow(CHAOS, 'To do')).toBeInTheDocument();
    // the history is still there for everyone
    expect(
      screen.getByRole('button', { name: `History of ${CHAOS}` }),
    ).toBeInTheDocument();
    expect(api.updateChecklistItem).not.toHaveBeenCalled();
  });

  it('shows the history of an item on demand', async () => {
    const api = mockCaseStudiesApi();
    api.getChecklistHistory.mockResolvedValue({
      items: [
        {
          id: '2',
          itemId: 'dora-deployment-frequency',
          status: 'done',
          previousStatus: 'in-progress',
          note: 'Grafana board per team',
          version: 2,
          changedBy: 'user:default/alice',
          changedAt: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
        },
        {
          id: '1',
          itemId: 'dora-deployment-frequency',
          status: 'in-progress',
          version: 1,
          changedBy: 'user:default/bob',
          changedAt: new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString(),
        },
      ],
    });
    await renderTab({ api });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'History of Deployment frequency is measured',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('alice: In progress → Done'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('bob: In progress')).toBeInTheDocument();
    expect(within(dialog).getByText('last week')).toBeInTheDocument();
    expect(api.getChecklistHistory).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'ledger-service' },
      { itemId: 'dora-deployment-frequency', limit: 20, cursor: undefined },
    );
  });

  describe('the score over time', () => {
    const ledgerRef = {
      kind: 'Component',
      namespace: 'default',
      name: 'ledger-service',
    };

    it('draws a sparkline of the score at each snapshot', async () => {
      const api = await renderTab();
      const sparkline = await screen.findByRole('img', {
        name: 'Score at 3 snapshots: 18 on Apr 13, 2026, 25 on Apr 15, 2026',
      });
      await waitFor(() =>
        expect(sparkline.querySelector('svg .recharts-line')).not.toBeNull(),
      );
      expect(
        screen.getByText('18 → 25 since Apr 13, 2026'),
      ).toBeInTheDocument();
      expect(api.getEntityScoreHistory).toHaveBeenCalledWith(ledgerRef);
    });

    it('says there is no history yet before the second snapshot', async () => {
      const api = mockCaseStudiesApi({
        getEntityScoreHistory: jest.fn().mockResolvedValue({
          ...ledgerScoreHistory,
          points: ledgerScoreHistory.points.slice(-1),
        }),
      });
      await renderTab({ api });
      expect(
        await screen.findByText(/^No score history yet/),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('img', { name: /^Score at/ }),
      ).not.toBeInTheDocument();
    });

    it('leaves a note and keeps the rest of the tab when the history fails', async () => {
      const api = mockCaseStudiesApi({
        getEntityScoreHistory: jest
          .fn()
          .mockRejectedValue(new Error('snapshots are unavailable')),
      });
      await renderTab({ api });
      expect(
        await screen.findByText('The score history could not be loaded.'),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Companies like this service'),
      ).toBeInTheDocument();
      expect((await readScoreExplanation()).sentence).toBe(
        ledgerScoreExplained.sentence,
      );
    });
  });

  describe('rollouts', () => {
    const withRollouts = () =>
      mockCaseStudiesApi({
        listRollouts: jest.fn().mockResolvedValue({
          rollouts: [idempotencyRollout, dashboardsRollout],
        }),
      });

    it("lists the active rollouts targeting the entity with due dates, this entity's item statuses and overdue flags", async () => {
      const api = withRollouts();
      await renderTab({ api });
      expect(api.listRollouts).toHaveBeenCalledWith({
        state: 'active',
        entity: 'component:default/ledger-service',
      });
      const card = await screen.findByRole('region', {
        name: 'Idempotency keys everywhere',
      });
      expect(within(card).getByText(/^Due /)).toHaveTextContent(/0% done/);
      const items = within(card).getAllByRole('listitem');
      expect(items[0]).toHaveTextContent(
        'Idempotency keys on POST: In progress',
      );
      expect(items[0]).toHaveTextContent('Overdue');
      expect(items[1]).toHaveTextContent(`${CHAOS}: To do (exemption expired)`);
      const dashboards = screen.getByRole('region', {
        name: 'Deployment dashboards',
      });
      expect(within(dashboards).getByText(/100% done/)).toBeInTheDocument();
      expect(within(dashboards).queryByText('Overdue')).not.toBeInTheDocument();
    });

    it('marks the checklist items a rollout asks for, red when overdue', async () => {
      await renderTab({ api: withRollouts() });
      await screen.findByRole('region', { name: 'Deployment dashboards' });
      const overdue = await within(
        itemRow('Idempotency keys on POST', 'In progress'),
      ).findByText(
        /^Rollout: Idempotency keys everywhere, due .* \(overdue\)$/,
      );
      expect(overdue.parentElement).toHaveClass('MuiChip-colorSecondary');
      const onTime = await within(
        itemRow('Deployment frequency is measured', 'Done'),
      ).findByText(/^Rollout: Deployment dashboards, due /);
      expect(onTime).not.toHaveTextContent('overdue');
      expect(onTime.parentElement).not.toHaveClass('MuiChip-colorSecondary');
    });

    it('says an exemption expired on the item', async () => {
      const api = mockCaseStudiesApi({
        getGuidance: jest.fn().mockResolvedValue({
          ...ledgerGuidance,
          checklist: ledgerGuidance.checklist.map(entry =>
            entry.id === 'chaos-experiments'
              ? {
                  ...entry,
                  state: {
                    ...entry.state,
                    status: 'todo',
                    note: 'no traffic yet',
                    until: '2026-01-31',
                    exemptionExpired: true,
                    version: 2,
                  },
                }
              : entry,
          ),
        }),
      });
      await renderTab({ api });
      await waitFor(() =>
        expect(itemRow(CHAOS, 'To do')).toHaveTextContent('exemption expired'),
      );
    });

    it('keeps the tab and says so when the rollouts fail to load', async () => {
      const api = mockCaseStudiesApi({
        listRollouts: jest
          .fn()
          .mockRejectedValue(new Error('rollouts are down')),
      });
      await renderTab({ api });
      expect(
        await screen.findByText(
          /Could not load the rollouts: rollouts are down/,
        ),
      ).toBeInTheDocument();
      expect(itemRow(CHAOS, 'To do')).toBeInTheDocument();
    });

    it('still lists a rollout whose progress fails', async () => {
      const api = withRollouts();
      api.getRolloutProgress.mockRejectedValue(new Error('down'));
      await renderTab({ api });
      const card = await screen.findByRole('region', {
        name: 'Idempotency keys everywhere',
      });
      expect(within(card).getAllByRole('listitem')[0]).toHaveTextContent(
        'Idempotency keys on POST: unknown',
      );
    });

    it('shows no rollouts card when none targets the entity', async () => {
      await renderTab();
      await screen.findByRole('listitem', {
        name: `${CHAOS}: To do`,
      });
      expect(screen.queryByText('Rollouts')).not.toBeInTheDocument();
    });
  });
});
