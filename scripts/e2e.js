// End-to-end test: starts the demo (unless E2E_BASE_URL points at a running
// one), drives Debian's Chromium with playwright-core through the Case Studies
// tab on a Component, a System and a Group, changes a checklist item as an
// owner, reloads to see it persisted, and checks the read-only view on an
// entity the guest does not own, and signs in a second time as the demo's
// platform engineer to create a rollout. `--screenshots` also refreshes
// docs/screenshots.
//
//   yarn e2e [--screenshots]
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { createResults, waitFor } = require('./checks');

const repoRoot = path.resolve(__dirname, '..');
const takeScreenshots = process.argv.includes('--screenshots');
// The browser must use the app's configured origin (localhost) for CORS;
// Node's own checks use 127.0.0.1, since Node may resolve localhost to ::1.
const appUrl = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
const appCheckUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const backendUrl = process.env.E2E_BACKEND_URL ?? 'http://127.0.0.1:7007';
const resultsFile = path.join(repoRoot, '.data', 'e2e-results.json');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const { results, log, check, write } = createResults({
  file: resultsFile,
  prefix: 'e2e',
});
let demo;

async function guestToken() {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`guest refresh ${response.status}`);
  return (await response.json()).backstageIdentity;
}

function startDemo() {
  fs.rmSync(path.join(repoRoot, '.data', 'e2e-sqlite'), {
    recursive: true,
    force: true,
  });
  fs.mkdirSync(path.join(repoRoot, '.data', 'e2e-sqlite'), { recursive: true });
  const logFile = fs.openSync(
    path.join(repoRoot, '.data', 'e2e-demo.log'),
    'w',
  );
  log('starting the demo (log: .data/e2e-demo.log)');
  demo = spawn(
    'yarn',
    [
      'backstage-cli',
      'repo',
      'start',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      path.join(repoRoot, 'app-config.e2e.yaml'),
    ],
    { cwd: repoRoot, stdio: ['ignore', logFile, logFile], detached: true },
  );
}

function stopDemo() {
  if (demo && demo.exitCode === null) {
    try {
      process.kill(-demo.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function waitForDemo() {
  await waitFor(
    'the backend',
    async () => (await fetch(`${backendUrl}/api/case-studies/health`)).ok,
    240_000,
  );
  // The guest's token carries its group only once the catalog has the User.
  await waitFor(
    'catalog ingestion of the demo catalog',
    async () => {
      const identity = await guestToken();
      if (
        !identity.identity.ownershipEntityRefs.includes(
          'group:default/payments-team',
        )
      ) {
        return false;
      }
      const response = await fetch(
        `${backendUrl}/api/catalog/entities/by-name/system/default/payments-core`,
        { headers: { Authorization: `Bearer ${identity.token}` } },
      );
      return response.ok;
    },
    240_000,
  );
  await waitFor(
    'the frontend',
    async () => (await fetch(appCheckUrl)).ok,
    300_000,
  );
}

async function screenshot(page, file) {
  if (!takeScreenshots) return;
  const target = path.join(repoRoot, 'docs', 'screenshots', file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await page.screenshot({ path: target, fullPage: true });
  log(`screenshot ${path.relative(repoRoot, target)}`);
}

async function portInUse(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function run() {
  if (!process.env.E2E_BASE_URL) {
    if (await portInUse(`${backendUrl}/api/case-studies/health`)) {
      throw new Error(
        'A backend already answers on :7007. Stop the running demo, or set E2E_BASE_URL to test it instead.',
      );
    }
    startDemo();
  }
  await waitForDemo();

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(String(error)));
  page.setDefaultTimeout(30_000);

  async function expectNoErrors() {
    const overlay = await page
      .locator('#webpack-dev-server-client-overlay')
      .count();
    if (overlay > 0) throw new Error('the dev server shows an error overlay');
    if (pageErrors.length > 0) {
      throw new Error(`page errors: ${pageErrors.join('\n')}`);
    }
  }

  async function openTab(entityPath) {
    await page.goto(`${appUrl}/catalog/${entityPath}/case-studies`);
    await page.getByText('Companies like this service').first().waitFor();
  }

  /**
   * A page of its own browser context (its own session), signed in as the
   * demo's platform engineer (packages/backend/src/demoPlatformSignIn.ts):
   * the other identity, beside the guest, that may manage rollouts.
   */
  async function platformEngineerPage() {
    const platformContext = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
    });
    const platformPage = await platformContext.newPage();
    platformPage.on('pageerror', error => pageErrors.push(String(error)));
    platformPage.setDefaultTimeout(30_000);
    await platformPage.goto(appUrl);
    // the Guest card's button says Enter; the platform engineer's, Sign In
    const signIn = platformPage.getByRole('button', { name: 'Sign In' });
    await signIn.click();
    await signIn.waitFor({ state: 'detached' });
    await platformPage
      .getByRole('link', { name: 'Case Studies' })
      .first()
      .waitFor();
    return platformPage;
  }

  try {
    await check('guest signs in', async () => {
      await page.goto(appUrl);
      const enter = page.getByRole('button', { name: 'Enter' });
      await enter.click();
      await enter.waitFor({ state: 'detached' });
      await page.getByRole('link', { name: 'Case Studies' }).first().waitFor();
      await expectNoErrors();
    });

    // The test's own spec lives in scripts/e2e-spec.js so this file stays the harness.
    const spec = require('./e2e-spec');
    await spec({
      page,
      check,
      openTab,
      expectNoErrors,
      platformEngineerPage,
      screenshot,
      appUrl,
      backendUrl,
    });
  } finally {
    await browser.close();
  }
}

run()
  .catch(error => {
    results.push({
      name: 'e2e harness',
      status: 'failed',
      error: String(error?.stack ?? error),
    });
    log(String(error?.stack ?? error));
  })
  .finally(() => {
    stopDemo();
    process.exit(write() === 0 ? 0 : 1);
  });
