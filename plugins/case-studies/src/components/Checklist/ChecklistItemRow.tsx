import { ChangeEvent, useState } from 'react';
import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import CircularProgress from '@material-ui/core/CircularProgress';
import Collapse from '@material-ui/core/Collapse';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import type {
  ChecklistStatus,
  EntityChecklistEntry,
} from '@case-studies/plugin-case-studies-common';
import {
  absoluteTime,
  displayName,
  formatDay,
  relativeTime,
  STATUS_LABELS,
  STATUS_ORDER,
} from '../shared/format';
import type { RolloutMark } from '../shared/useEntityRollouts';
import { ChecklistItemNotice } from './ChecklistItemNotice';
import { ExemptionDialog } from './ExemptionDialog';
import { ItemDetailsDialog } from './ItemDetailsDialog';
import { StatusIcon } from './StatusIcon';
import type {
  ChecklistChange,
  ChecklistItemNotice as Notice,
} from './useChecklist';

const useStyles = makeStyles(theme => ({
  row: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  main: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
  title: { flex: '1 1 240px', minWidth: 0 },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  select: { minWidth: 150 },
  icon: { marginTop: 3 },
  meta: { overflowWrap: 'anywhere' },
  rolloutChip: { margin: theme.spacing(0.5, 0.5, 0, 0) },
}));

/**
 * One checklist item: its status, who changed it and when, note, evidence
 * link and automatic evidence; for owners, the controls to change it.
 */
export const ChecklistItemRow = (props: {
  entry: EntityChecklistEntry;
  editable: boolean;
  pending: boolean;
  notice?: Notice;
  owners: string[];
  onChange: (change: ChecklistChange) => void;
  onDismissNotice: () => void;
  onShowHistory: () => void;
  /** the active rollouts asking for this item */
  rollouts?: RolloutMark[];
}) => {
  const { entry, editable, pending, notice, owners } = props;
  const classes = useStyles();
  const [askReason, setAskReason] = useState(false);
  const [editDetails, setEditDetails] = useState(false);
  const [showWhy, setShowWhy] = useState(false);
  const { state, automatic } = entry;
  const automaticallyDone =
    automatic.satisfied &&
    (state.status === 'todo' || state.status === 'in-progress');
  // catalog evidence counts as done even when nobody ticked the item
  const statusLabel = automaticallyDone
    ? 'Done automatically'
    : STATUS_LABELS[state.status];
  const whyId = `checklist-${entry.id}-why`;

  const onSelect = (event: ChangeEvent<{ value: unknown }>) => {
    const status = event.target.value as ChecklistStatus;
    if (status === state.status) return;
    if (status === 'not-applicable') {
      setAskReason(true);
      return;
    }
    props.onChange({
      status,
      // an exemption's reason does not carry over to a real status
      note: state.status === 'not-applicable' ? undefined : state.note,
      evidenceUrl: state.evidenceUrl,
    });
  };

  return (
    <Box
      className={classes.row}
      component="li"
      aria-label={`${entry.title}: ${statusLabel}`}
      aria-busy={pending}
    >
      <div className={classes.main}>
        <span className={classes.icon}>
          <StatusIcon status={state.status} automatic={automatic.satisfied} />
        </span>
        <div className={classes.title}>
          <Typography variant="body1" component="h4">
            {entry.title}
          </Typography>
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.meta}
            component="div"
          >
            <span>{statusLabel}</span>
            {state.exemptionExpired && <> · exemption expired</>}
            {pending && <> · saving…</>}
            {!pending && state.version > 0 && state.updatedBy && (
              <>
                {' · '}
                {displayName(state.updatedBy)}
                {state.updatedAt && (
                  <>
                    {' · '}
                    <span title={absoluteTime(state.updatedAt)}>
                      {relativeTime(state.updatedAt)}
                    </span>
                  </>
                )}
              </>
            )}
            {state.note && <> · “{state.note}”</>}
            {state.evidenceUrl && (
              <>
                {' · '}
                <Link
                  to={state.evidenceUrl}
                  aria-label={`Evidence for ${entry.title}`}
                >
                  evidence <OpenInNewIcon style={{ fontSize: 12 }} />
                </Link>
              </>
            )}
          </Typography>
          {props.rollouts?.map(mark => (
            <Chip
              key={mark.rolloutId}
              size="small"
              variant={mark.overdue ? 'default' : 'outlined'}
              color={mark.overdue ? 'secondary' : 'default'}
              className={classes.rolloutChip}
              label={`Rollout: ${mark.title}, due ${formatDay(mark.dueDate)}${
                mark.overdue ? ' (overdue)' : ''
              }`}
            />
          ))}
          {automatic.matches.length > 0 && (
            <Typography variant="body2" style={{ color: '#2e7d32' }}>
              Evidence in the catalog:{' '}
              {automatic.matches.map(m => m.detail).join('; ')}
            </Typography>
          )}
        </div>
        <div className={classes.controls}>
          {editable ? (
            <>
              <TextField
                id={`checklist-status-${entry.id}`}
                select
                size="small"
                variant="outlined"
                className={classes.select}
                label="Status"
                value={state.status}
                onChange={onSelect}
                disabled={pending}
                SelectProps={{ native: true }}
                inputProps={{ 'aria-label': `Status of ${entry.title}` }}
              >
                {STATUS_ORDER.map(status => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </TextField>
              {pending && <CircularProgress size={18} aria-label="Saving" />}
              <Button
                size="small"
                disabled={pending}
                onClick={() => setEditDetails(true)}
                aria-label={`Note and evidence for ${entry.title}`}
              >
                Note / evidence
              </Button>
            </>
          ) : null}
          <Button
            size="small"
            onClick={props.onShowHistory}
            aria-label={`History of ${entry.title}`}
          >
            History
          </Button>
          <Button
            size="small"
            aria-expanded={showWhy}
            aria-controls={whyId}
            onClick={() => setShowWhy(shown => !shown)}
            aria-label={`Why and how to verify ${entry.title}`}
          >
            Why?
          </Button>
        </div>
      </div>
      <Collapse in={showWhy}>
        <div id={whyId}>
          <Box pl={4} pt={1}>
            <Typography variant="body2" paragraph>
              <strong>Why:</strong> {entry.why}
            </Typography>
            <Typography variant="body2" paragraph>
              <strong>How to verify:</strong> {entry.verify}
            </Typography>
            <Typography variant="caption" color="textSecondary" component="div">
              Applies because: {entry.reason} ({entry.explanation}) · weight{' '}
              {entry.weight}
            </Typography>
          </Box>
        </div>
      </Collapse>
      {notice && (
        <Box pl={4} pt={1}>
          <ChecklistItemNotice
            notice={notice}
            owners={owners}
            onDismiss={props.onDismissNotice}
          />
        </Box>
      )}
      {askReason && (
        <ExemptionDialog
          open
          itemTitle={entry.title}
          onCancel={() => setAskReason(false)}
          onConfirm={reason => {
            setAskReason(false);
            props.onChange({
              status: 'not-applicable',
              note: reason,
              evidenceUrl: state.evidenceUrl,
            });
          }}
        />
      )}
      {editDetails && (
        <ItemDetailsDialog
          open
          itemTitle={entry.title}
          state={state}
          onCancel={() => setEditDetails(false)}
          onSave={details => {
            setEditDetails(false);
            props.onChange({ status: state.status, ...details });
          }}
        />
      )}
    </Box>
  );
};
