import { EmptyState, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { ScorecardReport } from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef } from '../../api';
import { RollupTeamsTable, TeamTotals } from '../Rollup/RollupTeamsTable';
import { Loaded } from '../shared/Loaded';
import { ScorecardSourceLine } from '../Scorecards/ScorecardSourceLine';
import { useScorecardsLink } from '../Scorecards';

const Teams = (props: { report: ScorecardReport }) => {
  const { report } = props;
  const scorecardsLink = useScorecardsLink();
  const teams: TeamTotals[] = report.groups.flatMap(group =>
    group.key === null ? [] : [{ entityRef: group.key, summary: group }],
  );
  const unowned = report.groups.find(group => group.key === null)?.entities;
  if (teams.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No team owns a scored entity yet"
        description="Entities are listed under the group (or user) their spec.owner names."
      />
    );
  }
  return (
    <>
      <Box mb={2} display="flex" flexWrap="wrap" gridGap={16}>
        <ScorecardSourceLine report={report} />
        {scorecardsLink && (
          <Link to={scorecardsLink({ groupBy: 'owner' })}>
            Compare them over time in Scorecards
          </Link>
        )}
      </Box>
      <RollupTeamsTable
        teams={teams}
        subtitle="What each owner owns directly; a team's tab adds its sub-teams"
      />
      {unowned !== undefined && (
        <Box mt={1}>
          <Typography variant="body2" color="textSecondary">
            {unowned === 1
              ? '1 scored entity has no owner.'
              : `${unowned} scored entities have no owner.`}
          </Typography>
        </Box>
      )}
    </>
  );
};

/** Every team (every owner) with its entities, mean score and levels, from the scorecard report. */
export const TeamsTab = () => {
  const api = useApi(caseStudiesApiRef);
  const report = useAsyncRetry(
    () => api.getScorecard({ groupBy: 'owner' }),
    [api],
  );
  return (
    <Loaded
      state={report}
      onRetry={report.retry}
      failure="Could not load the teams"
    >
      {value => <Teams report={value} />}
    </Loaded>
  );
};
