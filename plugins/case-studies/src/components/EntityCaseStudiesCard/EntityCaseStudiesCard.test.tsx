import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ledgerEntity,
  ledgerGuidance,
  ledgerScoreExplained,
  mockCaseStudiesApi,
  plainEntity,
  plainGuidance,
} from '../../testing/fixtures';
import { readScoreExplanation } from '../__testUtils__/readScoreExplanation';
import { renderOverviewCard } from '../__testUtils__/renderOverviewCard';
import { EntityCaseStudiesCard } from './EntityCaseStudiesCard';

jest.setTimeout(20_000);

async function renderCard(api = mockCaseStudiesApi(), entity = ledgerEntity) {
  await renderOverviewCard(<EntityCaseStudiesCard />, { api, entity });
  return api;
}

describe('EntityCaseStudiesCard', () => {
  it('shows the score, level, top warning and a link to the tab', async () => {
    await renderCard();
    expect(await screen.findByText('Score 25')).toBeInTheDocument();
    expect(screen.getByLabelText('Level: Bronze')).toBeInTheDocument();
    expect(screen.getByText('2/4 done')).toBeInTheDocument();
    // the critical warning wins over the medium one listed first
    expect(
      screen.getByText(
        'CRITICAL · Microservices sharing strongly consistent data',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 more warning on the tab/)).toBeInTheDocument();
    expect(screen.getByText('Stripe')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open Case Studies/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-service/case-studies',
    );
  });

  it('explains the score and names the two open items that would raise it most', async () => {
    await renderCard();
    expect(await readScoreExplanation()).toEqual(ledgerScoreExplained);
  });

  it('says so when nothing is wrong', async () => {
    await renderCard(
      mockCaseStudiesApi({
        getGuidance: jest.fn().mockResolvedValue(plainGuidance),
      }),
      plainEntity,
    );
    expect(await screen.findByText('Score 0')).toBeInTheDocument();
    expect(screen.getByLabelText('Level: No level yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Score 0 · No level yet: completion 0; 25 points to Bronze',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('No antipatterns detected.')).toBeInTheDocument();
  });

  it('offers a retry when the guidance cannot be loaded', async () => {
    const api = mockCaseStudiesApi();
    api.getGuidance
      .mockRejectedValueOnce(new Error('timeout'))
      .mockResolvedValueOnce(ledgerGuidance);
    await renderCard(api);
    expect(
      await screen.findByText(/Could not load the case studies: timeout/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Score 25')).toBeInTheDocument();
  });
});
