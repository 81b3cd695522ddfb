// What the test scripts run outside Jest share (the end-to-end test and the
// reliability scripts): named checks recorded in the format
// scripts/summarise-tests.js counts, and waiting for a condition.
const fs = require('fs');
const path = require('path');

/**
 * Checks that log as `[prefix] ✓ name` and are written to `file` as
 * `[{ name, status, ms, error? }]`. A failed check is recorded, not thrown,
 * so the next one still runs.
 */
function createResults({ file, prefix }) {
  const results = [];
  const log = message => console.log(`[${prefix}] ${message}`);
  return {
    results,
    log,
    async check(name, fn) {
      const started = Date.now();
      try {
        await fn();
        results.push({ name, status: 'passed', ms: Date.now() - started });
        log(`✓ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        results.push({
          name,
          status: 'failed',
          ms: Date.now() - started,
          error: String(error?.stack ?? error),
        });
        log(`✗ ${name}\n${error?.stack ?? error}`);
      }
    },
    /** Writes the results and returns how many failed. */
    write() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(results, null, 2));
      const passed = results.filter(r => r.status === 'passed').length;
      log(`${passed} passed, ${results.length - passed} failed`);
      return results.length - passed;
    },
  };
}

/**
 * Calls `check` every second until it returns true, or throws after
 * `timeoutMs` with its last error. An error marked `fatal` (the process
 * being waited for has exited, say) ends the wait at once.
 */
async function waitFor(description, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error?.fatal) throw error;
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`Timed out waiting for ${description}: ${lastError ?? ''}`);
}

module.exports = { createResults, waitFor };
