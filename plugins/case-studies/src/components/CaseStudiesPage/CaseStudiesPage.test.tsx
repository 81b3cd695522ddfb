import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { caseStudiesApiRef } from '../../api';
import { knowledge, mockCaseStudiesApi } from '../../testing/fixtures';
import { CaseStudiesPage } from './CaseStudiesPage';

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

describe('CaseStudiesPage', () => {
  it('lists the companies with their sources and filters them by search', async () => {
    await renderPage();
    expect(
      await screen.findByRole('tab', { name: 'Companies (3)' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(rowNames()).toEqual(['Stripe', 'Discord', 'Netflix']);
    expect(screen.getAllByText(/000_d219270d818add02\.txt/).length).toBe(1);
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
});
