import { useMemo } from 'react';
import { Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type {
  ScorecardGroup,
  ScorecardGroupBy,
} from '@case-studies/plugin-case-studies-common';
import { SEVERITY_ORDER } from '../shared/format';
import { useCaseStudiesLink } from '../shared/useCaseStudiesLink';
import { LevelBar } from '../Rollup/LevelDistribution';
import { LEVELS_HIGHEST_FIRST, warningsText } from '../Rollup/rollupFormat';
import {
  GROUP_BY_LABELS,
  GROUP_BY_PLURALS,
  groupLabel,
  meanChangeLabel,
  meanChangeText,
  sameKey,
} from './scorecardFormat';

type Row = ScorecardGroup & { id: string; label: string };

const useStyles = makeStyles(theme => ({
  up: { color: theme.palette.success.main, fontWeight: 600 },
  down: { color: theme.palette.error.main, fontWeight: 600 },
}));

/** Ascending by a list of numbers, the first that differs deciding. */
function compareVectors(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** Share of the entities at each level, highest level first: more gold sorts higher. */
const levelShares = (row: Row) =>
  LEVELS_HIGHEST_FIRST.map(level =>
    row.entities === 0 ? 0 : row.levels[level] / row.entities,
  );

/** Warning counts, most severe first: one critical outweighs any number of lower ones. */
const warningCounts = (row: Row) => SEVERITY_ORDER.map(s => row.warnings[s]);

/** A missing number sorts below every number. */
const orLowest = (value: number | null | undefined) => value ?? -Infinity;

/**
 * The report's rows: entities, mean and median score, the level
 * distribution, completion, exemptions, warnings and the change since the
 * snapshot before; sortable by each. A click on a row picks it for the
 * trend chart.
 */
export const ScorecardTable = (props: {
  groups: ScorecardGroup[];
  groupBy: ScorecardGroupBy;
  selectedKey?: string | null;
  onSelect: (key: string | null) => void;
}) => {
  const { groups, groupBy, selectedKey, onSelect } = props;
  const classes = useStyles();
  const theme = useTheme();
  const tabLink = useCaseStudiesLink();
  // material-table annotates the rows it is given; keep the report clean
  const rows = useMemo<Row[]>(
    () =>
      groups.map(group => ({
        ...group,
        id: group.key ?? '',
        label: groupLabel(group, groupBy),
      })),
    [groups, groupBy],
  );

  const columns: TableColumn<Row>[] = [
    {
      title: GROUP_BY_LABELS[groupBy],
      field: 'label',
      highlight: true,
      cellStyle: { whiteSpace: 'nowrap' },
      customSort: (a, b) => a.label.localeCompare(b.label),
      render: row =>
        row.key === null ? (
          <Typography variant="body2" color="textSecondary">
            {row.label}
          </Typography>
        ) : (
          <Link to={tabLink(row.key)}>{row.label}</Link>
        ),
    },
    { title: 'Entities', field: 'entities', type: 'numeric' },
    {
      title: 'Mean',
      field: 'meanScore',
      type: 'numeric',
      customSort: (a, b) => orLowest(a.meanScore) - orLowest(b.meanScore),
      render: row => <strong>{row.meanScore ?? '—'}</strong>,
    },
    {
      title: 'Median',
      field: 'medianScore',
      type: 'numeric',
      customSort: (a, b) => orLowest(a.medianScore) - orLowest(b.medianScore),
      render: row => row.medianScore ?? '—',
    },
    {
      title: 'Levels',
      field: 'levels',
      searchable: false,
      customSort: (a, b) => compareVectors(levelShares(a), levelShares(b)),
      render: row => (
        <Box minWidth={72}>
          <LevelBar levels={row.levels} height={8} />
        </Box>
      ),
    },
    {
      title: 'Done',
      field: 'percent',
      cellStyle: { whiteSpace: 'nowrap' },
      customSort: (a, b) => a.percent - b.percent || a.done - b.done,
      render: row => `${row.done}/${row.applicable} (${row.percent}%)`,
    },
    { title: 'Exempted', field: 'exempted', type: 'numeric' },
    {
      title: 'Warnings',
      field: 'warnings',
      // the search box finds "critical" in what the cell says, not in the counts object
      customFilterAndSearch: (filter: string, row: Row) =>
        warningsText(row.warnings).toLowerCase().includes(filter.toLowerCase()),
      customSort: (a, b) => compareVectors(warningCounts(a), warningCounts(b)),
      render: row => warningsText(row.warnings),
    },
    {
      title: 'Change',
      field: 'change.meanScore',
      type: 'numeric',
      searchable: false,
      customSort: (a, b) =>
        orLowest(a.change?.meanScore) - orLowest(b.change?.meanScore),
      render: row => {
        const delta = row.change?.meanScore ?? 0;
        return (
          <span
            title={meanChangeLabel(row.change)}
            aria-label={meanChangeLabel(row.change)}
            className={
              (delta > 0 && classes.up) || (delta < 0 && classes.down) || ''
            }
          >
            {meanChangeText(row.change)}
          </span>
        );
      },
    },
  ];

  return (
    <Table<Row>
      title={`${GROUP_BY_PLURALS[groupBy]} (${rows.length})`}
      options={{
        search: true,
        paging: rows.length > 20,
        pageSize: 20,
        padding: 'dense',
        // nine columns: the headers' usual padding would push the last off a laptop's screen
        headerStyle: { paddingLeft: 16, paddingRight: 8 },
        rowStyle: row =>
          selectedKey !== undefined && sameKey(row.key, selectedKey)
            ? { background: theme.palette.action.selected }
            : {},
      }}
      localization={{ toolbar: { searchPlaceholder: 'Search rows' } }}
      onRowClick={(_event, row) => row && onSelect(row.key)}
      columns={columns}
      data={rows}
    />
  );
};
