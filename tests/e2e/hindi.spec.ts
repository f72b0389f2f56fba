// The console in Hindi, as the glossary (shared/i18n/glossary.ts) has it: the words a police room
// reads at a glance, ⚠ where English shouts in capitals, and no English the renderer adds on its own
// (window title, dispatch reason, hour labels). Screenshots for a person to look at.
import { hi } from '../../shared/i18n/hi';
import { CANARY, makeFlag } from '../helpers/flags';
import { E2E_USER, expect, logOn, openDesk, test } from './fixtures';

const SCREENS = 'test-results/screens';
/** Latin letters, which a Hindi message of the renderer's own must not contain. */
const LATIN = /[A-Za-z]/;

test('the desk in Hindi: glossary words, ⚠ on the feed alarm, a Hindi title and dispatch reason', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_hi_1', risk: 'imminent', location: { district: 'जोधपुर' } }));
  rig.sim.publish(makeFlag({ id: 'fl_hi_2', risk: 'elevated', location: { district: 'पाली' } }));
  rig.sim.publish(makeFlag({ id: 'fl_hi_3', risk: 'high', location: { source: 'none' } }));
  await openDesk(page, host.url);
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(3);
  await page.getByTestId('lang-hi').click();

  await expect(page).toHaveTitle(`${hi.app.name} — प्रशिक्षण`);
  await expect(page.getByText(hi.risk.elevated).first()).toBeVisible();
  await expect(page.getByText('पाली').first()).toBeVisible(); // the district keeps its name

  // Another unit than the routed one, and no reason: the form's own message, all Hindi.
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_hi_1"]');
  await row.click();
  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await page.getByTestId('dispatch-unit').selectOption('ajmer-control-room');
  await page.getByTestId('dispatch-called').fill('SI Testwal');
  await page.getByTestId('dispatch-send').click();
  const problem = page.getByTestId('dispatch-problem');
  await expect(problem).toHaveText(hi.dispatch.reasonRequired);
  expect(await problem.textContent()).not.toMatch(LATIN);
  await page.screenshot({ path: `${SCREENS}/desk-hi-glossary.png` });

  // The feed refusing the console's credentials: the state carries ⚠ where English says UNAUTHORISED.
  rig.sim.setFault('unauthorised');
  await expect(page.getByTestId('feed-health')).toHaveAttribute('data-state', 'unauthorised');
  await expect(page.getByTestId('feed-health')).toContainText(hi.feed.state.unauthorised);
  await expect(page.getByTestId('alarm-status')).toContainText('⚠');
  await page.screenshot({ path: `${SCREENS}/desk-hi-feed-alarm.png` });
});

test('the wall in Hindi names risk levels and the feed by the glossary', async ({ rig, page }) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_hw_1', risk: 'imminent', location: { district: 'पाली' } }));
  rig.sim.publish(makeFlag({ id: 'fl_hw_2', risk: 'elevated', location: { district: 'जोधपुर' } }));
  await page.goto(host.wallUrl + '&lang=hi');
  await expect(page.locator('[data-testid="wall-row"]')).toHaveCount(2);
  await expect(page.getByText(hi.risk.elevated).first()).toBeVisible();
  // The watermark is drawn by CSS from its data-text (no text node to read aloud on the wall).
  await expect(page.getByTestId('wall-training')).toHaveAttribute('data-text', hi.wall.training);
  const text = (await page.locator('body').textContent()) ?? '';
  for (const word of ['बढ़ा हुआ', 'मौन', 'पोल', 'TRAINING']) expect(text, word).not.toContain(word);
  await page.screenshot({ path: `${SCREENS}/wall-hi-glossary.png` });
});

test('the lock screen in Hindi', async ({ rig, page }) => {
  const host = await rig.startHost();
  rig.addAccount('Admin Testwal', 'administrator');
  rig.addAccount(E2E_USER, 'operator', 'Admin Testwal');
  rig.sim.publish(makeFlag({ id: 'fl_hl', risk: 'imminent' }));
  await page.clock.install(); // the page's timers on a clock the test moves: no waiting 15 minutes
  await page.goto(host.url);
  await logOn(page);
  await page.getByTestId('lang-hi').click();
  await page.locator('[data-testid="queue-row"][data-flag-id="fl_hl"]').click();
  await page.clock.fastForward('15:01');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(lock).toContainText(hi.accounts.lockedTitle);
  // Only the operator's own name is Latin here.
  expect(((await lock.textContent()) ?? '').replaceAll(E2E_USER, '')).not.toMatch(LATIN);
  expect(await page.content()).not.toContain(CANARY.name);
  await page.screenshot({ path: `${SCREENS}/lock-hi.png` });
});

test('the reports in Hindi: hour labels and response times without English units', async ({ rig, page }) => {
  const host = await rig.startHost([], { live: true });
  rig.sim.publish(makeFlag({ id: 'fl_hr_1', risk: 'high', location: { district: 'Jodhpur' } }));
  await openDesk(page, host.url);
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_hr_1"]');
  await row.click();
  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await page.getByTestId('lang-hi').click();
  await page.getByTestId('reports-open').click();
  await expect(page.getByTestId('reports-view')).toHaveAttribute('data-loaded', 'true');
  await page.getByTestId('report-days').selectOption('7'); // a week shows flags per hour
  await expect(page.getByTestId('report-per-hour')).toBeVisible();

  const perHour = page.getByTestId('report-per-hour-table').locator('tbody tr');
  // 24-hour clock time, as police logs write it: short enough for the chart's axis in Hindi too.
  await expect(perHour.first().locator('td, th').first()).toHaveText(/^\d\d \S+ \d{1,2}:00$/); // day, month's name, hour: day first
  const hourLabels = await perHour.locator('td:first-child, th:first-child').allTextContents();
  for (const label of hourLabels) expect(label).not.toMatch(LATIN);
  // Response times: the risk's row has a median and a target worded in Hindi (मिनट/घंटे/सेकंड).
  const response = await page.getByTestId('report-response').locator('tbody').textContent();
  expect(response).not.toMatch(/\d (h|min|s)\b/);
  expect(response).toMatch(/मिनट|घंटे|सेकंड/);
  await page.screenshot({ path: `${SCREENS}/reports-hi.png`, fullPage: true });
});
