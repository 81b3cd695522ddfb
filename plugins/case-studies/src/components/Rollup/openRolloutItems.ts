import type {
  Rollout,
  RolloutEntityProgress,
  RolloutProgressResponse,
  ScoredEntity,
} from '@case-studies/plugin-case-studies-common';

/** An active rollout with its progress, or why its progress could not be read. */
export type ActiveRolloutProgress =
  | { rollout: Rollout; progress: RolloutProgressResponse; error?: undefined }
  | { rollout: Rollout; progress?: undefined; error: Error };

/** One checklist item that a rollout still asks of one entity of the roll-up. */
export interface OpenRolloutItem {
  rollout: Pick<Rollout, 'id' | 'title' | 'dueDate'>;
  entityRef: string;
  /** the entity's title, else its name */
  entityName: string;
  itemId: string;
  status: RolloutEntityProgress['items'][number]['status'];
  exemptionProblem?: RolloutEntityProgress['items'][number]['exemptionProblem'];
  overdue: boolean;
}

/** What the active rollouts still ask of a roll-up's entities. */
export interface OpenRolloutItems {
  /** overdue first, then by due date, entity, rollout and the rollout's item order */
  items: OpenRolloutItem[];
  /** the rollouts that target at least one entity of the roll-up */
  rollouts: Rollout[];
  /** rollouts whose progress could not be read: whether they target anything here is unknown */
  failed: { rollout: Rollout; error: Error }[];
}

type Item = RolloutEntityProgress['items'][number];

/** Open: to do or in progress, or an exemption that no longer counts (expired, awaiting approval). */
const isOpen = (item: Item) =>
  item.status === 'todo' ||
  item.status === 'in-progress' ||
  Boolean(item.exemptionProblem);

const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The (entity, item) pairs of active rollouts still open on the roll-up's
 * entities.
 *
 * A progress row belongs to the roll-up when its entity is one of the
 * roll-up's entities (refs compared without case); entities that left a
 * rollout's target are skipped. The roll-up is loaded whole (every page), so
 * this one rule is exact for every scope: a group with or without its
 * sub-teams, a user's teams, a system's or a domain's entities. Matching by
 * the row's `owner` instead would miss co-owned entities, and on a system
 * would pull in its owners' entities of other systems.
 */
export function openRolloutItems(
  rollouts: ActiveRolloutProgress[],
  entities: Pick<ScoredEntity, 'entityRef' | 'name' | 'title'>[],
): OpenRolloutItems {
  const here = new Map(entities.map(e => [refKey(e.entityRef), e]));
  const items: (OpenRolloutItem & { order: number })[] = [];
  const targeting: Rollout[] = [];
  const failed: OpenRolloutItems['failed'] = [];

  for (const { rollout, progress, error } of rollouts) {
    if (!progress) {
      failed.push({ rollout, error: error! });
      continue;
    }
    let targetsHere = false;
    for (const row of progress.entities) {
      const entity = here.get(refKey(row.entityRef));
      if (!entity || row.leftAt) continue;
      targetsHere = true;
      for (const item of row.items) {
        if (!isOpen(item)) continue;
        items.push({
          rollout: {
            id: rollout.id,
            title: rollout.title,
            dueDate: rollout.dueDate,
          },
          entityRef: entity.entityRef,
          entityName: entity.title ?? entity.name,
          itemId: item.itemId,
          status: item.status,
          ...(item.exemptionProblem
            ? { exemptionProblem: item.exemptionProblem }
            : {}),
          overdue: item.overdue,
          order: rollout.itemIds.indexOf(item.itemId),
        });
      }
    }
    if (targetsHere) targeting.push(rollout);
  }

  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.rollout.dueDate.localeCompare(b.rollout.dueDate) ||
      a.entityName.localeCompare(b.entityName) ||
      a.rollout.title.localeCompare(b.rollout.title) ||
      a.order - b.order,
  );
  return {
    items: items.map(({ order: _order, ...item }) => item),
    rollouts: targeting,
    failed,
  };
}
