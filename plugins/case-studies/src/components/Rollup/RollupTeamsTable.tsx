import { useMemo } from 'react';
import { Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import type {
  RollupTeam,
  ScoreTotals,
} from '@case-studies/plugin-case-studies-common';
import { useCaseStudiesLink } from '../shared/useCaseStudiesLink';
import { levelsText, teamName } from './rollupFormat';

type Row = {
  id: string;
  entityRef: string;
  name: string;
  /** how far below the top of the roll-up the team is */
  depth: number;
  entities: number;
  meanScore: number | null;
  levels: string;
};

/** What the table shows of a team: a roll-up's team, or an owner's row of the scorecard report. */
export type TeamTotals = Pick<RollupTeam, 'entityRef' | 'title' | 'parent'> & {
  summary: Pick<ScoreTotals, 'entities' | 'meanScore' | 'levels'>;
};

/** Depth of each team by its parent chain within the roll-up (a cycle stops it). */
function depthOf(team: TeamTotals, byRef: Map<string, TeamTotals>): number {
  let depth = 0;
  const seen = new Set([team.entityRef]);
  let parent = team.parent ? byRef.get(team.parent) : undefined;
  while (parent && !seen.has(parent.entityRef)) {
    seen.add(parent.entityRef);
    depth += 1;
    parent = parent.parent ? byRef.get(parent.parent) : undefined;
  }
  return depth;
}

/** Per team: the entities it owns directly, their mean score and levels. */
export const RollupTeamsTable = (props: {
  teams: TeamTotals[];
  subtitle?: string;
}) => {
  const { teams, subtitle = 'What each team owns directly' } = props;
  const tabLink = useCaseStudiesLink();
  const rows = useMemo<Row[]>(() => {
    const byRef = new Map(teams.map(t => [t.entityRef, t]));
    return teams.map(team => ({
      id: team.entityRef,
      entityRef: team.entityRef,
      name: teamName(team.entityRef, teams),
      depth: depthOf(team, byRef),
      entities: team.summary.entities,
      meanScore: team.summary.meanScore,
      levels: levelsText(team.summary.levels),
    }));
  }, [teams]);

  const columns: TableColumn<Row>[] = [
    {
      title: 'Team',
      field: 'name',
      highlight: true,
      render: row => (
        <Box pl={row.depth * 2}>
          <Link to={tabLink(row.entityRef)}>{row.name}</Link>
        </Box>
      ),
    },
    { title: 'Entities', field: 'entities', type: 'numeric' },
    {
      title: 'Mean score',
      field: 'meanScore',
      type: 'numeric',
      customSort: (a, b) => (a.meanScore ?? -1) - (b.meanScore ?? -1),
      render: row => row.meanScore ?? '—',
    },
    { title: 'Levels', field: 'levels', sorting: false },
  ];

  return (
    <Table<Row>
      title="Teams"
      subtitle={subtitle}
      options={{ search: false, paging: false, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
};
