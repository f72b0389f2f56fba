// The error paths at a desk set to Hindi (issue #22): the host sends a code with parameters, the
// desk words it in Hindi. Each message shown must hold no Latin letters apart from names, case
// numbers and unit names. Screenshots under test-results/screens/ for a person to look at.
import type { Page, WebSocketRoute } from '@playwright/test';
import { hiErrors } from '../../shared/i18n/hi-errors';
import { makeFlag } from '../helpers/flags';
import { E2E_USER, expect, logOn, test } from './fixtures';

const SCREENS = 'test-results/screens';
const SECOND = 'Op Secondwal';

/** A shown message with the names, case numbers and units it may quote taken out has no Latin. */
async function expectNoLatin(page: Page, testId: string, allowed: string[] = []): Promise<string> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const rest = allowed.reduce((left, word) => left.replaceAll(word, ''), text);
  expect(rest, `${testId}: "${text}"`).not.toMatch(/[A-Za-z]/);
  return text;
}

const inHindi = (page: Page) => page.addInitScript(() => localStorage.setItem('lifeline.language', 'hi'));

test('wrong password and lockout, in Hindi', async ({ rig, page }) => {
  const host = await rig.startHost();
  rig.addAccount('Admin Testwal', 'administrator');
  rig.addAccount(E2E_USER, 'operator', 'Admin Testwal');
  rig.sim.publish(makeFlag({ id: 'fl_err_lock', risk: 'high' }));
  await inHindi(page);
  await page.clock.install(); // the idle lock on a clock the test moves
  await page.goto(host.url);

  // Wrong password at logon.
  await page.getByTestId('logon-accept').check();
  await page.getByTestId('logon-name').fill(E2E_USER);
  await page.getByTestId('logon-password').fill('not the password');
  await page.getByTestId('logon-send').click();
  await expect(page.getByTestId('logon-problem')).toHaveText(
    hiErrors['session.logon_refused'].replace('{{failures}}', '5').replace('{{minutes}}', '15'),
  );
  await expectNoLatin(page, 'logon-problem');
  await page.screenshot({ path: `${SCREENS}/error-hi-wrong-password.png` });

  // The desk idles into its lock; five wrong passwords there lock the account and end the session.
  await logOn(page);
  await page.clock.fastForward('15:01');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('unlock-password').fill('wrong 1');
  await page.getByTestId('unlock-send').click();
  await expect(page.getByTestId('unlock-problem')).toHaveText(hiErrors['session.unlock_refused']);
  await expectNoLatin(page, 'unlock-problem');
  for (let i = 2; i <= 5; i++) {
    await page.getByTestId('unlock-password').fill(`wrong ${i}`);
    await page.getByTestId('unlock-send').click();
    await expect(page.getByTestId('unlock-send').or(page.getByTestId('logon-screen')).first()).toBeVisible();
  }
  const ended = hiErrors['session.unlock_ended'].replace('{{failures}}', '5').replace('{{minutes}}', '15');
  const shown = page.getByText(ended);
  await expect(shown).toBeVisible();
  expect((await shown.textContent()) ?? '').not.toMatch(/[A-Za-z]/);
  await page.screenshot({ path: `${SCREENS}/error-hi-lockout.png` });
});

