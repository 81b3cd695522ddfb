import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistStatus,
} from '@case-studies/plugin-case-studies-common';

/** A change to one checklist item, as the checklist service hands it to the store. */
export interface ChecklistChange {
  /** any case: the store normalises it */
  entityRef: string;
  itemId: string;
  status: ChecklistStatus;
  note?: string;
  evidenceUrl?: string;
  /** with `not-applicable`: the last day the exemption holds */
  until?: string;
  /** the version the caller last saw; omitted means "whatever is there now" */
  expectedVersion?: number;
  actor: string;
}

/** What became of a change. */
export type ChecklistChangeResult =
  /** the change was accepted and recorded in the history */
  | { outcome: 'updated'; state: ChecklistItemState }
  /** the item already had exactly this content: nothing was written */
  | { outcome: 'unchanged'; state: ChecklistItemState }
  /** the caller's version is stale; `state` is what is stored now */
  | { outcome: 'conflict'; state: ChecklistItemState };

/** One accepted change of an item, as series over time read it. */
export interface ChecklistChangeRecord {
  /** normalised */
  entityRef: string;
  itemId: string;
  status: ChecklistStatus;
  /** ISO 8601 */
  changedAt: string;
}

/** Which page of an entity's audit trail to read. */
export interface ChecklistHistoryQuery {
  itemId?: string;
  limit: number;
  /** the `nextCursor` of the previous page: a positive safe integer, in decimal */
  cursor?: string;
}

/**
 * Stored checklist status and its audit trail, per entity.
 *
 * Entity refs are accepted in any case: the store normalises every ref it is
 * given (`normalisedRef`, as the catalog compares refs), so
 * `Component:default/Foo` and `component:default/foo` are one entity, and no
 * caller needs to normalise first.
 */
export interface ChecklistStore {
  /** The stored states of an entity's items; items never changed are absent. */
  getStates(entityRef: string): Promise<ChecklistItemState[]>;

  /**
   * Stored states of many entities at once. The map is keyed by the refs
   * exactly as the caller passed them (not normalised), so
   * `map.get(stringifyEntityRef(entity))` finds an entity's states; every
   * ref passed has an entry, empty when nothing is stored.
   */
  getStatesForEntities(
    entityRefs: string[],
  ): Promise<Map<string, ChecklistItemState[]>>;

  /**
   * Applies a change with optimistic concurrency: the status and its history
   * row are written in one transaction, or not at all. A change with a
   * version that is no longer current is a conflict; one without a version
   * is applied on top of whatever is there, also when others write the same
   * item at the same time (each accepted change gets the next version).
   */
  applyChange(change: ChecklistChange): Promise<ChecklistChangeResult>;

  /**
   * The accepted changes of some items on many entities, oldest first, for
   * series over time (a rollout's burn-up). Entity refs come back normalised.
   */
  getChangesForEntities(
    entityRefs: string[],
    itemIds: string[],
  ): Promise<ChecklistChangeRecord[]>;

  /** The audit trail of an entity, newest first. */
  getHistory(
    options: ChecklistHistoryQuery & { entityRef: string },
  ): Promise<ChecklistHistoryPage>;
}
