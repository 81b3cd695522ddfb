import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  CHECKLIST_NOTE_MAX_LENGTH,
  isChecklistNoteWithinLimit,
} from '@case-studies/plugin-case-studies-common';

/** Marking an item not applicable is an exemption: it needs a reason, which is stored as the note. */
export const ExemptionDialog = (props: {
  open: boolean;
  itemTitle: string;
  initialReason?: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) => {
  const { open, itemTitle, initialReason, onCancel, onConfirm } = props;
  const [reason, setReason] = useState(initialReason ?? '');
  const trimmed = reason.trim();
  // Counted as the backend counts (an emoji is one character), which the
  // input's own maxLength, in UTF-16 units, would not.
  const tooLong = !isChecklistNoteWithinLimit(trimmed);
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="exemption-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      <form
        onSubmit={event => {
          event.preventDefault();
          if (trimmed && !tooLong) onConfirm(trimmed);
        }}
      >
        <DialogTitle id="exemption-dialog-title">
          Why does “{itemTitle}” not apply?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            An exemption takes the item out of this entity's score. Say why, so
            that reviewers and future owners can tell whether it still holds.
          </DialogContentText>
          <TextField
            id="exemption-reason"
            required
            fullWidth
            multiline
            minRows={2}
            label="Reason for the exemption"
            value={reason}
            onChange={event => setReason(event.target.value)}
            error={tooLong}
            helperText={
              tooLong
                ? `At most ${CHECKLIST_NOTE_MAX_LENGTH} characters`
                : undefined
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!trimmed || tooLong}
          >
            Mark not applicable
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
