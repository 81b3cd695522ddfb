import { useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { ScoredEntity } from '@case-studies/plugin-case-studies-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { CaseStudiesApi, caseStudiesApiRef } from '../../api';
import {
  ActiveRolloutProgress,
  OpenRolloutItems,
  openRolloutItems,
} from './openRolloutItems';

/**
 * Every active rollout with its progress, read in parallel; a rollout whose
 * progress fails is kept with its error. Not narrowed with `team`: the
 * backend's team filter matches only what a group owns directly, missing its
 * sub-teams, and active rollouts are few.
 */
export async function loadActiveRollouts(
  api: CaseStudiesApi,
): Promise<ActiveRolloutProgress[]> {
  const { rollouts } = await api.listRollouts({ state: 'active' });
  return Promise.all(
    rollouts.map(rollout =>
      api.getRolloutProgress(rollout.id).then(
        (progress): ActiveRolloutProgress => ({ rollout, progress }),
        (error): ActiveRolloutProgress => ({
          rollout,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
      ),
    ),
  );
}

/** What {@link useOpenRolloutItems} gives the card. */
export interface OpenRolloutItemsState {
  loading: boolean;
  /** the list of active rollouts could not be read */
  error?: Error;
  /** absent until both the rollouts and the roll-up's entities are there */
  value?: OpenRolloutItems;
  retry: () => void;
}

/**
 * The items active rollouts still ask of a roll-up's entities. The rollouts
 * load once, alongside the roll-up, and are matched again whenever its
 * entities change (sub-teams switched on or off) without another request.
 */
export function useOpenRolloutItems(
  entities: ScoredEntity[] | undefined,
): OpenRolloutItemsState {
  const api = useApi(caseStudiesApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => loadActiveRollouts(api),
    [api],
  );
  const items = useMemo(
    () => (value && entities ? openRolloutItems(value, entities) : undefined),
    [value, entities],
  );
  return { value: items, loading, error, retry };
}
