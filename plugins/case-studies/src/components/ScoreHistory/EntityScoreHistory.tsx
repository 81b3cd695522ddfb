import { lazy, Suspense } from 'react';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { caseStudiesApiRef } from '../../api';
import { formatDay } from '../shared/format';

const ScoreSparkline = lazy(() =>
  import('./ScoreSparkline').then(m => ({ default: m.ScoreSparkline })),
);

/**
 * The entity's score over the snapshots: a sparkline from the second
 * snapshot on. A failed request leaves a short note and nothing else, so
 * the rest of the tab is never held up by it.
 */
export const EntityScoreHistory = (props: { entityRef: CompoundEntityRef }) => {
  const { entityRef } = props;
  const api = useApi(caseStudiesApiRef);
  const history = useAsync(
    () => api.getEntityScoreHistory(entityRef),
    [api, entityRef],
  );

  if (history.loading) return null;
  if (history.error || !history.value) {
    return (
      <Typography variant="caption" color="textSecondary">
        The score history could not be loaded.
      </Typography>
    );
  }
  const { points } = history.value;
  if (points.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary">
        No score history yet: the score is recorded at each snapshot, daily by
        default.
      </Typography>
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <Typography variant="caption" color="textSecondary">
        Score over time
      </Typography>
      <Box
        role="img"
        aria-label={`Score at ${points.length} snapshots: ${
          first.score
        } on ${formatDay(first.day)}, ${last.score} on ${formatDay(last.day)}`}
        width={160}
        height={36}
      >
        <Suspense fallback={null}>
          <ScoreSparkline points={points} />
        </Suspense>
      </Box>
      <Typography variant="caption" color="textSecondary">
        {first.score} → {last.score} since {formatDay(first.day)}
      </Typography>
    </Box>
  );
};
