import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  EmptyState,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Rollout,
  RolloutCounts,
  RolloutState,
  ROLLOUT_STATES,
} from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef } from '../../api';
import { displayName, formatDay } from '../shared/format';
import { Loaded } from '../shared/Loaded';
import { useRolloutLinks } from '../shared/useRolloutLink';
import { useRolloutManagePermission } from '../shared/useRolloutManagePermission';
import { RolloutFormDialog } from './RolloutFormDialog';
import { RolloutPercent } from './RolloutPercent';
import { isRolloutOverdue, ROLLOUT_STATE_LABELS } from './rolloutFormat';
import { OverdueChip } from '../shared/rolloutLabels';

/** The filter's value: one state, or `all`. */
type StateFilter = RolloutState | 'all';

const DEFAULT_FILTER: StateFilter = 'active';

function readFilter(params: URLSearchParams): StateFilter {
  const value = params.get('state');
  if (value === 'all') return 'all';
  return (ROLLOUT_STATES as readonly string[]).includes(value ?? '')
    ? (value as RolloutState)
    : DEFAULT_FILTER;
}

/** Per rollout id: its totals, `null` when they could not be read, absent while loading. */
type ProgressById = Record<string, RolloutCounts | null>;

type Row = Rollout & { overdue: boolean; percent?: number | null };

/** The path of a rollout's page; relative to the list when the app has not bound the route. */
function useRolloutPath(): (id: string) => string {
  const links = useRolloutLinks();
  return (id: string) => (links ? links.rollout(id) : encodeURIComponent(id));
}

const RolloutsTable = (props: {
  rollouts: Rollout[];
  progress: ProgressById | undefined;
  title: string;
}) => {
  const { rollouts, progress, title } = props;
  const rolloutPath = useRolloutPath();
  // material-table annotates the rows it is given; keep the response clean
  const rows = useMemo<Row[]>(() => {
    const now = new Date();
    return rollouts.map(rollout => {
      const percent = progress
        ? progress[rollout.id]?.percent ?? null
        : undefined;
      return {
        ...rollout,
        percent,
        overdue: isRolloutOverdue(rollout, percent ?? undefined, now),
      };
    });
  }, [rollouts, progress]);

  const columns: TableColumn<Row>[] = [
    {
      title: 'Title',
      field: 'title',
      highlight: true,
      render: row => <Link to={rolloutPath(row.id)}>{row.title}</Link>,
    },
    {
      title: 'State',
      field: 'state',
      render: row => ROLLOUT_STATE_LABELS[row.state],
    },
    {
      title: 'Items',
      field: 'itemIds',
      type: 'numeric',
      customSort: (a, b) => a.itemIds.length - b.itemIds.length,
      render: row => row.itemIds.length,
    },
    {
      title: 'Due',
      field: 'dueDate',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => (
        <>
          {formatDay(row.dueDate)}
          {row.overdue && (
            <Box component="span" ml={1}>
              <OverdueChip />
            </Box>
          )}
        </>
      ),
    },
    {
      title: 'Progress',
      field: 'percent',
      customSort: (a, b) => (a.percent ?? -1) - (b.percent ?? -1),
      render: row => {
        if (row.percent === undefined) {
          return (
            <Typography variant="body2" color="textSecondary">
              Loading…
            </Typography>
          );
        }
        if (row.percent === null) {
          return (
            <Typography
              variant="body2"
              color="textSecondary"
              aria-label="Progress could not be loaded"
            >
              —
            </Typography>
          );
        }
        return (
          <RolloutPercent
            percent={row.percent}
            label={`${row.title}: ${row.percent}% done`}
          />
        );
      },
    },
    {
      title: 'Created by',
      field: 'createdBy',
      render: row => displayName(row.createdBy),
    },
  ];

  return (
    <Table<Row>
      title={title}
      options={{ search: false, paging: false, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
};

/**
 * The rollouts, active ones unless another state is picked (the pick is in
 * the URL's `state`), each with its progress, loaded in parallel: one that
 * fails shows `—`, the list stays. Platform-group members start new ones.
 */
export const RolloutsView = () => {
  const api = useApi(caseStudiesApiRef);
  const navigate = useNavigate();
  const rolloutPath = useRolloutPath();
  const manage = useRolloutManagePermission();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = readFilter(searchParams);
  const [creating, setCreating] = useState(false);

  const list = useAsyncRetry(
    () => api.listRollouts(filter === 'all' ? {} : { state: filter }),
    [api, filter],
  );
  const progress = useAsync(async (): Promise<ProgressById | undefined> => {
    if (!list.value) return undefined;
    const entries = await Promise.all(
      list.value.rollouts.map(rollout =>
        api.getRolloutProgress(rollout.id).then(
          p => [rollout.id, p.totals] as const,
          () => [rollout.id, null] as const,
        ),
      ),
    );
    return Object.fromEntries(entries);
  }, [api, list.value]);

  const filterLabel = filter === 'all' ? 'All' : ROLLOUT_STATE_LABELS[filter];
  const newButton = manage.allowed && (
    <Button
      variant="contained"
      color="primary"
      startIcon={<AddIcon />}
      onClick={() => setCreating(true)}
    >
      New rollout
    </Button>
  );

  return (
    <Box>
      <Box
        mb={2}
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        gridGap={16}
      >
        <TextField
          id="rollouts-state-filter"
          select
          label="State"
          value={filter}
          onChange={event => {
            const value = event.target.value as StateFilter;
            setSearchParams(value === DEFAULT_FILTER ? {} : { state: value });
          }}
          size="small"
          variant="outlined"
          SelectProps={{ native: true }}
          style={{ width: 160 }}
        >
          <option value="all">All states</option>
          {ROLLOUT_STATES.map(state => (
            <option key={state} value={state}>
              {ROLLOUT_STATE_LABELS[state]}
            </option>
          ))}
        </TextField>
        <Box flex={1} />
        {newButton}
      </Box>
      {list.loading && list.value && <Progress />}
      <Loaded
        state={list}
        onRetry={list.retry}
        failure="Could not load the rollouts"
      >
        {({ rollouts }) =>
          rollouts.length === 0 ? (
            <EmptyState
              missing="content"
              title={
                filter === 'all'
                  ? 'No rollouts yet'
                  : `No ${filterLabel.toLocaleLowerCase('en-US')} rollouts`
              }
              description={
                <>
                  A rollout asks the entities of a catalog filter to complete
                  checklist items by a due date, and tracks them.{' '}
                  {manage.allowed
                    ? 'Start one with New rollout: pick the items, the entities to target and the dates.'
                    : 'Members of the platform group start them here, with New rollout.'}
                  {filter !== 'all' && ' Pick All states to see the others.'}
                </>
              }
            />
          ) : (
            <RolloutsTable
              rollouts={rollouts}
              progress={progress.value}
              title={`${filterLabel} rollouts (${rollouts.length})`}
            />
          )
        }
      </Loaded>
      <RolloutFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={rollout => {
          setCreating(false);
          navigate(rolloutPath(rollout.id));
        }}
      />
    </Box>
  );
};
