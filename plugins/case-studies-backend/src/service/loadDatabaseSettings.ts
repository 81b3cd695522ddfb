import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** How the API behaves when its database stops answering. */
export interface DatabaseSettings {
  /** a request running this long makes the database be probed, with the same timeout */
  timeoutMs: number;
  /** the Retry-After of a 503 */
  retryAfterSeconds: number;
}

export const DEFAULT_DATABASE_TIMEOUT_MS = 3000;

const SECTION = 'caseStudies.database';

/**
 * `caseStudies.database` with defaults: a frozen database is reported after
 * at most twice `timeout` (3 s by default); a stopped one at once. Throws at
 * start-up, naming the field, when a value cannot be used.
 */
export function loadDatabaseSettings(
  config: RootConfigService,
): DatabaseSettings {
  const section = config.getOptionalConfig(SECTION);
  let timeoutMs = DEFAULT_DATABASE_TIMEOUT_MS;
  if (section?.has('timeout')) {
    try {
      timeoutMs = durationToMilliseconds(
        readDurationFromConfig(section, { key: 'timeout' }),
      );
    } catch (error) {
      throw new Error(
        `Invalid database configuration: ${SECTION}.timeout: ${
          (error as Error).message
        }`,
      );
    }
    if (!(timeoutMs >= 100 && timeoutMs <= 120_000)) {
      throw new Error(
        `Invalid database configuration: ${SECTION}.timeout: must be between 100 milliseconds and 2 minutes (got ${timeoutMs} ms)`,
      );
    }
  }
  return {
    timeoutMs,
    // a client retrying sooner than a probe can tell would only add load
    retryAfterSeconds: Math.max(1, Math.ceil((2 * timeoutMs) / 1000)),
  };
}
