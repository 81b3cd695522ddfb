import { screen, within } from '@testing-library/react';

/** The table with a column of this title, once it is shown (a page can show several tables). */
export async function tableWithColumn(column: string): Promise<HTMLElement> {
  await screen.findByText(column);
  const table = screen
    .getAllByRole('table')
    .find(t => within(t).queryByText(column));
  if (!table) throw new Error(`no table with a "${column}" column`);
  return table;
}
