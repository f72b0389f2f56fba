// Logon, lockout and the idle lock in Chromium against the real core: the system-use notice must be
// accepted on the form, five wrong passwords lock an account until it is released, and an idle desk
// locks to a screen that shows nothing of the case while the alarm keeps sounding.
import { makeFlag, CANARY } from '../helpers/flags';
import { E2E_PASSWORD, E2E_USER, expect, logOn, probe, test } from './fixtures';

test('first run: the notice, then the administrator; the desk shows who is logged on', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  await page.goto(host.url);
  await expect(page.getByTestId('logon-screen')).toHaveAttribute('data-first-run', 'true');
  await expect(page.getByTestId('logon-banner')).toContainText('Every action is recorded and audited');
  await page.getByTestId('logon-name').fill(E2E_USER);
  await page.getByTestId('logon-password').fill(E2E_PASSWORD);
  await page.getByTestId('logon-confirm').fill(E2E_PASSWORD);
  await expect(page.getByTestId('logon-send')).toBeDisabled(); // the notice is not accepted yet
  await page.screenshot({ path: 'test-results/screens/logon-first-run.png' });
  await page.getByTestId('logon-accept').check();
  await page.getByTestId('logon-send').click();
  await expect(page.getByTestId('user-name')).toHaveText(E2E_USER);
  await expect(page.getByTestId('user-badge')).toHaveAttribute('data-role', 'administrator');
  await page.getByTestId('logoff').click();
  await expect(page.getByTestId('logon-screen')).toHaveAttribute('data-first-run', 'false');
});

test('five wrong passwords lock the account; the right one is then refused too', async ({ rig, page }) => {
  const host = await rig.startHost();
  rig.addAccount(E2E_USER, 'administrator');
  rig.addAccount('Op Forgetful', 'operator');
  await page.goto(host.url);
  await page.getByTestId('logon-accept').check();
  await page.getByTestId('logon-name').fill('Op Forgetful');
  for (let i = 1; i <= 4; i++) {
    await page.getByTestId('logon-password').fill(`wrong guess ${i}`);
    await page.getByTestId('logon-send').click();
    await expect(page.getByTestId('logon-problem')).toHaveText('Name or password not recognised.');
    await expect(page.getByTestId('logon-send')).toBeEnabled();
  }
  await page.getByTestId('logon-password').fill('wrong guess 5');
  await page.getByTestId('logon-send').click();
  await expect(page.getByTestId('logon-problem')).toContainText('now locked');
  await page.getByTestId('logon-password').fill(E2E_PASSWORD);
  await page.getByTestId('logon-send').click();
  await expect(page.getByTestId('logon-problem')).toContainText('locked after repeated failed logons');
  await page.screenshot({ path: 'test-results/screens/logon-locked-out.png' });
});

test('an idle desk locks: nothing of the case on screen, the alarm still sounding, the password to go on', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.addAccount('Admin Testwal', 'administrator');
  rig.addAccount(E2E_USER, 'operator', 'Admin Testwal');
  rig.sim.publish(makeFlag({ id: 'fl_idle', risk: 'imminent' }));
  await page.clock.install(); // the page's timers on a clock the test moves: no waiting 15 minutes
  await page.goto(host.url);
  await logOn(page);
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_idle"]');
  await row.click();
  await page.getByTestId('reveal-reason').fill('calling the unit with the address');
  await page.getByTestId('reveal-send').click();
  await expect(page.getByText(CANARY.name)).toBeVisible();
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');

  await page.clock.fastForward('15:01');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const html = await page.content();
  for (const secret of [CANARY.name, CANARY.phone, CANARY.excerpt, 'LC-000001'])
    expect(html).not.toContain(secret);
  await expect
    .poll(async () => (await probe(page)).sounding, { message: 'alarms sound while locked' })
    .toBe(true);
  await page.screenshot({ path: 'test-results/screens/desk-locked.png' });

  await page.getByTestId('unlock-password').fill('not my password');
  await page.getByTestId('unlock-send').click();
  await expect(page.getByTestId('unlock-problem')).toBeVisible();
  await page.getByTestId('unlock-password').fill(E2E_PASSWORD);
  await page.getByTestId('unlock-send').click();
  await expect(row).toBeVisible();
  await expect(page.getByText(CANARY.name)).toHaveCount(0); // revealed details do not come back by themselves
});
