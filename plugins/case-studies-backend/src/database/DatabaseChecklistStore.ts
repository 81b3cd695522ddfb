import { DatabaseService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  ChecklistHistoryEntry,
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistStatus,
} from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import { normalisedRef } from '../service/entityRefs';
import { isUniqueViolation, migratedClient, migrationsDir } from './migrations';
import {
  ChecklistChange,
  ChecklistChangeRecord,
  ChecklistChangeResult,
  ChecklistHistoryQuery,
  ChecklistStore,
} from './ChecklistStore';

type StatusRow = {
  entity_ref: string;
  item_id: string;
  status: string;
  note: string | null;
  evidence_url: string | null;
  exempt_until: string | null;
  version: number | string;
  updated_by: string;
  updated_at: Date | string | number;
};

type HistoryRow = {
  id: number | string;
  entity_ref: string;
  item_id: string;
  status: string;
  previous_status: string | null;
  note: string | null;
  evidence_url: string | null;
  exempt_until: string | null;
  version: number | string;
  changed_by: string;
  changed_at: Date | string | number;
};

/** SQLite returns timestamps as numbers or strings, PostgreSQL as Dates. */
function toIsoString(value: Date | string | number): string {
  return new Date(value).toISOString();
}

function toState(row: StatusRow): ChecklistItemState {
  return {
    itemId: row.item_id,
    status: row.status as ChecklistStatus,
    note: row.note ?? undefined,
    evidenceUrl: row.evidence_url ?? undefined,
    ...(row.exempt_until ? { until: row.exempt_until } : {}),
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: toIsoString(row.updated_at),
  };
}

function toHistoryEntry(row: HistoryRow): ChecklistHistoryEntry {
  return {
    id: String(row.id),
    itemId: row.item_id,
    status: row.status as ChecklistStatus,
    previousStatus: (row.previous_status ?? undefined) as
      | ChecklistStatus
      | undefined,
    note: row.note ?? undefined,
    evidenceUrl: row.evidence_url ?? undefined,
    ...(row.exempt_until ? { until: row.exempt_until } : {}),
    version: Number(row.version),
    changedBy: row.changed_by,
    changedAt: toIsoString(row.changed_at),
  };
}

/**
 * How often a change without a version reads again after losing a race. Each
 * lost race means another writer's change was accepted, and the row lock
 * leaves only the first write of an item to race, so this is never reached
 * but by a fault.
 */
const MAX_UNVERSIONED_ATTEMPTS = 20;

/** An attempt that a concurrent writer beat to the item, with what it left. */
type LostRace = { outcome: 'lost-race'; current: ChecklistItemState };

function neverChanged(itemId: string): ChecklistItemState {
  return { itemId, status: 'todo', version: 0 };
}

function sameContent(state: ChecklistItemState, change: ChecklistChange) {
  return (
    state.status === change.status &&
    (state.note ?? null) === (change.note ?? null) &&
    (state.evidenceUrl ?? null) === (change.evidenceUrl ?? null) &&
    (state.until ?? null) === (change.until ?? null)
  );
}

