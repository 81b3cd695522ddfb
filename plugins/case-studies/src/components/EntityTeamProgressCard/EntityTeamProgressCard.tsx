import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LevelDistribution } from '../Rollup/LevelDistribution';
import { lowestScores } from '../Rollup/rollupFormat';
import { useRollup } from '../Rollup/useRollup';
import { CardPlaceholder } from '../shared/CardPlaceholder';
import { LEVEL_LABELS } from '../shared/levels';
import { useCaseStudiesLink } from '../shared/useCaseStudiesLink';

const TITLE = 'Team progress';

/**
 * The group overview card: the mean score of the team's entities (with its
 * sub-teams), their level distribution, the three with the lowest scores,
 * and a link to the Case Studies tab (expected at `case-studies` next to
 * the overview).
 *
 * @public
 */
export const EntityTeamProgressCard = () => {
  const { entity } = useEntity();
  const { value, loading, error, retry } = useRollup(entity);
  const tabLink = useCaseStudiesLink();
  const deepLink = { title: 'Open Case Studies', link: 'case-studies' };

  if (error || !value) {
    return (
      <CardPlaceholder
        title={TITLE}
        loading={loading && !value}
        error={error}
        failure="Could not load the team's progress"
        onRetry={retry}
      />
    );
  }
  if (value.entities.length === 0) {
    return (
      <InfoCard title={TITLE} deepLink={deepLink}>
        <Typography variant="body2" color="textSecondary">
          This team owns no entities yet.
        </Typography>
      </InfoCard>
    );
  }

  const { summary } = value;
  const worst = lowestScores(value.entities, 3);
  return (
    <InfoCard title={TITLE} deepLink={deepLink}>
      <Box display="flex" alignItems="baseline" flexWrap="wrap">
        <Typography variant="h4" component="span" style={{ fontWeight: 700 }}>
          Mean score {summary.meanScore}
        </Typography>
        <Typography variant="body2" color="textSecondary" component="span">
          &nbsp;· median {summary.medianScore} · {summary.entities}{' '}
          {summary.entities === 1 ? 'entity' : 'entities'} · {summary.percent}%
          done
        </Typography>
      </Box>
      <Box mt={2}>
        <LevelDistribution levels={summary.levels} />
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          Lowest scores
        </Typography>
        <Box component="ol" m={0} pl={2.5} aria-label="Lowest scores">
          {worst.map(scored => (
            <li key={scored.entityRef}>
              <Typography variant="body2">
                <Link to={tabLink(scored.entityRef)}>
                  {scored.title ?? scored.name}
                </Link>{' '}
                · {scored.score.score} · {LEVEL_LABELS[scored.score.level]}
                {scored.topWarning &&
                  ` · ${scored.topWarning.severity} warning '${scored.topWarning.title}'`}
              </Typography>
            </li>
          ))}
        </Box>
      </Box>
    </InfoCard>
  );
};
