import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistStatus,
} from '@case-studies/plugin-case-studies-common';

/** A change to one checklist item, as the router hands it to the store. */
export interface ChecklistChange {
  entityRef: string;
  itemId: string;
  status: ChecklistStatus;
  note?: string;
  evidenceUrl?: string;
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

/** Stored checklist status and its audit trail, per entity. */
export interface ChecklistStore {
  /** The stored states of an entity's items; items never changed are absent. */
  getStates(entityRef: string): Promise<ChecklistItemState[]>;

  /** Stored states of many entities at once, keyed by entity ref. */
  getStatesForEntities(
    entityRefs: string[],
  ): Promise<Map<string, ChecklistItemState[]>>;

  /**
   * Applies a change with optimistic concurrency: the status and its history
   * row are written in one transaction, or not at all.
   */
  applyChange(change: ChecklistChange): Promise<ChecklistChangeResult>;

  /** The audit trail of an entity, newest first. */
  getHistory(options: {
    entityRef: string;
    itemId?: string;
    limit: number;
    cursor?: string;
  }): Promise<ChecklistHistoryPage>;
}
