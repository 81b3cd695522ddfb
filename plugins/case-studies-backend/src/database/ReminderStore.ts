/** What a rollout notice is about. */
export type ReminderKind = 'started' | 'due-soon' | 'overdue';

/** One notice about one entity of a rollout: sent at most once. */
export interface ReminderKey {
  entityRef: string;
  kind: ReminderKind;
  /** the due date (YYYY-MM-DD) the notice is about */
  deadline: string;
}

/** The notices of rollouts that have been sent, one row per entity, kind and deadline. */
export interface ReminderStore {
  /**
   * Records notices as sent, and returns those this call recorded: a notice
   * recorded before (by an earlier run, or another instance at the same
   * time) is left out, and must not be sent again.
   */
  claim(
    rolloutId: string,
    notices: (ReminderKey & { ownerRef: string })[],
    now: Date,
  ): Promise<ReminderKey[]>;
}
