import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { caseStudiesApiRef } from '../../api';
import {
  knowledge,
  mockCaseStudiesApi,
  ownerScorecard,
} from '../../testing/fixtures';
import { renderCaseStudiesPage } from '../__testUtils__/renderCaseStudiesPage';
import { CaseStudiesPage } from './CaseStudiesPage';

// the Scorecards tab draws a chart
jest.mock('recharts', () =>
  require('../__testUtils__/fixedSizeCharts').recharts(),
);

jest.setTimeout(20_000);

async function renderPage(api = mockCaseStudiesApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[caseStudiesApiRef, api]]}>
      <CaseStudiesPage />
    </TestApiProvider>,
  );
  return api;
}

const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('cell')[1]?.textContent);

const OVERVIEW = '003_d4c0b00417990f70.txt';

/** Netflix's subscribers as two write-ups give them, and a lesson naming a public postmortem. */
const knowledgeWithFigures = {
  ...knowledge,
  companies: knowledge.companies.map(company =>
    company.id !== 'netflix'
      ? company
      : {
          ...company,
          scale: [
            {
              metric: 'subscribers',
              value: 250_000_000,
              unit: 'subscribers',
              stated: '250+ million',
              seed: '001_93e03eb51d1c4337.txt',
              seedTitle: 'Real-World Architectures',
            },
            {
              metric: 'subscribers',
              value: 200_000_000,
              unit: 'subscribers',
              stated: '200+ million',
              seed: OVERVIEW,
              seedTitle: 'Netflix overview',
            },
          ],
        },
  ),
  lessons: [
    {
      id: 'learn-from-outages',
      title: 'Learn from other people\u2019s outages',
      summary: 'Postmortems teach.',
      companies: [],
      patterns: [],
      appliesWhen: { always: true as const },
      reason: 'Always.',
      sources: [
        {
          seed: '000_d219270d818add02.txt',
          seedTitle: 'Architecture Case Studies',
          title: 'Cloudflare outage on June 21, 2022',
          url: 'https://blog.cloudflare.com/cloudflare-outage-on-june-21-2022/',
        },
        { project: true as const, covers: 'the trade-offs' },
      ],
    },
  ],
};

