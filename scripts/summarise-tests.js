// Prints the closing "N passed, N failed" line from Jest's JSON results (and
// the end-to-end and reliability scripts' checks), and
// fails when no PostgreSQL test ran (TestDatabases skips silently otherwise).
const fs = require('fs');

const [resultsFile, e2eResultsFile, ...reliabilityResultsFiles] =
  process.argv.slice(2);
if (!fs.existsSync(resultsFile)) {
  console.error(`No test results at ${resultsFile}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
const tests = results.testResults.flatMap(file => file.assertionResults);
let passed = tests.filter(t => t.status === 'passed').length;
let failed = tests.filter(t => t.status === 'failed').length;
const skipped = tests.filter(
  t => t.status !== 'passed' && t.status !== 'failed',
).length;
// Suites that failed to run at all (syntax errors, crashes) count as failures.
failed += results.testResults.filter(
  file => file.status === 'failed' && file.assertionResults.length === 0,
).length;

// The end-to-end test's checks count like any other test.
if (e2eResultsFile) {
  if (fs.existsSync(e2eResultsFile)) {
    const e2e = JSON.parse(fs.readFileSync(e2eResultsFile, 'utf8'));
    passed += e2e.filter(check => check.status === 'passed').length;
    failed += e2e.filter(check => check.status !== 'passed').length;
  } else if (process.env.SKIP_E2E !== '1') {
    console.error(`No end-to-end results at ${e2eResultsFile}`);
    failed += 1;
  }
}

// The reliability scripts' checks (load, two instances) count the same way.
for (const file of reliabilityResultsFiles) {
  if (fs.existsSync(file)) {
    const checks = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += checks.filter(check => check.status === 'passed').length;
    failed += checks.filter(check => check.status !== 'passed').length;
  } else if (process.env.SKIP_RELIABILITY !== '1') {
    console.error(`No reliability results at ${file}`);
    failed += 1;
  }
}

const postgresTests = tests.filter(
  t => t.status === 'passed' && /POSTGRES_\d+/.test(t.fullName),
).length;
let ok = failed === 0 && results.success !== false;
if (postgresTests === 0) {
  console.error('No PostgreSQL-backed test ran: the store tests were skipped.');
  failed += 1;
  ok = false;
} else {
  console.log(`${postgresTests} tests ran on PostgreSQL.`);
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
