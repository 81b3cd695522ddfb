import { ResponseError } from '@backstage/errors';
import { Rollout } from '@case-studies/plugin-case-studies-common';

/**
 * A rollout change was rejected with 409 because someone else changed the
 * rollout first. `current` is the rollout as it is now, which the caller
 * should show (and base a new change on) instead of its own.
 *
 * @public
 */
export class RolloutConflictError extends Error {
  readonly name = 'RolloutConflictError';
  readonly current: Rollout;
  /** the underlying HTTP error, with the backend's message */
  readonly cause: ResponseError;

  constructor(current: Rollout, cause: ResponseError) {
    super(cause.body?.error?.message ?? cause.message);
    this.current = current;
    this.cause = cause;
  }
}

/** @public */
export function isRolloutConflictError(
  error: unknown,
): error is RolloutConflictError {
  return (
    error instanceof RolloutConflictError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'RolloutConflictError' &&
      'current' in error)
  );
}
