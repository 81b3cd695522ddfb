/**
 * What the backend benches print with: figures formatted alike, and the
 * closing line with the machine yardstick. Not shipped (outside `src/`).
 */
import { seededRandom } from '@case-studies/plugin-case-studies-common/bench/catalog';
import { machineYardstickMs } from '@case-studies/plugin-case-studies-common/bench/yardstick';
import { CallCounts, COUNTED_METHODS } from './IndexedCatalog';

export const now = () => performance.now();
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const n = (value: number) => Math.round(value).toLocaleString('en-US');
export const ms = (value: number) =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${n(value)} ms`;
export const kb = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${n(bytes / 1e3)} KB`;
/** Catalog calls by method, times `scale` for an extrapolated sample. */
export const calls = (counts: CallCounts, scale = 1) =>
  COUNTED_METHODS.filter(method => counts[method] > 0)
    .map(method => `${method} ${n(counts[method] * scale)}`)
    .join(', ') || 'none';
export const out = (line = '') => process.stdout.write(`${line}\n`);

/**
 * Runs a bench's main and exits: 0 after the closing line (Node's version
 * and the machine yardstick), 1 with the error's stack.
 */
export function runBench(main: () => Promise<void>) {
  main().then(
    () => {
      out(
        `node ${
          process.version
        }; machine yardstick: sorting 10^6 doubles takes ${machineYardstickMs(
          seededRandom(1),
        ).toFixed(0)} ms`,
      );
      process.exit(0);
    },
    error => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
