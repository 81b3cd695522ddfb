// What the end-to-end test checks, in a real browser against the running demo.
// The harness (scripts/e2e.js) starts the demo, signs in and records results.

const ITEM = 'Deployment frequency is measured';

module.exports = async function spec({
  page,
  check,
  openTab,
  expectNoErrors,
  screenshot,
}) {
  await check(
    'the tab on a Component shows its profile, companies and warnings',
    async () => {
      await openTab('default/component/payments-monolith');
      const stripe = page.getByRole('heading', { name: /Stripe/ }).first();
      await stripe.waitFor();
      await page.getByText('Profile').first().waitFor();
      await page.getByText('Checklist').first().waitFor();
      await expectNoErrors();
      await screenshot(page, 'tab-rich-service.png');
    },
  );

  await check(
    'an owner changes a checklist item and it survives a reload',
    async () => {
      await openTab('default/component/payments-monolith');
      const status = page.getByLabel(`Status of ${ITEM}`);
      await status.waitFor();
      const next =
        (await status.inputValue()) === 'in-progress' ? 'done' : 'in-progress';
      await status.selectOption(next);
      await page
        .getByRole('listitem', { name: new RegExp(`^${ITEM}: `) })
        .getByLabel('Saving')
        .waitFor({ state: 'detached' });

      await page.reload();
      await page.getByText('Companies like this service').first().waitFor();
      const reloaded = page.getByLabel(`Status of ${ITEM}`);
      await reloaded.waitFor();
      const value = await reloaded.inputValue();
      if (value !== next) {
        throw new Error(
          `after reload the status is ${value}, expected ${next}`,
        );
      }
      await page
        .getByRole('listitem', { name: new RegExp(`^${ITEM}: `) })
        .getByText(/guest/)
        .first()
        .waitFor();
      await expectNoErrors();
    },
  );

  await check('the tab on a System page renders', async () => {
    await openTab('default/system/payments-core');
    await page.getByText('Checklist').first().waitFor();
    await expectNoErrors();
  });

  await check('the tab on a Group page renders', async () => {
    await openTab('default/group/payments-team');
    await page.getByText('Checklist').first().waitFor();
    await expectNoErrors();
  });

  await check('an entity the guest does not own is read-only', async () => {
    await openTab('default/component/chat-gateway');
    await page
      .getByRole('heading', { name: /Discord/ })
      .first()
      .waitFor();
    await page
      .getByRole('listitem', { name: new RegExp(`^${ITEM}: `) })
      .waitFor();
    const controls = await page.getByLabel(`Status of ${ITEM}`).count();
    if (controls !== 0) {
      throw new Error('a non-owner sees status controls');
    }
    await expectNoErrors();
  });

  await check(
    'a plain service gets general guidance and no critical warning',
    async () => {
      await openTab('default/component/email-relay');
      await page.getByText('Checklist').first().waitFor();
      const critical = await page.getByText(/critical/i).count();
      if (critical !== 0)
        throw new Error('a plain service shows a critical warning');
      await expectNoErrors();
      await screenshot(page, 'tab-plain-service.png');
    },
  );

  await check(
    'the library page lists the companies with their sources',
    async () => {
      await page.goto(page.url().replace(/\/catalog\/.*$/, '/case-studies'));
      await page.getByText('Netflix').first().waitFor();
      await page
        .getByText(/000_d219270d818add02\.txt/)
        .first()
        .waitFor();
      await expectNoErrors();
      await screenshot(page, 'library.png');
    },
  );
};