test('conflict, dispatch refused and lost connection, in Hindi', async ({ rig, page, browser }) => {
  const host = await rig.startHost();
  rig.addAccount('Admin Testwal', 'administrator');
  rig.addAccount(E2E_USER, 'operator', 'Admin Testwal');
  rig.addAccount(SECOND, 'operator', 'Admin Testwal');
  rig.sim.publish(makeFlag({ id: 'fl_err_1', risk: 'elevated' }));
  rig.sim.publish(makeFlag({ id: 'fl_err_2', risk: 'elevated' }));
  rig.sim.publish(makeFlag({ id: 'fl_err_3', risk: 'elevated' }));

  // Desk B, in Hindi, behind a route that can hold back the host's pushed events (so its queue is
  // out of date, as when two desks act on one flag at once) and can cut the connection.
  let holdEvents = false;
  let offline = false;
  const sockets: WebSocketRoute[] = [];
  await inHindi(page);
  await page.routeWebSocket(/./, (ws) => {
    if (offline) return void ws.close();
    sockets.push(ws);
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (holdEvents && (JSON.parse(String(message)) as { type?: string }).type === 'event') return;
      ws.send(message);
    });
  });
  await page.goto(host.url);
  await logOn(page, SECOND);

  const desk = await (await browser.newContext()).newPage();
  await desk.goto(host.url);
  await logOn(desk, E2E_USER);

  // Conflict: desk A acknowledges while desk B still shows the flag as new.
  const rowOf = (p: Page, id: string) => p.locator(`[data-testid="queue-row"][data-flag-id="${id}"]`);
  /** The case number the room quotes (and the host's message names), as the queue row shows it. */
  const caseNoOf = async (id: string) => /LC-\d+/.exec((await rowOf(page, id).textContent()) ?? '')![0];
  await expect(rowOf(page, 'fl_err_1')).toHaveAttribute('data-state', 'new');
  holdEvents = true;
  await rowOf(desk, 'fl_err_1').click();
  await desk.getByTestId('acknowledge').click();
  await expect(rowOf(desk, 'fl_err_1')).toHaveAttribute('data-state', 'acknowledged');
  await rowOf(page, 'fl_err_1').click();
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('acknowledge-error')).toBeVisible();
  const conflictCase = await caseNoOf('fl_err_1');
  const conflict = await expectNoLatin(page, 'acknowledge-error', [conflictCase, E2E_USER]);
  expect(conflict).toContain(E2E_USER);
  expect(conflict).toContain(conflictCase);
  await page.screenshot({ path: `${SCREENS}/error-hi-conflict.png` });

  // Dispatch refused: B acknowledges the second flag, A sends it to the unit, B (not told) tries too.
  holdEvents = false;
  await rowOf(page, 'fl_err_2').click();
  await page.getByTestId('acknowledge').click();
  await expect(rowOf(page, 'fl_err_2')).toHaveAttribute('data-state', 'acknowledged');
  await expect(rowOf(desk, 'fl_err_2')).toHaveAttribute('data-state', 'acknowledged');
  holdEvents = true;
  await rowOf(desk, 'fl_err_2').click();
  // B opened the flag, so it is held at B's desk: A takes it over explicitly (issue #18) to send it.
  await desk.getByTestId('take-over').click();
  await desk.getByTestId('dispatch-called').fill('SI Testwal');
  await desk.getByTestId('dispatch-send').click();
  await expect(rowOf(desk, 'fl_err_2')).toHaveAttribute('data-state', 'dispatched');
  // A moves on (its hold on the sent flag ends), and B, not told of any of it, tries to send it too.
  await rowOf(desk, 'fl_err_1').click();
  const unit = await page.getByTestId('dispatch-unit').locator('option:checked').textContent();
  await page.getByTestId('dispatch-called').fill('SI Testwal');
  await page.getByTestId('dispatch-send').click();
  await expect(page.getByTestId('case-error')).toBeVisible();
  await expect(page.getByTestId('case-error')).toHaveText(
    hiErrors['dispatch.already_dispatched'].replace('{{caseNo}}', await caseNoOf('fl_err_2')),
  );
  await expectNoLatin(page, 'case-error', [await caseNoOf('fl_err_2'), unit ?? '']);
  await page.screenshot({ path: `${SCREENS}/error-hi-dispatch-refused.png` });

  // Lost connection: the host's socket is cut and not let back; an acknowledge has nowhere to go.
  await expect(rowOf(page, 'fl_err_3')).toHaveAttribute('data-state', 'new');
  offline = true;
  for (const socket of sockets) await socket.close();
  await expect(page.getByTestId('stale-banner')).toBeVisible();
  await rowOf(page, 'fl_err_3').click();
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('acknowledge-error')).toHaveText(hiErrors['connection.not_connected']);
  await expectNoLatin(page, 'acknowledge-error');
  await page.screenshot({ path: `${SCREENS}/error-hi-lost-connection.png` });
});
