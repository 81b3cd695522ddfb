/**
 * Stored checklist states for the benches' catalogs, written through the
 * plugin's store (`DatabaseChecklistStore.applyChange`: one transaction and
 * history row each), from a seeded PRNG. Not shipped (outside `src/`).
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import pLimit from 'p-limit';
import { ChecklistChange } from '../src/database/ChecklistStore';
import { DatabaseChecklistStore } from '../src/database/DatabaseChecklistStore';
import { normalisedRef } from '../src/service/entityRefs';
import { GuidanceService } from '../src/service/GuidanceService';
import { readEntityContexts } from '../src/service/readEntityContext';

/** Seeded Fisher–Yates shuffle. */
export function shuffled<T>(items: T[], random: () => number): T[] {
  const result = items.slice();
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

const STATUSES = [
  ['done', 0.55],
  ['in-progress', 0.2],
  ['not-applicable', 0.15],
  ['todo', 0.1],
] as const;

/** Entities whose contexts are read and evaluated at a time. */
const CHUNK = 2_000;

/**
 * Rows as the store's first write of an item leaves them (version 1, one
 * history row), inserted in batches: for catalogs too large to seed one
 * transaction per change in a bench's time.
 */
async function insertFirstWrites(knex: Knex, changes: ChecklistChange[]) {
  const now = new Date();
  const rows = (change: ChecklistChange) => ({
    entity_ref: normalisedRef(change.entityRef),
    item_id: change.itemId,
    status: change.status,
    note: change.note ?? null,
    evidence_url: change.evidenceUrl ?? null,
    version: 1,
  });
  await knex.batchInsert(
    'checklist_status',
    changes.map(change => ({
      ...rows(change),
      updated_by: change.actor,
      updated_at: now,
    })),
    500,
  );
  await knex.batchInsert(
    'checklist_history',
    changes.map(change => ({
      ...rows(change),
      previous_status: null,
      changed_by: change.actor,
      changed_at: now,
    })),
    500,
  );
}

/** How many of the changes the store reads back with their status and note. */
async function readBack(
  store: DatabaseChecklistStore,
  changes: ChecklistChange[],
): Promise<number> {
  const states = await store.getStatesForEntities([
    ...new Set(changes.map(change => change.entityRef)),
  ]);
  return changes.filter(change =>
    states
      .get(change.entityRef)
      ?.some(
        state =>
          state.itemId === change.itemId &&
          state.status === change.status &&
          state.note === change.note &&
          state.version === 1 &&
          state.updatedBy === change.actor,
      ),
  ).length;
}

/**
 * Seeds stored states: 2–12 of an entity's applicable items for 40 % of the
 * components and 20 % of the systems and resources. The changes are drawn
 * first, in entity order, then applied through the plugin's store,
 * `concurrency` at a time (1: one after another), or with `bulk` inserted
 * as the rows those first writes leave.
 */
export async function seedChecklistStates(options: {
  knex: Knex;
  catalog: CatalogService;
  entityRefs: string[];
  guidanceService: GuidanceService;
  credentials: BackstageCredentials;
  random: () => number;
  actor: string;
  note: string;
  concurrency?: number;
  bulk?: boolean;
}): Promise<{
  changes: number;
  entities: number;
  /** bulk: how many of the changes the store reads back as written */
  readBack?: number;
}> {
  const { catalog, credentials, random } = options;
  const store = await DatabaseChecklistStore.create({
    database: mockServices.database({ knex: options.knex }),
  });
  const status = () => {
    let r = random();
    for (const [name, share] of STATUSES) {
      r -= share;
      if (r < 0) return name;
    }
    return 'done';
  };
  const changes: ChecklistChange[] = [];
  let entities = 0;
  for (let start = 0; start < options.entityRefs.length; start += CHUNK) {
    const owned = (
      await catalog.getEntitiesByRefs(
        { entityRefs: options.entityRefs.slice(start, start + CHUNK) },
        { credentials },
      )
    ).items.flatMap(entity => (entity ? [entity] : []));
    const contexts = await readEntityContexts({
      catalog,
      entities: owned,
      credentials,
    });
    for (const context of contexts.values()) {
      const share = context.entity.kind === 'Component' ? 0.4 : 0.2;
      if (random() >= share) continue;
      const applicable = options.guidanceService
        .evaluate(context)
        .guidance.checklist.filter(item => item.applies)
        .map(item => item.id);
      const items = shuffled(applicable, random).slice(
        0,
        2 + Math.floor(random() * 11),
      );
      for (const itemId of items) {
        changes.push({
          entityRef: context.entityRef,
          itemId,
          status: status(),
          note: random() < 0.3 ? options.note : undefined,
          actor: options.actor,
        });
      }
      entities++;
    }
  }
  if (options.bulk) {
    await insertFirstWrites(options.knex, changes);
    return {
      changes: changes.length,
      entities,
      readBack: await readBack(store, changes),
    };
  }
  const limit = pLimit(options.concurrency ?? 1);
  await Promise.all(
    changes.map(change => limit(() => store.applyChange(change))),
  );
  return { changes: changes.length, entities };
}
