import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  STATUS_LABELS,
  displayName,
  ownerNames,
  relativeTime,
} from '../shared/format';
import type { ChecklistItemNotice as Notice } from './useChecklist';

/** Why a change did not go through: someone else changed the item, the user does not own the entity, or an error. */
export const ChecklistItemNotice = (props: {
  notice: Notice;
  owners: string[];
  onDismiss: () => void;
}) => {
  const { notice, owners, onDismiss } = props;
  if (notice.type === 'conflict') {
    const { current } = notice;
    return (
      <Alert severity="warning" onClose={onDismiss} role="alert">
        <AlertTitle>Someone else changed this item</AlertTitle>
        {displayName(current.updatedBy)} set it to “
        {STATUS_LABELS[current.status]}”
        {current.updatedAt ? ` ${relativeTime(current.updatedAt)}` : ''}
        {current.note ? ` with the note “${current.note}”` : ''}. Your change to
        “{STATUS_LABELS[notice.attempted]}” was not saved; the checklist now
        shows their version. Change it again if you still want yours.
      </Alert>
    );
  }
  if (notice.type === 'forbidden') {
    return (
      <Alert severity="error" onClose={onDismiss} role="alert">
        <AlertTitle>You do not own this entity</AlertTitle>
        Only its owners can change its checklist: {ownerNames(owners)}. Your
        change was not saved.
      </Alert>
    );
  }
  return (
    <Alert severity="error" onClose={onDismiss} role="alert">
      <AlertTitle>The change was not saved</AlertTitle>
      {notice.message}. The item is back to its previous status.
    </Alert>
  );
};
