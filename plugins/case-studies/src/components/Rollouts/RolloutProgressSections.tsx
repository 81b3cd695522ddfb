import { lazy, Suspense, useMemo } from 'react';
import {
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type {
  RolloutEntityProgress,
  RolloutProgressResponse,
} from '@case-studies/plugin-case-studies-common';
import { absoluteTime, formatDay } from '../shared/format';
import { useCaseStudiesLink } from '../shared/useCaseStudiesLink';
import { RolloutPercent } from './RolloutPercent';
import {
  entityLabel,
  EXEMPTION_PROBLEM_LABELS,
  ITEM_STATUS_LABELS,
  openEntities,
  teamLabel,
} from './rolloutFormat';
import { OverdueChip } from '../shared/rolloutLabels';

// recharts is most of the page's weight: fetch it only when a burn-up is drawn
const RolloutBurnUpChart = lazy(() =>
  import('./RolloutBurnUpChart').then(m => ({
    default: m.RolloutBurnUpChart,
  })),
);

/** The overall figures: percent done and the pairs by status. */
export const RolloutTotals = (props: { progress: RolloutProgressResponse }) => {
  const { totals, asOf } = props.progress;
  const figures: [string, number][] = [
    ['Entities', totals.entities],
    ['Done', totals.done],
    ['In progress', totals.inProgress],
    ['To do', totals.todo],
    ['Exempted', totals.exempted],
    ['Overdue', totals.overdue],
  ];
  return (
    <InfoCard
      title="Progress"
      subheader={
        <span title={absoluteTime(asOf)}>
          As of {formatDay(asOf.slice(0, 10))}
        </span>
      }
    >
      <RolloutPercent
        percent={totals.percent}
        label={`Rollout progress: ${totals.percent}% done`}
        width="60%"
      />
      <Box
        component="dl"
        display="flex"
        flexWrap="wrap"
        gridGap={24}
        mt={2}
        mb={0}
        aria-label="Items by status"
      >
        {figures.map(([label, value]) => (
          <Box key={label}>
            <Typography component="dt" variant="caption" color="textSecondary">
              {label}
            </Typography>
            <Typography
              component="dd"
              variant="h6"
              style={{ margin: 0 }}
              color={label === 'Overdue' && value > 0 ? 'error' : 'initial'}
            >
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </InfoCard>
  );
};

type TeamRow = RolloutProgressResponse['teams'][number] & {
  id: string;
  name: string;
};

/** Per owning team: its entities, the pairs by status and its percent. */
export const RolloutTeamsTable = (props: {
  teams: RolloutProgressResponse['teams'];
}) => {
  const tabLink = useCaseStudiesLink();
  const rows = useMemo<TeamRow[]>(
    () =>
      props.teams.map(team => ({
        ...team,
        id: team.team ?? '',
        name: teamLabel(team.team),
      })),
    [props.teams],
  );
  const columns: TableColumn<TeamRow>[] = [
    {
      title: 'Team',
      field: 'name',
      highlight: true,
      render: row =>
        row.team ? (
          <Link to={tabLink(row.team)}>{row.name}</Link>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {row.name}
          </Typography>
        ),
    },
    { title: 'Entities', field: 'entities', type: 'numeric' },
    { title: 'Done', field: 'done', type: 'numeric' },
    { title: 'In progress', field: 'inProgress', type: 'numeric' },
    { title: 'To do', field: 'todo', type: 'numeric' },
    { title: 'Exempted', field: 'exempted', type: 'numeric' },
    { title: 'Overdue', field: 'overdue', type: 'numeric' },
    {
      title: 'Progress',
      field: 'percent',
      render: row => (
        <RolloutPercent
          percent={row.percent}
          label={`${row.name}: ${row.percent}% done`}
        />
      ),
    },
  ];
  return (
    <Table<TeamRow>
      title="Progress per team"
      subtitle="The entities each team owns in the target"
      options={{ search: false, paging: false, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
};

/** What the page does to approve an exemption, and which one is being approved. */
export interface Approvals {
  /** absent for users who may not approve */
  approve?: (entityRef: string, itemId: string) => void;
  /** `entityRef itemId` of the approval under way */
  pending?: string;
}

export const approvalKey = (entityRef: string, itemId: string) =>
  `${entityRef} ${itemId}`;

const OpenEntity = (props: {
  entity: RolloutEntityProgress;
  itemTitles: Record<string, string>;
  approvals: Approvals;
}) => {
  const { entity, itemTitles, approvals } = props;
  const tabLink = useCaseStudiesLink();
  const name = entityLabel(entity);
  const total = entity.done + entity.inProgress + entity.todo;
  const open = entity.items.filter(
    i => i.status === 'todo' || i.status === 'in-progress',
  );
  return (
    <Box component="li" mb={2} aria-label={name}>
      <Typography variant="subtitle1" component="h3">
        <Link to={tabLink(entity.entityRef)}>{name}</Link>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {teamLabel(entity.owner)} · {entity.done} of {total} done
        {entity.overdue > 0 && ` · ${entity.overdue} overdue`}
      </Typography>
      <Box component="ul" pl={2} my={0.5}>
        {open.map(item => {
          const title = itemTitles[item.itemId] ?? item.itemId;
          const key = approvalKey(entity.entityRef, item.itemId);
          return (
            <Box
              component="li"
              key={item.itemId}
              display="flex"
              flexWrap="wrap"
              alignItems="center"
              gridGap={8}
            >
              <Typography variant="body2" component="span">
                {title}: {ITEM_STATUS_LABELS[item.status]}
                {item.exemptionProblem && (
                  <> ({EXEMPTION_PROBLEM_LABELS[item.exemptionProblem]})</>
                )}
              </Typography>
              {item.overdue && <OverdueChip />}
              {item.exemptionProblem === 'awaiting-approval' &&
                approvals.approve && (
                  <Button
                    size="small"
                    variant="outlined"
                    color="primary"
                    disabled={approvals.pending === key}
                    aria-label={`Approve exemption: ${title} on ${name}`}
                    onClick={() =>
                      approvals.approve!(entity.entityRef, item.itemId)
                    }
                  >
                    Approve exemption
                  </Button>
                )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};

/** The entities with items open, where to chase first at the top; each with its open items. */
export const RolloutOpenEntities = (props: {
  entities: RolloutEntityProgress[];
  itemTitles: Record<string, string>;
  approvals: Approvals;
}) => {
  const { itemTitles, approvals } = props;
  const entities = useMemo(
    () => openEntities(props.entities),
    [props.entities],
  );
  return (
    <InfoCard
      title={`Entities still open (${entities.length})`}
      subheader="Overdue ones first, then those with the fewest items done"
    >
      {entities.length === 0 ? (
        <Typography variant="body2">
          Every targeted entity has done or been exempted from every item.
        </Typography>
      ) : (
        <Box
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label="Entities still open"
        >
          {entities.map(entity => (
            <OpenEntity
              key={entity.entityRef}
              entity={entity}
              itemTitles={itemTitles}
              approvals={approvals}
            />
          ))}
        </Box>
      )}
    </InfoCard>
  );
};

/** Entities that were targeted and no longer are: listed, not counted. */
export const RolloutLeftEntities = (props: {
  entities: RolloutEntityProgress[];
}) => {
  const tabLink = useCaseStudiesLink();
  const left = props.entities.filter(e => e.leftAt);
  if (left.length === 0) return null;
  return (
    <InfoCard
      title={`Entities that left the target (${left.length})`}
      subheader="No longer matched by the target; not counted in the progress"
    >
      <Box
        component="ul"
        m={0}
        pl={2}
        aria-label="Entities that left the target"
      >
        {left.map(entity => (
          <li key={entity.entityRef}>
            <Typography variant="body2" component="span">
              <Link to={tabLink(entity.entityRef)}>{entityLabel(entity)}</Link>{' '}
              left on{' '}
              <span title={absoluteTime(entity.leftAt)}>
                {formatDay(entity.leftAt!.slice(0, 10))}
              </span>
            </Typography>
          </li>
        ))}
      </Box>
    </InfoCard>
  );
};

/** `Done: 0 of 4 on Mar 1, 2026 → 1 of 3 on Apr 15, 2026`: the chart in words. */
export function burnUpSummary(
  burnUp: RolloutProgressResponse['burnUp'],
): string {
  if (burnUp.length === 0) return '';
  const at = (point: (typeof burnUp)[number]) =>
    `${point.done} of ${point.total} on ${formatDay(point.day)}`;
  const first = burnUp[0];
  const last = burnUp[burnUp.length - 1];
  return burnUp.length === 1
    ? `Done: ${at(first)}`
    : `Done: ${at(first)} → ${at(last)}`;
}

/** The burn-up chart, with its figures in words for those who cannot see it. */
export const RolloutBurnUp = (props: {
  burnUp: RolloutProgressResponse['burnUp'];
}) => {
  const { burnUp } = props;
  return (
    <InfoCard
      title="Burn-up"
      subheader="Items done at the end of each day, against the total asked for"
    >
      {burnUp.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing to draw yet: the rollout has not started.
        </Typography>
      ) : (
        <Box
          component="figure"
          m={0}
          aria-label="Burn-up: done and total per day"
        >
          <Suspense fallback={<Progress />}>
            <RolloutBurnUpChart burnUp={burnUp} />
          </Suspense>
          <Typography
            component="figcaption"
            variant="caption"
            color="textSecondary"
          >
            {burnUpSummary(burnUp)}
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
};
