import { useMemo, useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { formatDay } from '../shared/format';
import {
  EXEMPTION_PROBLEM_LABELS,
  ITEM_STATUS_LABELS,
  OverdueChip,
} from '../shared/rolloutLabels';
import { useCaseStudiesLink } from '../shared/useCaseStudiesLink';
import { useKnowledge } from '../shared/useKnowledge';
import { useRolloutLinks } from '../shared/useRolloutLink';
import type { OpenRolloutItemsState } from './useOpenRolloutItems';

/** Rows shown before "Show all": the overdue ones come first, so they are the ones seen. */
const FIRST_ROWS = 20;

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Whether the card has anything to say: nothing once the rollouts are
 * loaded and none targets an entity of the roll-up.
 */
export function showsOpenRolloutItems(state: OpenRolloutItemsState): boolean {
  if (state.error) return true;
  if (!state.value) return state.loading;
  return state.value.rollouts.length > 0 || state.value.failed.length > 0;
}

/**
 * The (entity, item) pairs that active rollouts still ask of the roll-up's
 * entities, overdue first. A failure is said in the card, with a retry; the
 * rest of the roll-up does not depend on it.
 */
export const OpenRolloutItemsCard = (props: {
  state: OpenRolloutItemsState;
}) => {
  const { state } = props;
  const knowledge = useKnowledge();
  const rolloutLinks = useRolloutLinks();
  const tabLink = useCaseStudiesLink();
  const [showAll, setShowAll] = useState(false);
  const itemTitles = useMemo(
    () => new Map(knowledge.value?.checklist.map(i => [i.id, i.title])),
    [knowledge.value],
  );

  const value = state.value;
  const items = value?.items ?? [];
  const overdue = items.filter(i => i.overdue).length;
  const shown = showAll ? items : items.slice(0, FIRST_ROWS);
  const retry = (
    <Button color="inherit" size="small" onClick={state.retry}>
      Try again
    </Button>
  );

  return (
    <InfoCard
      title="Open rollout items"
      subheader={
        value && value.rollouts.length > 0
          ? `${items.length} open, ${overdue} overdue, in ${plural(
              value.rollouts.length,
              'active rollout',
            )}`
          : 'Checklist items that active rollouts still ask of the entities here'
      }
    >
      {state.loading && !value && <Progress />}
      {state.error && (
        <Alert severity="warning" action={retry}>
          Could not load the rollouts: {state.error.message}
        </Alert>
      )}
      {value?.failed.map(({ rollout, error }) => (
        <Box mb={1} key={rollout.id}>
          <Alert severity="warning" action={retry}>
            Could not load the progress of “{rollout.title}”: {error.message}
          </Alert>
        </Box>
      ))}
      {value && value.rollouts.length > 0 && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing is open: every item the active rollouts ask for here is done
          or exempted.
        </Typography>
      )}
      {items.length > 0 && (
        <Box overflow="auto">
          <Table size="small" aria-label="Open rollout items">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>Checklist item</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Rollout</TableCell>
                <TableCell>Due</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(item => (
                <TableRow
                  key={`${item.rollout.id} ${item.entityRef} ${item.itemId}`}
                >
                  <TableCell>
                    <Link to={tabLink(item.entityRef)}>{item.entityName}</Link>
                  </TableCell>
                  <TableCell>
                    {itemTitles.get(item.itemId) ?? item.itemId}
                  </TableCell>
                  <TableCell>
                    {ITEM_STATUS_LABELS[item.status]}
                    {item.exemptionProblem && (
                      <> ({EXEMPTION_PROBLEM_LABELS[item.exemptionProblem]})</>
                    )}
                  </TableCell>
                  <TableCell>
                    {rolloutLinks ? (
                      <Link to={rolloutLinks.rollout(item.rollout.id)}>
                        {item.rollout.title}
                      </Link>
                    ) : (
                      item.rollout.title
                    )}
                  </TableCell>
                  <TableCell>
                    <Box component="span" whiteSpace="nowrap">
                      {formatDay(item.rollout.dueDate)}
                    </Box>
                    {item.overdue && (
                      <Box component="span" ml={1}>
                        <OverdueChip />
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {items.length > FIRST_ROWS && (
            <Box mt={1}>
              <Button
                size="small"
                color="primary"
                onClick={() => setShowAll(!showAll)}
              >
                {showAll ? 'Show fewer' : `Show all ${items.length}`}
              </Button>
            </Box>
          )}
        </Box>
      )}
    </InfoCard>
  );
};
