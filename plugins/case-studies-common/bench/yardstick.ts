/**
 * The machine yardstick printed with bench figures. Not part of the package API.
 */

/**
 * Milliseconds to sort 10⁶ random doubles: a yardstick printed with the
 * figures, so results from machines of different speed can be compared
 * (about 130 ms on a current desktop core).
 */
export function machineYardstickMs(random: () => number): number {
  const numbers = Array.from({ length: 1_000_000 }, random);
  const started = process.hrtime.bigint();
  numbers.sort((a, b) => a - b);
  return Number(process.hrtime.bigint() - started) / 1e6;
}
