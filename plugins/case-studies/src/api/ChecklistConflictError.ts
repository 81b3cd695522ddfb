import { ResponseError } from '@backstage/errors';
import { ChecklistItemState } from '@case-studies/plugin-case-studies-common';

/**
 * A checklist update was rejected with 409 because someone else changed the
 * item first. `current` is the item as it is now (their status, note, who
 * and when), which the caller should show instead of its own change.
 *
 * @public
 */
export class ChecklistConflictError extends Error {
  readonly name = 'ChecklistConflictError';
  readonly current: ChecklistItemState;
  /** the underlying HTTP error, with the backend's message */
  readonly cause: ResponseError;

  constructor(current: ChecklistItemState, cause: ResponseError) {
    super(cause.body?.error?.message ?? cause.message);
    this.current = current;
    this.cause = cause;
  }
}

/** @public */
export function isChecklistConflictError(
  error: unknown,
): error is ChecklistConflictError {
  return (
    error instanceof ChecklistConflictError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'ChecklistConflictError' &&
      'current' in error)
  );
}
