import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  Rollout,
  RolloutChange,
  RolloutProgressResponse,
} from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef } from '../../api';
import { absoluteTime, displayName, formatDay } from '../shared/format';
import { Loaded } from '../shared/Loaded';
import { useKnowledge } from '../shared/useKnowledge';
import { useRolloutLinks } from '../shared/useRolloutLink';
import { useRolloutManagePermission } from '../shared/useRolloutManagePermission';
import { RolloutFormDialog } from './RolloutFormDialog';
import {
  approvalKey,
  Approvals,
  RolloutBurnUp,
  RolloutLeftEntities,
  RolloutOpenEntities,
  RolloutTeamsTable,
  RolloutTotals,
} from './RolloutProgressSections';
import {
  changeValue,
  fieldLabel,
  isRolloutOverdue,
  ROLLOUT_STATE_LABELS,
  targetSummary,
} from './rolloutFormat';
import { OverdueChip } from '../shared/rolloutLabels';

const isNotFound = (error: Error) =>
  (error as { statusCode?: number }).statusCode === 404 ||
  error.name === 'NotFoundError';

/** What the rollout asks, of whom and by when. */
const RolloutAbout = (props: {
  rollout: Rollout;
  percent?: number;
  itemTitles: Record<string, string>;
  onEdit?: () => void;
}) => {
  const { rollout, percent, itemTitles, onEdit } = props;
  const overdue = isRolloutOverdue(rollout, percent, new Date());
  return (
    <InfoCard
      title={rollout.title}
      titleTypographyProps={{ component: 'h2' }}
      subheader={
        <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
          <Chip size="small" label={ROLLOUT_STATE_LABELS[rollout.state]} />
          <span>
            {formatDay(rollout.startDate)} – due {formatDay(rollout.dueDate)}
          </span>
          {overdue && <OverdueChip />}
        </Box>
      }
      action={
        onEdit && (
          <Button variant="outlined" startIcon={<EditIcon />} onClick={onEdit}>
            Edit
          </Button>
        )
      }
    >
      {rollout.description && (
        <Typography variant="body1" style={{ whiteSpace: 'pre-wrap' }}>
          {rollout.description}
        </Typography>
      )}
      <Box component="dl" mt={2} mb={0}>
        <Typography component="dt" variant="subtitle2">
          Target
        </Typography>
        <Typography component="dd" variant="body2" style={{ marginLeft: 0 }}>
          {targetSummary(rollout.target)}
        </Typography>
        <Box mt={1}>
          <Typography component="dt" variant="subtitle2">
            Items ({rollout.itemIds.length})
          </Typography>
          <Typography component="dd" variant="body2" style={{ marginLeft: 0 }}>
            <Box component="ul" m={0} pl={2} aria-label="Items asked for">
              {rollout.itemIds.map(id => (
                <li key={id}>{itemTitles[id] ?? id}</li>
              ))}
            </Box>
          </Typography>
        </Box>
      </Box>
      <Typography variant="body2" color="textSecondary">
        {rollout.requireExemptionApproval &&
          'Exemptions count once a platform-group member approves them. '}
        Created by {displayName(rollout.createdBy)} on{' '}
        <span title={absoluteTime(rollout.createdAt)}>
          {formatDay(rollout.createdAt.slice(0, 10))}
        </span>
        .
      </Typography>
    </InfoCard>
  );
};

/** Who changed what and when, newest first. */
const RolloutHistory = (props: {
  history: RolloutChange[];
  itemTitles: Record<string, string>;
}) => {
  const { itemTitles } = props;
  const history = useMemo(
    () => [...props.history].sort((a, b) => b.version - a.version),
    [props.history],
  );
  return (
    <InfoCard title="History" subheader="Every accepted change of the rollout">
      {history.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No change recorded.
        </Typography>
      ) : (
        <Box
          component="ol"
          m={0}
          pl={0}
          style={{ listStyle: 'none' }}
          aria-label="Changes, newest first"
        >
          {history.map(entry => {
            const created = entry.version === 1;
            return (
              <Box component="li" key={entry.version} mb={1.5}>
                <Typography variant="body2">
                  <strong>{displayName(entry.changedBy)}</strong>{' '}
                  {created ? 'created the rollout' : 'changed it'} on{' '}
                  <span title={absoluteTime(entry.changedAt)}>
                    {formatDay(entry.changedAt.slice(0, 10))}
                  </span>{' '}
                  (version {entry.version})
                </Typography>
                <Box component="ul" my={0.5} pl={2}>
                  {Object.entries(entry.changes).map(([field, change]) => (
                    <Typography component="li" variant="body2" key={field}>
                      {fieldLabel(field)}:{' '}
                      {'from' in change && !created
                        ? `${changeValue(
                            field,
                            change.from,
                            itemTitles,
                          )} → ${changeValue(field, change.to, itemTitles)}`
                        : changeValue(field, change.to, itemTitles)}
                    </Typography>
                  ))}
                </Box>
              </Box>
            );
          })}
        </Box>
      )}
    </InfoCard>
  );
};

