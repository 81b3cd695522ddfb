import { InfoCard, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { formatDay } from '../shared/format';
import {
  EXEMPTION_PROBLEM_LABELS,
  ITEM_STATUS_LABELS,
  OverdueChip,
} from '../shared/rolloutLabels';
import type { EntityRollout } from '../shared/useEntityRollouts';

type RolloutsState = {
  value?: EntityRollout[];
  loading: boolean;
  error?: Error;
};

/** Whether the card has anything to say: nothing when no rollout targets the entity. */
export function showsRollouts(state: RolloutsState): boolean {
  return state.loading || Boolean(state.error) || Boolean(state.value?.length);
}

/**
 * The active rollouts that target an entity: due dates and, per item, its
 * status on this entity, overdue ones flagged. A failure to load them is
 * said in the card; the rest of the tab does not depend on it.
 */
export const EntityRolloutsCard = (props: {
  state: RolloutsState;
  /** checklist item titles by id */
  itemTitles: Record<string, string>;
}) => {
  const { state, itemTitles } = props;
  return (
    <InfoCard
      title="Rollouts"
      subheader="Campaigns of the platform team that ask this entity for checklist items"
    >
      {state.loading && !state.value && <Progress />}
      {state.error && (
        <Alert severity="warning">
          Could not load the rollouts: {state.error.message}
        </Alert>
      )}
      {state.value?.map(({ rollout, progress }) => {
        const statusOf = new Map(progress?.items.map(i => [i.itemId, i]));
        return (
          <Box
            component="section"
            key={rollout.id}
            mb={2}
            aria-label={rollout.title}
          >
            <Typography variant="h6" component="h3">
              {rollout.title}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Due {formatDay(rollout.dueDate)}
              {progress && <> · {progress.percent}% done</>}
            </Typography>
            <Box component="ul" pl={2} my={1}>
              {rollout.itemIds.map(itemId => {
                const item = statusOf.get(itemId);
                return (
                  <li key={itemId}>
                    <Typography variant="body2" component="span">
                      {itemTitles[itemId] ?? itemId}:{' '}
                      {item ? ITEM_STATUS_LABELS[item.status] : 'unknown'}
                      {item?.exemptionProblem && (
                        <>
                          {' '}
                          ({EXEMPTION_PROBLEM_LABELS[item.exemptionProblem]})
                        </>
                      )}
                    </Typography>
                    {item?.overdue && (
                      <Box component="span" ml={1}>
                        <OverdueChip />
                      </Box>
                    )}
                  </li>
                );
              })}
            </Box>
          </Box>
        );
      })}
    </InfoCard>
  );
};
