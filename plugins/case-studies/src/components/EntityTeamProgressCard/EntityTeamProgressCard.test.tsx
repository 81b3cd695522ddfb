import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  emptyRollup,
  mockCaseStudiesApi,
  paymentsTeamEntity,
  paymentsTeamRollup,
} from '../../testing/fixtures';
import { renderOverviewCard } from '../__testUtils__/renderOverviewCard';
import { EntityTeamProgressCard } from './EntityTeamProgressCard';

jest.setTimeout(20_000);

async function renderCard(api = mockCaseStudiesApi()) {
  await renderOverviewCard(<EntityTeamProgressCard />, {
    api,
    entity: paymentsTeamEntity,
  });
  return api;
}

describe('EntityTeamProgressCard', () => {
  it('shows the mean score, the levels and the three lowest scores, linked to their tabs', async () => {
    const api = await renderCard();
    expect(await screen.findByText('Mean score 45')).toBeInTheDocument();
    expect(
      screen.getByText(/median 42.5 · 4 entities · 52% done/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Levels: 1 gold, 1 silver, 1 bronze, 1 no level yet',
      }),
    ).toBeInTheDocument();

    const lowest = within(
      screen.getByRole('list', { name: 'Lowest scores' }),
    ).getAllByRole('listitem');
    expect(lowest.map(item => item.textContent)).toEqual([
      'refunds-worker · 10 · No level yet',
      "ledger-service · 25 · Bronze · critical warning 'Microservices sharing strongly consistent data'",
      "Checkout web · 60 · Silver · high warning 'Calls without circuit breakers'",
    ]);
    expect(
      within(lowest[0]).getByRole('link', { name: 'refunds-worker' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/refunds-worker/case-studies',
    );
    // the best of the four is not among the lowest
    expect(screen.queryByText('payments-api')).not.toBeInTheDocument();

    expect(
      screen.getByRole('link', { name: /Open Case Studies/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team/case-studies',
    );
    expect(api.getProgress).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'payments-team' },
      { limit: 500 },
    );
  });

  it('says so when the team owns nothing yet', async () => {
    await renderCard(
      mockCaseStudiesApi({
        getProgress: jest
          .fn()
          .mockResolvedValue(emptyRollup('group:default/payments-team')),
      }),
    );
    expect(
      await screen.findByText('This team owns no entities yet.'),
    ).toBeInTheDocument();
  });

  it('offers a retry when the roll-up cannot be loaded', async () => {
    const api = mockCaseStudiesApi();
    api.getProgress
      .mockRejectedValueOnce(new Error('timeout'))
      .mockResolvedValueOnce(paymentsTeamRollup);
    await renderCard(api);
    expect(
      await screen.findByText(/Could not load the team's progress: timeout/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Mean score 45')).toBeInTheDocument();
  });
});