describe('CaseStudiesPage', () => {
  it('lists the companies with their sources and filters them by search', async () => {
    await renderPage();
    expect(
      await screen.findByRole('tab', { name: 'Companies (3)' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(rowNames()).toEqual(['Stripe', 'Discord', 'Netflix']);
    // a seed write-up by its title; its file name is provenance, not shown
    expect(
      screen.getAllByText(
        /“Architecture Case Studies — Netflix, Stripe, Cloudflare, Shopify in 2025”/,
      ).length,
    ).toBe(1);
    expect(screen.queryByText(/000_d219270d818add02/)).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /Designing robust and predictable APIs/,
      }),
    ).toHaveAttribute('href', 'https://stripe.com/blog/idempotency');

    // "cassandra" is in the stack of Discord and Netflix, not of Stripe
    await userEvent.type(
      screen.getByPlaceholderText('Search companies'),
      'cassandra',
    );
    await waitFor(() => expect(rowNames()).toEqual(['Discord', 'Netflix']));

    // sources are searchable too
    await userEvent.clear(screen.getByPlaceholderText('Search companies'));
    await userEvent.type(
      screen.getByPlaceholderText('Search companies'),
      'Tech Blog',
    );
    await waitFor(() => expect(rowNames()).toEqual(['Netflix']));
  });

  it('shows each scale figure as its write-up states it, by the write-up\u2019s title', async () => {
    await renderPage(
      mockCaseStudiesApi({
        getKnowledge: jest.fn().mockResolvedValue(knowledgeWithFigures),
      }),
    );
    const netflixRow = (await screen.findByText('Netflix')).closest('tr')!;
    await userEvent.click(within(netflixRow).getAllByRole('button')[0]);
    expect(
      await screen.findByText(
        'subscribers: 250+ million subscribers — “Real-World Architectures”',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'subscribers: 200+ million subscribers — “Netflix overview”',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(new RegExp(OVERVIEW))).not.toBeInTheDocument();
  });

  it('names a public source with the write-up that names it, and the project\u2019s own part as such', async () => {
    await renderPage(
      mockCaseStudiesApi({
        getKnowledge: jest.fn().mockResolvedValue(knowledgeWithFigures),
      }),
    );
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Lessons (1)' }),
    );
    expect(
      await screen.findByRole('link', {
        name: /Cloudflare outage on June 21, 2022/,
      }),
    ).toHaveAttribute(
      'href',
      'https://blog.cloudflare.com/cloudflare-outage-on-june-21-2022/',
    );
    expect(
      screen.getByText(/named in “Architecture Case Studies”/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Case Studies project \(the trade-offs\)/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/000_d219270d818add02/)).not.toBeInTheDocument();
  });

  it('has a tab per kind of entry', async () => {
    await renderPage();
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Patterns (2)' }),
    );
    expect(
      await screen.findByText('Circuit breaker with fallback'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Hystrix wiki/ })).toHaveAttribute(
      'href',
      'https://github.com/Netflix/Hystrix/wiki',
    );
    expect(
      screen.getByRole('tab', { name: 'Antipatterns (0)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Checklist items (0)' }),
    ).toBeInTheDocument();
  });

  it('offers a retry when the knowledge base cannot be loaded', async () => {
    const api = mockCaseStudiesApi();
    api.getKnowledge
      .mockRejectedValueOnce(new Error('backend restarting'))
      .mockResolvedValueOnce(knowledge);
    await renderPage(api);
    expect(
      await screen.findByText(/could not load the knowledge base/i),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('tab', { name: 'Companies (3)' }),
    ).toBeInTheDocument();
  });

  describe('tabs', () => {
    const selectedTab = () =>
      screen
        .getAllByRole('tab')
        .find(tab => tab.getAttribute('aria-selected') === 'true')?.textContent;

    it('opens on the library, and each tab has its own address', async () => {
      const api = await renderCaseStudiesPage('/case-studies');
      expect(
        await screen.findByRole('tab', { name: 'Companies (3)' }),
      ).toBeInTheDocument();
      expect(selectedTab()).toBe('Library');
      expect(screen.getByRole('tab', { name: 'Teams' })).toHaveAttribute(
        'href',
        '/case-studies/teams',
      );
      expect(screen.getByRole('tab', { name: 'Scorecards' })).toHaveAttribute(
        'href',
        '/case-studies/scorecards',
      );
      // a tab's data is read when the tab opens
      expect(api.getScorecard).not.toHaveBeenCalled();

      await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));
      expect(
        await screen.findByRole('combobox', { name: 'Group by' }),
      ).toBeInTheDocument();
      expect(selectedTab()).toBe('Scorecards');
      expect(
        screen.queryByRole('tab', { name: 'Companies (3)' }),
      ).not.toBeInTheDocument();
    });

    it('lists every team with its entities, mean score and levels, linked to its tab', async () => {
      const api = await renderCaseStudiesPage('/case-studies/teams');
      const payments = await screen.findByRole('link', {
        name: 'payments-team',
      });
      expect(selectedTab()).toBe('Teams');
      expect(payments).toHaveAttribute(
        'href',
        '/catalog/default/group/payments-team/case-studies',
      );
      expect(payments.closest('tr')).toHaveTextContent(
        'payments-team272.51 gold, 1 silver',
      );
      expect(
        screen.getByRole('link', { name: 'ledger-squad' }).closest('tr'),
      ).toHaveTextContent('ledger-squad217.51 bronze, 1 no level yet');
      expect(
        screen.getByText('1 scored entity has no owner.'),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', {
          name: 'Compare them over time in Scorecards',
        }),
      ).toHaveAttribute('href', '/case-studies/scorecards?groupBy=owner');
      expect(api.getScorecard).toHaveBeenCalledWith({ groupBy: 'owner' });
    });

    it('says so when no team owns a scored entity', async () => {
      const api = mockCaseStudiesApi({
        getScorecard: jest.fn().mockResolvedValue({
          ...ownerScorecard,
          groups: ownerScorecard.groups.filter(group => group.key === null),
        }),
      });
      await renderCaseStudiesPage('/case-studies/teams', api);
      expect(
        await screen.findByText('No team owns a scored entity yet'),
      ).toBeInTheDocument();
    });
  });
});
