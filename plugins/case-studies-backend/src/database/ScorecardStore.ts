import { ScorecardEntityRow } from '@case-studies/plugin-case-studies-common';

/** A completed snapshot: every entity's row of the day is written. */
export interface SnapshotInfo {
  /** YYYY-MM-DD, UTC */
  day: string;
  /** ISO 8601 */
  takenAt: string;
  entities: number;
  knowledgeVersion: string;
}

/** A stored row with the day of its snapshot. */
export type StoredScorecardRow = ScorecardEntityRow & { day: string };

/**
 * Daily scorecard snapshots: one row per entity per day, written once. Entity
 * refs are stored normalised (as the checklist store does), so rows read back
 * carry lower-case entity refs.
 */
export interface ScorecardStore {
  /** The completed snapshot of a day, if there is one. */
  getSnapshot(day: string): Promise<SnapshotInfo | undefined>;

  /**
   * Writes rows of a day's snapshot. A row whose (day, entity) is already
   * stored is left as it is (a second instance, or a retried run, writes
   * nothing twice).
   */
  writeRows(day: string, rows: ScorecardEntityRow[]): Promise<void>;

  /** Marks a day's snapshot complete; false when it already was. */
  completeSnapshot(info: SnapshotInfo): Promise<boolean>;

  /** Completed snapshots with days in [from, to] (inclusive, either open), newest first. */
  listSnapshots(options?: {
    from?: string;
    to?: string;
    limit?: number;
  }): Promise<SnapshotInfo[]>;

  /** The rows of the given days. */
  getRows(days: string[]): Promise<StoredScorecardRow[]>;

  /** One entity's rows in [from, to], oldest first. */
  getEntityRows(
    entityRef: string,
    range: { from: string; to: string },
  ): Promise<StoredScorecardRow[]>;

  /** Deletes the snapshots (rows and completion) of days before `day`. */
  deleteBefore(day: string): Promise<{ rows: number; snapshots: number }>;
}
