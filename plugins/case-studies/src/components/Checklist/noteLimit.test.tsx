import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { CHECKLIST_NOTE_MAX_LENGTH } from '@case-studies/plugin-case-studies-common';
import { ExemptionDialog } from './ExemptionDialog';
import { ItemDetailsDialog } from './ItemDetailsDialog';

/*
 * The dialogs count a note's length as the backend does: in characters, so
 * a note of emojis (two UTF-16 units each) may be as long as one of letters.
 */

// typing and pasting thousands of characters is slow in jsdom
jest.setTimeout(30_000);

const longestEmojiNote = '🚀'.repeat(CHECKLIST_NOTE_MAX_LENGTH);

describe('the note limit in the checklist dialogs', () => {
  it('lets an exemption reason of the longest length in emojis through whole, and refuses a longer one', async () => {
    const onConfirm = jest.fn();
    await renderInTestApp(
      <ExemptionDialog
        open
        itemTitle="Continuous integration"
        onCancel={() => {}}
        onConfirm={onConfirm}
      />,
    );
    const reason = screen.getByRole('textbox', {
      name: /reason for the exemption/i,
    });
    const confirm = screen.getByRole('button', { name: 'Mark not applicable' });

    await userEvent.click(reason);
    await userEvent.paste(longestEmojiNote);
    await userEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith(longestEmojiNote);

    await userEvent.type(reason, 'a');
    expect(
      screen.getByText(`At most ${CHECKLIST_NOTE_MAX_LENGTH} characters`),
    ).toBeInTheDocument();
    expect(confirm).toBeDisabled();
  });

  it('saves a note of the longest length in emojis whole, and refuses a longer one', async () => {
    const onSave = jest.fn();
    await renderInTestApp(
      <ItemDetailsDialog
        open
        itemTitle="Continuous integration"
        state={{ itemId: 'continuous-integration', status: 'done', version: 1 }}
        onCancel={() => {}}
        onSave={onSave}
      />,
    );
    const note = screen.getByRole('textbox', { name: 'Note' });
    const save = screen.getByRole('button', { name: 'Save' });

    await userEvent.click(note);
    await userEvent.paste(longestEmojiNote);
    await userEvent.click(save);
    expect(onSave).toHaveBeenCalledWith({
      note: longestEmojiNote,
      evidenceUrl: undefined,
    });

    await userEvent.type(note, 'a');
    expect(
      screen.getByText(`At most ${CHECKLIST_NOTE_MAX_LENGTH} characters`),
    ).toBeInTheDocument();
    expect(save).toBeDisabled();
  });
});
