import { screen, within } from '@testing-library/react';

/** The score explanation as a user reads it: its sentence and what would raise the score. */
export async function readScoreExplanation() {
  const explanation = await screen.findByRole('region', {
    name: 'Score explanation',
  });
  return {
    sentence: within(explanation).getByText(/^Score \d+ · /).textContent,
    raisers: within(explanation)
      .queryAllByRole('listitem')
      .map(item => item.textContent),
  };
}
