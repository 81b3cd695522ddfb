import { Knex } from 'knex';

/** What a probe of the database found. */
export interface DatabaseProbe {
  status: 'ok' | 'unavailable';
  /** how long the probe took, or waited before giving up */
  latencyMs: number;
}

/**
 * Whether the plugin's database answers: a trivial query with a deadline.
 * A stopped database fails at once; a frozen one (or a pool whose every
 * connection hangs) would make the query wait for Knex's own timeouts, half
 * a minute or more, so the probe gives up after `timeoutMs`. Probes that
 * overlap share one query, so a burst of slow requests asks once.
 */
export class DatabaseHealth {
  private pending?: Promise<DatabaseProbe>;

  constructor(
    private readonly knex: Knex,
    /** how long a probe waits for the answer */
    readonly timeoutMs: number,
  ) {}

  probe(): Promise<DatabaseProbe> {
    this.pending ??= this.run().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async run(): Promise<DatabaseProbe> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>(resolve => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const outcome = await Promise.race([
        this.knex.raw('select 1').then(() => 'ok' as const),
        deadline,
      ]);
      return {
        status: outcome === 'ok' ? 'ok' : 'unavailable',
        latencyMs: Date.now() - started,
      };
    } catch {
      return { status: 'unavailable', latencyMs: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  }
}