const RolloutProgressContent = (props: {
  progress: RolloutProgressResponse;
  itemTitles: Record<string, string>;
  approvals: Approvals;
}) => {
  const { progress, itemTitles, approvals } = props;
  return (
    <>
      <Grid item xs={12} md={6}>
        <RolloutTotals progress={progress} />
      </Grid>
      <Grid item xs={12} md={6}>
        <RolloutBurnUp burnUp={progress.burnUp} />
      </Grid>
      <Grid item xs={12}>
        <RolloutTeamsTable teams={progress.teams} />
      </Grid>
      <Grid item xs={12}>
        <RolloutOpenEntities
          entities={progress.entities}
          itemTitles={itemTitles}
          approvals={approvals}
        />
      </Grid>
      <Grid item xs={12}>
        <RolloutLeftEntities entities={progress.entities} />
      </Grid>
    </>
  );
};

/**
 * One rollout (`:id` of the route): what it asks of whom by when, where it
 * stands in total, per team and per entity, the burn-up, and its history.
 * Platform-group members edit it and approve exemptions awaiting approval.
 */
export const RolloutPage = () => {
  const { id = '' } = useParams();
  const api = useApi(caseStudiesApiRef);
  const alertApi = useApi(alertApiRef);
  const links = useRolloutLinks();
  const manage = useRolloutManagePermission();
  const knowledge = useKnowledge();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<string>();

  const rollout = useAsyncRetry(() => api.getRollout(id), [api, id]);
  const progress = useAsyncRetry(() => api.getRolloutProgress(id), [api, id]);
  const itemTitles = useMemo(
    () =>
      Object.fromEntries(
        (knowledge.value?.checklist ?? []).map(item => [item.id, item.title]),
      ),
    [knowledge.value],
  );

  const approve = async (entityRef: string, itemId: string) => {
    setPending(approvalKey(entityRef, itemId));
    try {
      await api.approveExemption(id, entityRef, itemId);
      alertApi.post({
        message: `Approved the exemption of ${itemTitles[itemId] ?? itemId}`,
        severity: 'success',
        display: 'transient',
      });
      progress.retry();
    } catch (error) {
      alertApi.post({
        message: `Could not approve the exemption: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setPending(undefined);
    }
  };

  const back = <Link to={links ? links.list() : '..'}>← All rollouts</Link>;

  if (rollout.error && !rollout.loading && isNotFound(rollout.error)) {
    return (
      <Box>
        {back}
        <EmptyState
          missing="data"
          title={`No rollout ${id}`}
          description="There is no rollout with this id: it may have been mistyped, or the link is from another installation."
        />
      </Box>
    );
  }

  return (
    <Box>
      <Box mb={2}>{back}</Box>
      <Loaded
        state={rollout}
        onRetry={rollout.retry}
        failure="Could not load the rollout"
      >
        {value => (
          <>
            <RolloutFormDialog
              open={editing}
              rollout={value.rollout}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                rollout.retry();
                progress.retry();
              }}
            />
            <Grid container spacing={3}>
              <Grid item xs={12}>
                <RolloutAbout
                  rollout={value.rollout}
                  percent={progress.value?.totals.percent}
                  itemTitles={itemTitles}
                  onEdit={manage.allowed ? () => setEditing(true) : undefined}
                />
              </Grid>
              {progress.error && !progress.loading && (
                <Grid item xs={12}>
                  <Alert
                    severity="warning"
                    action={
                      <Button
                        color="inherit"
                        size="small"
                        onClick={progress.retry}
                      >
                        Try again
                      </Button>
                    }
                  >
                    Could not load the rollout's progress:{' '}
                    {progress.error.message}
                  </Alert>
                </Grid>
              )}
              {!progress.value && progress.loading && (
                <Grid item xs={12}>
                  <Progress />
                </Grid>
              )}
              {progress.value && (
                <RolloutProgressContent
                  progress={progress.value}
                  itemTitles={itemTitles}
                  approvals={{
                    approve: manage.allowed ? approve : undefined,
                    pending,
                  }}
                />
              )}
              <Grid item xs={12}>
                <RolloutHistory
                  history={value.history}
                  itemTitles={itemTitles}
                />
              </Grid>
            </Grid>
          </>
        )}
      </Loaded>
    </Box>
  );
};
