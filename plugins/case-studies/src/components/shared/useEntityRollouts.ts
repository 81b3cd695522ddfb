import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  Rollout,
  RolloutEntityProgress,
} from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef } from '../../api';

/** An active rollout that targets an entity, with that entity's row of its progress. */
export interface EntityRollout {
  rollout: Rollout;
  /** absent when the progress could not be read */
  progress?: RolloutEntityProgress;
}

/** What the checklist shows next to an item a rollout asks for. */
export interface RolloutMark {
  rolloutId: string;
  title: string;
  dueDate: string;
  overdue: boolean;
}

/**
 * The active rollouts targeting an entity (a full ref), each with the
 * entity's progress; one rollout whose progress fails still shows.
 */
export function useEntityRollouts(entityRef: string) {
  const api = useApi(caseStudiesApiRef);
  return useAsyncRetry(async (): Promise<EntityRollout[]> => {
    const { rollouts } = await api.listRollouts({
      state: 'active',
      entity: entityRef,
    });
    return Promise.all(
      rollouts.map(async rollout => {
        const progress = await api
          .getRolloutProgress(rollout.id)
          .then(p => p.entities.find(e => e.entityRef === entityRef))
          .catch(() => undefined);
        return { rollout, progress };
      }),
    );
  }, [api, entityRef]);
}

/** Per checklist item id, the rollouts asking for it. */
export function rolloutMarksOf(
  rollouts: EntityRollout[] | undefined,
): Record<string, RolloutMark[]> {
  const marks: Record<string, RolloutMark[]> = {};
  for (const { rollout, progress } of rollouts ?? []) {
    for (const itemId of rollout.itemIds) {
      const item = progress?.items.find(i => i.itemId === itemId);
      (marks[itemId] ??= []).push({
        rolloutId: rollout.id,
        title: rollout.title,
        dueDate: rollout.dueDate,
        overdue: Boolean(item?.overdue),
      });
    }
  }
  return marks;
}