/** The Knex implementation of {@link ChecklistStore}, for SQLite and PostgreSQL. */
export class DatabaseChecklistStore implements ChecklistStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseChecklistStore> {
    return new DatabaseChecklistStore(await migratedClient(options));
  }

  /** Exposed for tests that exercise migrations up and down. */
  static readonly migrationsDir = migrationsDir;

  private constructor(private readonly db: Knex) {}

  async getStates(entityRef: string): Promise<ChecklistItemState[]> {
    const rows = await this.db<StatusRow>('checklist_status')
      .where({ entity_ref: normalisedRef(entityRef) })
      .orderBy('item_id');
    return rows.map(toState);
  }

  async getStatesForEntities(
    entityRefs: string[],
  ): Promise<Map<string, ChecklistItemState[]>> {
    // Rows hold normalised refs; the answer is keyed by the caller's refs.
    const byStoredRef = new Map<string, ChecklistItemState[]>(
      entityRefs.map(ref => [normalisedRef(ref), []]),
    );
    const storedRefs = [...byStoredRef.keys()];
    // Bounded IN lists keep every database happy with its parameter limits.
    for (let i = 0; i < storedRefs.length; i += 500) {
      const rows = await this.db<StatusRow>('checklist_status')
        .whereIn('entity_ref', storedRefs.slice(i, i + 500))
        .orderBy(['entity_ref', 'item_id']);
      for (const row of rows) {
        byStoredRef.get(row.entity_ref)?.push(toState(row));
      }
    }
    return new Map(
      entityRefs.map(ref => [ref, byStoredRef.get(normalisedRef(ref))!]),
    );
  }

  async applyChange(
    requested: ChecklistChange,
  ): Promise<ChecklistChangeResult> {
    const change = {
      ...requested,
      entityRef: normalisedRef(requested.entityRef),
    };
    for (let attempt = 1; ; attempt++) {
      const result = await this.tryChange(change);
      if (result.outcome !== 'lost-race') return result;
      // A change with a version was made against that version: whoever won
      // the race made it stale. One without applies to whatever is there
      // now, so it reads again and applies on top of the winner.
      if (
        change.expectedVersion !== undefined ||
        attempt >= MAX_UNVERSIONED_ATTEMPTS
      ) {
        return this.resolveLostRace(change, result.current);
      }
    }
  }

  /** One attempt at a change, or the state a concurrent writer left when it got there first. */
  private async tryChange(
    change: ChecklistChange,
  ): Promise<ChecklistChangeResult | LostRace> {
    try {
      return await this.db.transaction(tx => this.applyChangeIn(tx, change));
    } catch (error) {
      // Two first writes of the same item raced: the loser sees the winner.
      if (isUniqueViolation(error)) {
        return {
          outcome: 'lost-race',
          current: await this.readState(this.db, change),
        };
      }
      throw error;
    }
  }

  private async applyChangeIn(
    tx: Knex.Transaction,
    change: ChecklistChange,
  ): Promise<ChecklistChangeResult | LostRace> {
    // Locking the row makes concurrent writers of one item take turns, so
    // none reads a version that another is about to replace.
    const current = await this.readState(tx, change, { lock: true });

    if (sameContent(current, change) && current.version > 0) {
      // Repeating an accepted update is harmless, whatever version it carries.
      return { outcome: 'unchanged', state: current };
    }
    if (
      change.expectedVersion !== undefined &&
      change.expectedVersion !== current.version
    ) {
      return { outcome: 'conflict', state: current };
    }

    const now = new Date();
    const nextVersion = current.version + 1;
    const values = {
      status: change.status,
      note: change.note ?? null,
      evidence_url: change.evidenceUrl ?? null,
      exempt_until: change.until ?? null,
      version: nextVersion,
      updated_by: change.actor,
      updated_at: now,
    };

    if (current.version === 0) {
      await tx('checklist_status').insert({
        entity_ref: change.entityRef,
        item_id: change.itemId,
        ...values,
      });
    } else {
      // The version guard makes a concurrent writer that read the same
      // version lose here rather than overwrite silently.
      const updated = await tx('checklist_status')
        .where({
          entity_ref: change.entityRef,
          item_id: change.itemId,
          version: current.version,
        })
        .update(values);
      if (updated !== 1) {
        return {
          outcome: 'lost-race',
          current: await this.readState(tx, change),
        };
      }
    }

    await tx('checklist_history').insert({
      entity_ref: change.entityRef,
      item_id: change.itemId,
      status: change.status,
      previous_status: current.version === 0 ? null : current.status,
      note: change.note ?? null,
      evidence_url: change.evidenceUrl ?? null,
      exempt_until: change.until ?? null,
      version: nextVersion,
      changed_by: change.actor,
      changed_at: now,
    });

    return {
      outcome: 'updated',
      state: {
        itemId: change.itemId,
        status: change.status,
        note: change.note,
        evidenceUrl: change.evidenceUrl,
        ...(change.until ? { until: change.until } : {}),
        version: nextVersion,
        updatedBy: change.actor,
        updatedAt: now.toISOString(),
      },
    };
  }

  private resolveLostRace(
    change: ChecklistChange,
    current: ChecklistItemState,
  ): ChecklistChangeResult {
    return sameContent(current, change)
      ? { outcome: 'unchanged', state: current }
      : { outcome: 'conflict', state: current };
  }

  private async readState(
    db: Knex | Knex.Transaction,
    change: ChecklistChange,
    options: { lock?: boolean } = {},
  ): Promise<ChecklistItemState> {
    const query = db<StatusRow>('checklist_status')
      .where({ entity_ref: change.entityRef, item_id: change.itemId })
      .first();
    // PostgreSQL holds the lock until commit; SQLite has no row locks (Knex
    // leaves the clause out) and needs none, as it writes one transaction
    // at a time.
    if (options.lock) query.forUpdate();
    const row = await query;
    return row ? toState(row) : neverChanged(change.itemId);
  }

  async getChangesForEntities(
    entityRefs: string[],
    itemIds: string[],
  ): Promise<ChecklistChangeRecord[]> {
    const refs = [...new Set(entityRefs.map(normalisedRef))];
    const changes: ChecklistChangeRecord[] = [];
    for (let i = 0; i < refs.length; i += 500) {
      const rows = await this.db<HistoryRow>('checklist_history')
        .whereIn('entity_ref', refs.slice(i, i + 500))
        .whereIn('item_id', itemIds)
        .orderBy('id');
      for (const row of rows) {
        changes.push({
          entityRef: row.entity_ref,
          itemId: row.item_id,
          status: row.status as ChecklistStatus,
          changedAt: toIsoString(row.changed_at),
        });
      }
    }
    return changes.sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  }

  async getHistory(
    options: ChecklistHistoryQuery & { entityRef: string },
  ): Promise<ChecklistHistoryPage> {
    const query = this.db<HistoryRow>('checklist_history')
      .where({ entity_ref: normalisedRef(options.entityRef) })
      .orderBy('id', 'desc')
      .limit(options.limit + 1);
    if (options.itemId) {
      query.andWhere({ item_id: options.itemId });
    }
    if (options.cursor) {
      const before = Number(options.cursor);
      // What the request schema lets through; anything else would be
      // rounded here or refused by PostgreSQL.
      if (!/^[1-9]\d*$/.test(options.cursor) || !Number.isSafeInteger(before)) {
        throw new InputError(
          'Invalid request: query.cursor: must be a cursor returned by a previous page',
        );
      }
      query.andWhere('id', '<', before);
    }
    const rows = await query;
    const page = rows.slice(0, options.limit).map(toHistoryEntry);
    return {
      items: page,
      nextCursor:
        rows.length > options.limit ? page[page.length - 1].id : undefined,
    };
  }
}
