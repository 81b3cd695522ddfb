import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type {
  Rollout,
  RolloutInput,
} from '@case-studies/plugin-case-studies-common';
import { absoluteTime, displayName, relativeTime } from '../shared/format';
import {
  changedFieldsOf,
  rolloutFormValuesOf,
  rolloutPatchOf,
} from './rolloutFormValues';

const FIELD_NAMES: Record<keyof RolloutInput, string> = {
  title: 'title',
  description: 'description',
  itemIds: 'checklist items',
  target: 'target',
  startDate: 'start date',
  dueDate: 'due date',
  state: 'state',
  requireExemptionApproval: 'exemption approval',
};

/**
 * A save refused with 409: who changed the rollout since this form loaded
 * it, what they changed, and the way on — load their version and redo the
 * change on top of it.
 */
export const RolloutFormConflict = (props: {
  /** the rollout the form's change was based on */
  base: Rollout;
  /** the rollout as it is now */
  current: Rollout;
  onLoadTheirs: () => void;
}) => {
  const { base, current, onLoadTheirs } = props;
  const theirChanges = changedFieldsOf(
    rolloutPatchOf(base, rolloutFormValuesOf(current)),
  ).map(field => FIELD_NAMES[field]);
  return (
    <Alert
      severity="warning"
      role="alert"
      action={
        <Button color="inherit" size="small" onClick={onLoadTheirs}>
          Load their version
        </Button>
      }
    >
      <AlertTitle>Someone else changed this rollout</AlertTitle>
      {displayName(current.updatedBy)} saved version {current.version}{' '}
      <span title={absoluteTime(current.updatedAt)}>
        {relativeTime(current.updatedAt)}
      </span>
      {theirChanges.length > 0 ? ` (changed: ${theirChanges.join(', ')})` : ''}.
      Your changes were not saved. Load their version, then make your change
      again.
    </Alert>
  );
};
