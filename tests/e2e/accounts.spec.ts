// Logon, lockout and the idle lock in Chromium against the real core: the system-use notice must be
// accepted on the form, five wrong passwords lock an account for fifteen minutes with one answer for
// every failure, and an idle desk locks to a screen that shows nothing of the case while the alarm
// keeps sounding; the page reports real input to main and mirrors main's lock.
import { IDLE_MIRROR, LOGON_REFUSED } from '../../shared/accounts';
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

test('five wrong passwords lock the account; the right one is then refused too, all with one answer', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.addAccount(E2E_USER, 'administrator');
  rig.addAccount('Op Forgetful', 'operator');
  const opened = page.waitForEvent('websocket');
  await page.goto(host.url);
  const socket = await opened;
  await page.getByTestId('logon-accept').check();
  await page.getByTestId('logon-name').fill('Op Forgetful');
  for (let i = 1; i <= 4; i++) {
    await page.getByTestId('logon-password').fill(`wrong guess ${i}`);
    await page.getByTestId('logon-send').click();
    await expect(page.getByTestId('logon-problem')).toHaveText(LOGON_REFUSED);
    await expect(page.getByTestId('logon-send')).toBeEnabled();
  }
  // The fifth, and the right password while locked: the same words (a real name is not told apart).
  // Each answer is awaited on the wire, since the words on screen do not change.
  for (const password of ['wrong guess 5', E2E_PASSWORD]) {
    const refused = socket.waitForEvent('framereceived', (frame) =>
      String(frame.payload).includes('"forbidden"'),
    );
    await page.getByTestId('logon-password').fill(password);
    await page.getByTestId('logon-send').click();
    expect(String((await refused).payload)).toContain(LOGON_REFUSED);
    await expect(page.getByTestId('logon-problem')).toHaveText(LOGON_REFUSED);
  }
  await page.screenshot({ path: 'test-results/screens/logon-locked-out.png' });
  // The same refusal at a desk set to Hindi: main's sentence, shown in the desk's language.
  await page.evaluate(() => localStorage.setItem('lifeline.language', 'hi'));
  await page.reload();
  await page.getByTestId('logon-accept').check();
  await page.getByTestId('logon-name').fill('Op Forgetful');
  await page.getByTestId('logon-password').fill(E2E_PASSWORD);
  await page.getByTestId('logon-send').click();
  await expect(page.getByTestId('logon-problem')).toHaveText(
    'नाम या पासवर्ड नहीं पहचाना गया। 5 बार ग़लत होने पर खाता 15 मिनट के लिए लॉक हो जाता है।',
  );
  await page.screenshot({ path: 'test-results/screens/logon-locked-out-hi.png' });
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

test('the page tells main of real input, and shows the lock screen when main says the desk is locked', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.addAccount(E2E_USER, 'administrator');
  // Between page and host: every invoke the page sends is seen, and once `mainLocked` is set the
  // host's answer to getSession says locked — as main answers after idling on its own clock (the
  // host's clock cannot be moved from here; main's side is tested in account-lockout.test.ts).
  const sent: string[] = [];
  let mainLocked = false;
  let pingsUnanswered = 0;
  await page.routeWebSocket(/./, (ws) => {
    const server = ws.connectToServer();
    const sessionReads = new Set<number>();
    ws.onMessage((message) => {
      const invoke = JSON.parse(String(message)) as { id?: number; channel?: string; type?: string };
      if (invoke.type === 'ping') pingsUnanswered++;
      if (invoke.channel) sent.push(invoke.channel);
      if (invoke.channel === 'getSession' && invoke.id !== undefined) sessionReads.add(invoke.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message)) as {
        type?: string;
        id?: number;
        result?: { ok: boolean; value?: { locked?: boolean } };
      };
      if (reply.type === 'pong') pingsUnanswered--;
      if (mainLocked && reply.type === 'result' && sessionReads.has(reply.id!) && reply.result?.value)
        reply.result.value.locked = true;
      ws.send(JSON.stringify(reply));
    });
  });
  await page.clock.install();
  await page.goto(host.url);
  await logOn(page);
  const reports = () => sent.filter((c) => c === 'reportActivity').length;
  // The clock jumps (fastForward: each due timer once), as time passes for a page whose timers did
  // not run. runFor would run the link's heartbeat through every fake second with no answer able
  // to come back in between, and the page would rightly call its link dead; so would a jump taken
  // while a ping is still on its way, so each jump waits for the heartbeat's answers first.
  const jump = async (ms: number) => {
    await expect.poll(() => pingsUnanswered).toBe(0);
    await page.clock.fastForward(ms);
  };

  // Real input is reported at once, then at most every IDLE_MIRROR.reportEveryMs, the last of a burst included.
  await page.keyboard.press('Shift');
  await expect.poll(reports).toBe(1);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  expect(reports()).toBe(1); // within the interval: held back
  await jump(IDLE_MIRROR.reportEveryMs);
  await expect.poll(reports).toBe(2); // the burst's last input, reported once
  // The page's own reads are not reports: nothing typed, nothing reported.
  await jump(IDLE_MIRROR.reportEveryMs * 2);
  expect(reports()).toBe(2);

  // Main locks the desk (the page's own timer, 15 minutes, cannot have fired): within a re-read
  // period or two the page shows the lock screen.
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  mainLocked = true;
  await jump(IDLE_MIRROR.rereadEveryMs * 2);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/desk-locked-by-main.png' });
});
