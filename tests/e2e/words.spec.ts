// Words and states a stressed operator reads (issue #16, items 8 and 11): a language switch before
// logon, a logon error without developer text, the lock screen with the room's state and no case,
// and a dispatch form that says why it waits instead of asking the wrong question.
import { makeFlag } from '../helpers/flags';
import { E2E_PASSWORD, E2E_USER, expect, logOn, test } from './fixtures';

test('logon in Hindi, errors in plain words, and a locked desk that shows the room but no case', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.addAccount('Admin Testwal', 'administrator');
  rig.addAccount(E2E_USER, 'operator', 'Admin Testwal');
  rig.sim.publish(makeFlag({ id: 'fl_w1', risk: 'imminent', location: { district: 'Jodhpur' } }));
  rig.sim.publish(makeFlag({ id: 'fl_w2', risk: 'high', location: { district: 'Ajmer' } }));
  await page.clock.install(); // the idle lock on a clock the test moves
  await page.goto(host.url);
  await expect(page.getByTestId('logon-screen')).toBeVisible();

  await page.getByTestId('logon-accept').check();
  await page.getByTestId('logon-name').fill(E2E_USER);
  await page.getByTestId('logon-password').fill('short');
  await page.getByTestId('logon-send').click();
  await expect(page.getByTestId('logon-problem')).toBeVisible();
  await expect(page.getByTestId('logon-problem')).not.toContainText('(payload)');

  await page.getByTestId('lang-hi').click(); // before logging on
  await expect(page.getByTestId('logon-send')).toHaveText('लॉग ऑन');
  await page.screenshot({ path: 'test-results/screens/logon-hi.png' });
  await page.getByTestId('lang-en').click();
  await page.getByTestId('logon-password').fill('');
  await logOn(page);

  await page.clock.fastForward('15:01');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-unack')).toHaveText('Unacknowledged flags: 2');
  await expect(page.getByTestId('lock-feed')).toHaveText('Feed: OK');
  const html = await page.content();
  for (const secret of ['LC-000001', 'LC-000002', 'Jodhpur', 'Ajmer']) expect(html).not.toContain(secret);
  await page.screenshot({ path: 'test-results/screens/lock-room-en.png' });
  await page.getByTestId('lang-hi').click();
  await expect(page.getByTestId('lock-unack')).toContainText('स्वीकार नहीं किए गए फ़्लैग: 2');
  await page.screenshot({ path: 'test-results/screens/lock-room-hi.png' });
  await page.getByTestId('unlock-password').fill(E2E_PASSWORD);
  await page.getByTestId('unlock-send').click();
  await expect(page.getByTestId('desk-view')).toBeVisible();
});

test('a "supervisor decides" flag: no reason asked before a unit is chosen, and the form says why it waits', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_sd', location: { source: 'none' } }));
  await page.goto(host.url);
  await logOn(page);
  await page.locator('[data-testid="queue-row"][data-flag-id="fl_sd"]').click();
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('dispatch-unit')).toHaveValue('');
  await expect(page.getByTestId('dispatch-reason')).toHaveCount(0);
  await expect(page.getByTestId('dispatch-send')).toBeDisabled();
  await expect(page.getByTestId('dispatch-why')).toContainText('Choose the unit first');
  await page.getByTestId('dispatch-unit').selectOption('jodhpur-control-room');
  await expect(page.getByTestId('dispatch-reason')).toBeVisible(); // now it is another unit than routed
  await expect(page.getByTestId('dispatch-why')).toContainText('who was called');
  await page.screenshot({ path: 'test-results/screens/desk-dispatch-why-en.png' });
  await page.getByTestId('lang-hi').click();
  await expect(page.getByTestId('dispatch-why')).toContainText('किससे बात हुई');
  await page.screenshot({ path: 'test-results/screens/desk-dispatch-why-hi.png' });
});
