import {
  Rollout,
  RolloutChange,
} from '@case-studies/plugin-case-studies-common';

/** An entity that is or was in a rollout's target. */
export interface RolloutMember {
  /** normalised */
  entityRef: string;
  /** ISO 8601 */
  joinedAt: string;
  leftAt?: string;
}

/** A platform-group member's approval of one exemption version. */
export interface ExemptionApproval {
  /** normalised */
  entityRef: string;
  itemId: string;
  /** the checklist state version approved */
  exemptionVersion: number;
  approvedBy: string;
  /** ISO 8601 */
  approvedAt: string;
}

/** What became of an update. */
export type RolloutUpdateResult =
  | { outcome: 'updated'; rollout: Rollout }
  /** nothing differed from what is stored: nothing was written */
  | { outcome: 'unchanged'; rollout: Rollout }
  /** the caller's version is stale; `rollout` is what is stored now */
  | { outcome: 'conflict'; rollout: Rollout };

/** Rollouts, their history of changes, and who is and was in their targets. */
export interface RolloutStore {
  /** Stores a new rollout (version 1) and its first history entry, in one transaction. */
  create(rollout: Rollout): Promise<void>;

  get(id: string): Promise<Rollout | undefined>;

  /** Rollouts, newest first, optionally in some states only. */
  list(options?: { states?: string[] }): Promise<Rollout[]>;

  /**
   * Applies a change with optimistic concurrency: `change` gets the stored
   * rollout and returns the fields to set; the row (guarded by its version)
   * and a history entry of what changed are written in one transaction.
   * With `expectedVersion` given and stale, nothing is written.
   */
  update(options: {
    id: string;
    expectedVersion?: number;
    actor: string;
    now: Date;
    change: (current: Rollout) => Partial<Rollout>;
  }): Promise<RolloutUpdateResult | undefined>;

  /** The rollout's changes, oldest first. */
  getHistory(id: string): Promise<RolloutChange[]>;

  /** Records an approval; approving the same version again changes nothing. */
  approveExemption(
    id: string,
    approval: ExemptionApproval,
  ): Promise<ExemptionApproval>;

  /** Every approval of the rollout. */
  getApprovals(id: string): Promise<ExemptionApproval[]>;

  /**
   * Records who is in the target now: entities not yet members join at
   * `now`, members no longer targeted leave at `now`, and a member that left
   * and is targeted again rejoins. Returns every member, present and past.
   */
  syncMembers(
    id: string,
    targeted: string[],
    now: Date,
  ): Promise<RolloutMember[]>;
}
