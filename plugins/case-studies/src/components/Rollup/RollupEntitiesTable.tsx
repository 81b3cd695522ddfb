import { useMemo } from 'react';
import { Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import {
  RollupTeam,
  SCORE_LEVELS,
  ScoredEntity,
} from '@case-studies/plugin-case-studies-common';
import { SEVERITY_ORDER } from '../shared/format';
import { LevelChip } from '../shared/ScoreBadge';
import { useCaseStudiesLink } from '../shared/useCaseStudiesLink';
import { teamName } from './rollupFormat';

type Row = ScoredEntity & {
  id: string;
  displayName: string;
  kindType: string;
  teamName: string;
};

/** Lower is more severe; entities without warnings sort after every severity. */
const warningRank = (row: Row) =>
  row.topWarning
    ? SEVERITY_ORDER.indexOf(row.topWarning.severity)
    : SEVERITY_ORDER.length;

const compareText = (a: string, b: string) => a.localeCompare(b);

/** Every entity of the roll-up with its score, level, progress and top warning; weakest first. */
export const RollupEntitiesTable = (props: {
  entities: ScoredEntity[];
  teams: RollupTeam[];
}) => {
  const { entities, teams } = props;
  const tabLink = useCaseStudiesLink();
  // material-table annotates the rows it is given; keep the response clean
  const rows = useMemo<Row[]>(
    () =>
      entities.map(entity => ({
        ...entity,
        id: entity.entityRef,
        displayName: entity.title ?? entity.name,
        kindType: entity.type ? `${entity.kind} · ${entity.type}` : entity.kind,
        teamName: teamName(entity.team, teams),
      })),
    [entities, teams],
  );

  const columns: TableColumn<Row>[] = [
    {
      title: 'Entity',
      field: 'displayName',
      highlight: true,
      customSort: (a, b) => compareText(a.displayName, b.displayName),
      render: row => <Link to={tabLink(row.entityRef)}>{row.displayName}</Link>,
    },
    { title: 'Kind', field: 'kindType' },
    { title: 'Team', field: 'teamName' },
    {
      title: 'Score',
      field: 'score.score',
      type: 'numeric',
      defaultSort: 'asc',
      customSort: (a, b) =>
        a.score.score - b.score.score || compareText(a.entityRef, b.entityRef),
      render: row => <strong>{row.score.score}</strong>,
    },
    {
      title: 'Level',
      field: 'score.level',
      customSort: (a, b) =>
        SCORE_LEVELS.indexOf(a.score.level) -
          SCORE_LEVELS.indexOf(b.score.level) || a.score.score - b.score.score,
      render: row => <LevelChip level={row.score.level} />,
    },
    {
      title: 'Progress',
      field: 'percent',
      customSort: (a, b) => a.percent - b.percent || a.done - b.done,
      render: row => (
        <Box minWidth={120}>
          <LinearProgress
            variant="determinate"
            value={row.percent}
            aria-label={`${row.displayName}: ${row.done} of ${row.applicable} done`}
            style={{ height: 6, borderRadius: 3 }}
          />
          <Typography variant="caption">
            {row.done}/{row.applicable}
          </Typography>
        </Box>
      ),
    },
    {
      title: 'Top warning',
      field: 'topWarning.title',
      customSort: (a, b) => warningRank(a) - warningRank(b),
      render: row =>
        row.topWarning ? (
          <Typography variant="body2">
            <strong>{row.topWarning.severity.toUpperCase()}</strong> ·{' '}
            {row.topWarning.title}
          </Typography>
        ) : (
          <Typography variant="body2" color="textSecondary">
            none
          </Typography>
        ),
    },
  ];

  return (
    <Table<Row>
      title={`Entities (${entities.length})`}
      options={{
        search: true,
        paging: rows.length > 20,
        pageSize: 20,
        padding: 'dense',
      }}
      localization={{
        toolbar: { searchPlaceholder: 'Search entities' },
      }}
      columns={columns}
      data={rows}
    />
  );
};
