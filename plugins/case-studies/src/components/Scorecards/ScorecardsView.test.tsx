import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  emptyScorecard,
  mockCaseStudiesApi,
  ownerScorecard,
  ownerScorecardHistory,
  scorecardCsv,
  scorecardsPathOf,
  systemScorecard,
} from '../../testing/fixtures';
import { renderCaseStudiesPage } from '../__testUtils__/renderCaseStudiesPage';
import { tableWithColumn } from '../__testUtils__/tables';

jest.mock('recharts', () =>
  require('../__testUtils__/fixedSizeCharts').recharts(),
);

// material-table and the chart are slow in jsdom
jest.setTimeout(30_000);

const SCORECARDS = '/case-studies/scorecards';

/** The report's table: the one with a "Change" column. */
const reportTable = () => tableWithColumn('Change');

/** The rows of the report, by the text of their first cell. */
async function rowLabels() {
  const table = await reportTable();
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);
}

async function reportRow(label: string) {
  const table = await reportTable();
  const row = within(table)
    .getAllByRole('row')
    .find(r => within(r).queryAllByRole('cell')[0]?.textContent === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

/** The names of the trend chart's lines, as its legend shows them. */
async function chartLines() {
  const chart = await screen.findByRole('figure', {
    name: 'Mean score over time',
  });
  await waitFor(() =>
    expect(chart.querySelector('.recharts-legend-wrapper')).not.toBeNull(),
  );
  return [...chart.querySelectorAll('.recharts-legend-item-text')].map(
    item => item.textContent,
  );
}

describe('the Scorecards view', () => {
  it('shows a row per owner with its figures, linked to its tab, from the latest snapshot', async () => {
    const api = await renderCaseStudiesPage(SCORECARDS);
    expect(await rowLabels()).toEqual([
      'ledger-squad',
      'payments-team',
      'No owner',
    ]);
    expect(api.getScorecard).toHaveBeenCalledWith({
      groupBy: 'owner',
      live: false,
    });

    const payments = await reportRow('payments-team');
    expect(
      within(payments).getByRole('link', { name: 'payments-team' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team/case-studies',
    );
    expect(
      within(payments)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'payments-team',
      '2',
      '72.5',
      '72.5',
      '',
      '7/10 (70%)',
      '0',
      '1 high, 1 medium',
      '↑ 2.5',
    ]);
    expect(
      within(payments).getByRole('img', { name: 'Levels: 1 gold, 1 silver' }),
    ).toBeInTheDocument();
    expect(
      within(payments).getByLabelText('Mean score up 2.5 since Apr 14, 2026'),
    ).toBeInTheDocument();

    const ledger = await reportRow('ledger-squad');
    expect(
      within(ledger).getByLabelText('Mean score down 1 since Apr 14, 2026'),
    ).toHaveTextContent('↓ 1');
    expect(ledger).toHaveTextContent('1 critical, 1 medium');

    // the entities nobody owns: no link, and nothing to compare with
    const unowned = await reportRow('No owner');
    expect(within(unowned).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(unowned).getByLabelText(
        'No mean score to compare with on Apr 14, 2026',
      ),
    ).toHaveTextContent('—');

    expect(screen.getByText(/^From the snapshot taken/)).toHaveTextContent(
      /changes since the one taken .* · knowledge base kb-test-1$/,
    );
  });

  it('sorts by the column clicked, and back the other way on a second click', async () => {
    await renderCaseStudiesPage(SCORECARDS);
    const table = await reportTable();
    await userEvent.click(within(table).getByText('Mean'));
    expect(await rowLabels()).toEqual([
      'ledger-squad',
      'No owner',
      'payments-team',
    ]);
    await userEvent.click(within(table).getByText('Mean'));
    expect(await rowLabels()).toEqual([
      'payments-team',
      'No owner',
      'ledger-squad',
    ]);
    // most critical warnings first when descending
    await userEvent.click(within(table).getByText('Warnings'));
    await userEvent.click(within(table).getByText('Warnings'));
    expect((await rowLabels())[0]).toBe('ledger-squad');
  });

  it('finds rows by name or by what their warnings say', async () => {
    await renderCaseStudiesPage(SCORECARDS);
    await reportTable();
    const search = screen.getByPlaceholderText('Search rows');
    await userEvent.type(search, 'critical');
    await waitFor(async () =>
      expect(await rowLabels()).toEqual(['ledger-squad']),
    );
    await userEvent.clear(search);
    await userEvent.type(search, 'payments');
    await waitFor(async () =>
      expect(await rowLabels()).toEqual(['payments-team']),
    );
  });

  it('groups by what is chosen, asking the backend for that grouping', async () => {
    const api = mockCaseStudiesApi();
    api.getScorecard.mockImplementation(async options =>
      options?.groupBy === 'system' ? systemScorecard : ownerScorecard,
    );
    await renderCaseStudiesPage(SCORECARDS, api);
    await reportTable();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Group by' }),
      'System',
    );
    await waitFor(async () =>
      expect(await rowLabels()).toEqual(['payments', 'No system']),
    );
    expect(api.getScorecard).toHaveBeenLastCalledWith({
      groupBy: 'system',
      live: false,
    });
    expect(api.getScorecardHistory).toHaveBeenLastCalledWith({
      groupBy: 'system',
    });
    expect(screen.getByRole('link', { name: 'payments' })).toHaveAttribute(
      'href',
      '/catalog/default/system/payments/case-studies',
    );
  });

  it('filters by kind, type and lifecycle once they are applied', async () => {
    const api = await renderCaseStudiesPage(SCORECARDS);
    await reportTable();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Kind' }),
      'Component',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Lifecycle' }),
      ' production {Enter}',
    );
    await waitFor(() =>
      expect(api.getScorecard).toHaveBeenLastCalledWith({
        groupBy: 'owner',
        kind: 'Component',
        lifecycle: 'production',
        live: false,
      }),
    );
    // typing alone asked for nothing: the first report, then the filtered one
    expect(api.getScorecard).toHaveBeenCalledTimes(2);
    expect(api.getScorecardHistory).toHaveBeenLastCalledWith({
      groupBy: 'owner',
      kind: 'Component',
      lifecycle: 'production',
    });
  });

  it('computes the report live when asked, and says so', async () => {
    const api = mockCaseStudiesApi();
    api.getScorecard.mockImplementation(async options =>
      options?.live
        ? { ...ownerScorecard, source: 'live', previousTakenAt: undefined }
        : ownerScorecard,
    );
    await renderCaseStudiesPage(SCORECARDS, api);
    expect(
      await screen.findByText(/^From the snapshot taken/),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Compute live' }),
    );
    expect(await screen.findByText(/^Computed live/)).toHaveTextContent(
      /^Computed live .* · knowledge base kb-test-1$/,
    );
    expect(api.getScorecard).toHaveBeenLastCalledWith({
      groupBy: 'owner',
      live: true,
    });
  });

  it('says when the backend computed it live because there is no snapshot yet', async () => {
    const api = mockCaseStudiesApi({
      getScorecard: jest.fn().mockResolvedValue({
        ...ownerScorecard,
        source: 'live',
        previousTakenAt: undefined,
      }),
    });
    await renderCaseStudiesPage(SCORECARDS, api);
    expect(await screen.findByText(/^Computed live/)).toHaveTextContent(
      '(no snapshot has been taken yet)',
    );
  });

  describe('the CSV download', () => {
    const createObjectURL = jest.fn(() => 'blob:scorecard');
    const revokeObjectURL = jest.fn();
    let saved: HTMLAnchorElement[];

    beforeEach(() => {
      saved = [];
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      // jsdom cannot navigate; record which file the browser was asked to save
      jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function record(this: HTMLAnchorElement) {
          saved.push(this);
        });
    });

    afterEach(() => jest.restoreAllMocks());

    it('saves the report as a CSV named as the backend names it', async () => {
      const api = await renderCaseStudiesPage(
        `${SCORECARDS}?groupBy=domain&type=service`,
      );
      await reportTable();
      await userEvent.click(
        screen.getByRole('button', { name: 'Download CSV' }),
      );

      await waitFor(() => expect(saved).toHaveLength(1));
      expect(api.downloadScorecardCsv).toHaveBeenCalledWith({
        groupBy: 'domain',
        type: 'service',
        live: false,
      });
      expect(createObjectURL).toHaveBeenCalledWith(scorecardCsv.blob);
      expect(saved[0].download).toBe(
        'case-studies-scorecard-owner-2026-04-15.csv',
      );
      expect(saved[0].href).toBe('blob:scorecard');
      await waitFor(() =>
        expect(revokeObjectURL).toHaveBeenCalledWith('blob:scorecard'),
      );
    });
  });

  it('draws the mean score over time for all entities and the largest groups, or for the row clicked', async () => {
    await renderCaseStudiesPage(SCORECARDS);
    expect(await chartLines()).toEqual([
      'All entities',
      'ledger-squad',
      'payments-team',
    ]);
    expect(
      screen.getByRole('figure', { name: 'Mean score over time' }),
    ).toHaveTextContent(
      'All entities: 43.5 on Apr 13, 2026 → 44 on Apr 15, 2026 · ledger-squad: 19 on Apr 13, 2026 → 17.5 on Apr 15, 2026',
    );

    await userEvent.click(
      within(await reportRow('payments-team')).getAllByRole('cell')[1],
    );
    await waitFor(async () =>
      expect(await chartLines()).toEqual(['All entities', 'payments-team']),
    );

    // a second click on the row lets it go
    await userEvent.click(
      within(await reportRow('payments-team')).getAllByRole('cell')[1],
    );
    await waitFor(async () => expect(await chartLines()).toHaveLength(3));
  });

  it('opens on one team from the URL, and shows them all again on request', async () => {
    const api = await renderCaseStudiesPage(
      scorecardsPathOf('owner', 'group:default/Payments-Team'),
    );
    expect(await rowLabels()).toEqual(['payments-team']);
    expect(screen.getByText('Only payments-team')).toBeInTheDocument();
    expect(await chartLines()).toEqual(['All entities', 'payments-team']);
    // the report is still of every owner; only the view narrows it
    expect(api.getScorecard).toHaveBeenCalledWith({
      groupBy: 'owner',
      live: false,
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Show all owners' }),
    );
    await waitFor(async () => expect(await rowLabels()).toHaveLength(3));
    expect(screen.queryByText('Only payments-team')).not.toBeInTheDocument();
  });

  it('says so when the team asked for is not in the report', async () => {
    await renderCaseStudiesPage(
      scorecardsPathOf('owner', 'group:default/ghosts'),
    );
    expect(
      await screen.findByText('ghosts is not in this report'),
    ).toBeInTheDocument();
  });

  it('says so when nothing has been scored', async () => {
    const api = mockCaseStudiesApi({
      getScorecard: jest.fn().mockResolvedValue(emptyScorecard),
    });
    await renderCaseStudiesPage(SCORECARDS, api);
    expect(await screen.findByText('No scores yet')).toBeInTheDocument();
    expect(screen.queryByText('Change')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('figure', { name: 'Mean score over time' }),
    ).not.toBeInTheDocument();
  });

  it('waits for a second snapshot before drawing a trend', async () => {
    const api = mockCaseStudiesApi({
      getScorecardHistory: jest.fn().mockResolvedValue({
        ...ownerScorecardHistory,
        snapshots: ownerScorecardHistory.snapshots.slice(-1),
      }),
    });
    await renderCaseStudiesPage(SCORECARDS, api);
    expect(
      await screen.findByText(
        /One snapshot so far: the trend starts with the second/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('figure', { name: 'Mean score over time' }),
    ).not.toBeInTheDocument();
  });

  it('keeps the table when the trend cannot be loaded', async () => {
    const api = mockCaseStudiesApi({
      getScorecardHistory: jest
        .fn()
        .mockRejectedValue(new Error('history is unavailable')),
    });
    await renderCaseStudiesPage(SCORECARDS, api);
    expect(
      await screen.findByText(
        'Could not load the trend: history is unavailable',
      ),
    ).toBeInTheDocument();
    expect(await rowLabels()).toHaveLength(3);
  });

  it('explains a failed report and loads it again on retry', async () => {
    const api = mockCaseStudiesApi();
    api.getScorecard
      .mockRejectedValueOnce(new Error('catalog is unavailable'))
      .mockResolvedValueOnce(ownerScorecard);
    await renderCaseStudiesPage(SCORECARDS, api);
    expect(
      await screen.findByText(/could not load the scorecard report/i),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await rowLabels()).toHaveLength(3);
  });
});
