import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  CHECKLIST_NOTE_MAX_LENGTH,
  isChecklistNoteWithinLimit,
  isEvidenceUrl,
  type ChecklistItemState,
} from '@case-studies/plugin-case-studies-common';

/** The note and evidence link of an item, keeping its status. */
export const ItemDetailsDialog = (props: {
  open: boolean;
  itemTitle: string;
  state: ChecklistItemState;
  onCancel: () => void;
  onSave: (details: { note?: string; evidenceUrl?: string }) => void;
}) => {
  const { open, itemTitle, state, onCancel, onSave } = props;
  const [note, setNote] = useState(state.note ?? '');
  const [evidenceUrl, setEvidenceUrl] = useState(state.evidenceUrl ?? '');
  const urlError =
    evidenceUrl.trim() !== '' && !isEvidenceUrl(evidenceUrl.trim());
  const noteMissing = state.status === 'not-applicable' && note.trim() === '';
  // Counted as the backend counts (an emoji is one character), which the
  // input's own maxLength, in UTF-16 units, would not.
  const noteTooLong = !isChecklistNoteWithinLimit(note.trim());
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="item-details-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      <form
        onSubmit={event => {
          event.preventDefault();
          if (urlError || noteMissing || noteTooLong) return;
          onSave({
            note: note.trim() || undefined,
            evidenceUrl: evidenceUrl.trim() || undefined,
          });
        }}
      >
        <DialogTitle id="item-details-dialog-title">
          Note and evidence for “{itemTitle}”
        </DialogTitle>
        <DialogContent>
          <TextField
            id="checklist-item-note"
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            label={
              state.status === 'not-applicable'
                ? 'Reason for the exemption'
                : 'Note'
            }
            required={state.status === 'not-applicable'}
            value={note}
            onChange={event => setNote(event.target.value)}
            error={noteTooLong}
            helperText={
              noteTooLong
                ? `At most ${CHECKLIST_NOTE_MAX_LENGTH} characters`
                : undefined
            }
          />
          <TextField
            id="checklist-item-evidence-url"
            fullWidth
            margin="normal"
            label="Evidence link"
            placeholder="https://…"
            value={evidenceUrl}
            onChange={event => setEvidenceUrl(event.target.value)}
            error={urlError}
            helperText={
              urlError
                ? 'Must be an http(s) URL'
                : 'A dashboard, runbook, postmortem or pull request that shows it'
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={urlError || noteMissing || noteTooLong}
          >
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
