import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rolloutRouteRef, rolloutsRouteRef } from '../../routes';

/**
 * Paths of the page's Rollouts tab and of one rollout's page; `undefined`
 * when the app has not mounted the page (the entity tab can be installed
 * without it), so callers show the title without a link.
 */
export function useRolloutLinks():
  | { list: () => string; rollout: (id: string) => string }
  | undefined {
  let listPath: (() => string) | undefined;
  let rolloutPath: ((params: { id: string }) => string) | undefined;
  try {
    // as in useScorecardsLink: useRouteRef throws after its own hooks ran
    // eslint-disable-next-line react-hooks/rules-of-hooks
    listPath = useRouteRef(rolloutsRouteRef);
    // eslint-disable-next-line react-hooks/rules-of-hooks
    rolloutPath = useRouteRef(rolloutRouteRef);
  } catch {
    listPath = undefined;
  }
  const rollout = useCallback(
    (id: string) => rolloutPath!({ id }),
    [rolloutPath],
  );
  return listPath && rolloutPath ? { list: listPath, rollout } : undefined;
}
