import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { scorecardsRouteRef } from '../../routes';
import { ScorecardQuery, scorecardSearchParams } from './scorecardQuery';

/**
 * A function from a view of the scorecard report to the path of the page's
 * Scorecards tab showing it; `undefined` when the app has not mounted the
 * page (the entity tab can be installed without it), so callers show no link.
 */
export function useScorecardsLink():
  | ((query: ScorecardQuery) => string)
  | undefined {
  let scorecardsPath: (() => string) | undefined;
  try {
    // Backstage has no hook that answers "not mounted" without throwing.
    // useRouteRef throws only after its own hooks have run, so catching it
    // still calls the same hooks on every render.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    scorecardsPath = useRouteRef(scorecardsRouteRef);
  } catch {
    scorecardsPath = undefined;
  }
  const link = useCallback(
    (query: ScorecardQuery) =>
      `${scorecardsPath!()}?${scorecardSearchParams(query)}`,
    [scorecardsPath],
  );
  return scorecardsPath ? link : undefined;
}
