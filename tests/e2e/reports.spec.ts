// The supervisors' reports in Chromium against the real core: figures computed in main from live
// flags (training ones never count), every chart with its table, a CSV without personal data, and
// no reports for an operator.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { hi } from '../../shared/i18n/hi';
import { CANARY, makeFlag } from '../helpers/flags';
import { E2E_USER, expect, logOn, openDesk, test } from './fixtures';

test('a supervisor reads the period: counts by risk and district, the hour heat map, and a CSV', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost([], { live: true });
  rig.sim.publish(makeFlag({ id: 'fl_r1', risk: 'imminent', location: { district: 'Kota', city: 'Kota' } }));
  rig.sim.publish(makeFlag({ id: 'fl_r2', risk: 'high', location: { district: 'Jodhpur' } }));
  rig.sim.publish(makeFlag({ id: 'fl_r3', risk: 'high', location: { district: 'Jodhpur' } }));
  await openDesk(page, host.url); // the administrator
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(3);
  await page.locator('[data-testid="queue-row"][data-flag-id="fl_r1"]').click();
  await page.getByTestId('acknowledge').click();
  // A silence with its reason, which the report lists for the supervisor.
  await page.getByTestId('silence-open').click();
  await page.getByTestId('silence-reason').fill('Known drill at 3 am');
  await page.getByTestId('silence-minutes').fill('2');
  await page.getByTestId('silence-submit').click();
  await expect(page.getByTestId('silence-status')).toContainText('Known drill at 3 am');

  // With no roster entered, alarms cannot be divided per operator: a sentence says so, no empty chart.
  await page.getByTestId('reports-open').click();
  await expect(page.getByTestId('report-shift-load-none')).toContainText('No shift in this period');
  await expect(page.getByTestId('report-shift-load').locator('.recharts-surface')).toHaveCount(0);
  await page.getByTestId('reports-view').getByRole('button', { name: 'Back to the desk' }).click();

  // This shift's roster: the supervisor and one operator, so its alarms can be divided per operator.
  await page.getByTestId('handover-open').click();
  await page.getByTestId('roster-operator').first().fill(E2E_USER);
  await page.getByTestId('roster-add').click();
  await page.getByTestId('roster-operator').nth(1).fill('Op Second');
  await page.getByTestId('roster-save').click();
  await expect(page.getByTestId('handover-roster').locator('tbody tr')).toHaveCount(2);

  await page.goto(host.url.replace('view=desk', 'view=reports'));
  await expect(page.getByTestId('reports-view')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('report-totals')).toContainText('3');
  // The three arrivals fell in this shift, with one operator rostered: a bar, a row of 1 and 3.
  const shiftRows = page.getByTestId('report-shift-load-table').locator('tbody tr');
  await expect(shiftRows.first().locator('td').nth(1)).toHaveText('1'); // operators
  await expect(shiftRows.first().locator('td').nth(2)).toHaveText('3'); // alarms
  await expect(shiftRows.last()).toContainText('Shifts with no operator on the roster'); // one line for those
  await expect(
    page.getByTestId('report-alarm-load').locator('tr', { hasText: 'per operator' }),
  ).not.toContainText('no operator');
  await expect(page.getByTestId('report-silences')).toContainText('Known drill at 3 am');
  await expect(page.getByTestId('report-silences')).toContainText(E2E_USER);
  await expect(page.getByTestId('report-outages')).toContainText('(0)');
  // Beside the mean: the busiest 10-minute slot and the worst shift (issue #16, item 10).
  const load = page.getByTestId('report-alarm-load');
  await expect(load.locator('tr', { hasText: 'Most alarms in one 10-minute slot' }).locator('td')).toHaveText(
    /^3 \(/,
  );
  await expect(load.locator('tr', { hasText: 'Worst shift (most alarms)' })).toContainText(/— 3 /);
  await expect(load.locator('tr', { hasText: 'Worst shift: time in flood' })).toContainText('%');
  await load.screenshot({ path: 'test-results/screens/report-alarm-load-en.png' });
  await page.getByTestId('report-silences').screenshot({ path: 'test-results/screens/report-silences.png' });
  await page
    .getByTestId('report-shift-load')
    .screenshot({ path: 'test-results/screens/report-shift-load.png' });
  const byRisk = page.getByTestId('report-by-risk-table');
  await expect(byRisk.locator('tr', { hasText: 'Imminent' })).toContainText('1');
  await expect(byRisk.locator('tr', { hasText: 'High' })).toContainText('2');
  await expect(
    page.getByTestId('report-by-district-table').locator('tr', { hasText: 'Jodhpur' }),
  ).toContainText('2');
  await expect(page.getByTestId('report-heatmap')).toBeVisible();
  await expect(page.getByTestId('report-by-operator')).toContainText(E2E_USER);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible(); // the charts are drawn
  await page.screenshot({ path: 'test-results/screens/reports.png', fullPage: true });
  // The same counts on the map: Kota City apart, Jodhpur's cell with its two.
  await expect(
    page.getByTestId('report-map').getByRole('img').or(page.getByTestId('report-map').locator('svg')).first(),
  ).toBeVisible();
  await page.getByTestId('report-map').screenshot({ path: 'test-results/screens/report-map.png' });

  // A week also shows flags per hour; the page prints to A4 with its figures and no personal field.
  await page.getByTestId('report-days').selectOption('7');
  await expect(page.getByTestId('report-per-hour')).toBeVisible();
  await expect(page.getByTestId('report-totals')).toContainText('3');
  fs.mkdirSync('test-results/reports', { recursive: true });
  await page.pdf({ path: 'test-results/reports/report.pdf', format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', 'test-results/reports/report.pdf', '-'], {
    encoding: 'utf8',
  });
  expect(text).toContain('Flags by risk');
  // Figures off screen are not laid out on screen (content-visibility), but every one is printed.
  expect(text).toContain('Feed outages and their length');
  expect(text).toContain('Known drill at 3 am'); // the silences' table, last but one
  for (const secret of [CANARY.name, CANARY.phone, CANARY.excerpt]) expect(text).not.toContain(secret);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '1',
    'test-results/reports/report.pdf',
    'test-results/reports/report-page',
  ]);

  // A year, chosen by its first date: its days as a line (a bar each would be under 2 px wide),
  // and every day still in the table.
  const yearAgo = new Date(Date.now() + 5.5 * 3600_000 - 365 * 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('report-from').fill(yearAgo);
  await expect(page.getByTestId('report-per-day').locator('path.recharts-line-curve')).toBeVisible();
  await expect(page.getByTestId('report-per-day').locator('.recharts-bar-rectangle')).toHaveCount(0);
  expect(await page.getByTestId('report-per-day-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(
    365,
  );
  await page
    .getByTestId('report-per-day')
    .locator('.report-chart')
    .screenshot({ path: 'test-results/screens/report-per-day-year.png' });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-csv').click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/,/);
  for (const secret of [CANARY.name, CANARY.phone, CANARY.excerpt, 'Known drill'])
    expect(csv).not.toContain(secret); // a silence's reason is free text: never in the CSV

  // The same peaks in Hindi (the glossary's words: फ़्लड, शिफ़्ट).
  await page.getByTestId('reports-view').getByRole('button', { name: 'Back to the desk' }).click();
  await page.getByTestId('lang-hi').click();
  await page.getByTestId('reports-open').click();
  const loadHi = page.getByTestId('report-alarm-load');
  await expect(loadHi.locator('tr', { hasText: hi.reports.worstShift })).toContainText(/— 3 /);
  await expect(loadHi.locator('tr', { hasText: hi.reports.peak10 }).locator('td')).toHaveText(/^3 \(/);
  await loadHi.screenshot({ path: 'test-results/screens/report-alarm-load-hi.png' });
});

test('while the next period is computed, the last report stays up, dimmed and not to be exported', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost([], { live: true });
  rig.sim.publish(makeFlag({ id: 'fl_s1', risk: 'high', location: { district: 'Jodhpur' } }));
  // The page's socket to the host, with the answers to getReport held back while `holding`.
  let holding = false;
  const heldIds = new Set<string>();
  const held: (string | Buffer)[] = [];
  let toPage: (message: string | Buffer) => void = () => {};
  const idOf = (message: string | Buffer) => /"id":(\d+)/.exec(String(message).slice(0, 64))?.[1];
  await page.routeWebSocket(/.*/, (socket) => {
    const server = socket.connectToServer();
    toPage = (message) => socket.send(message);
    socket.onMessage((message) => {
      if (holding && String(message).includes('"getReport"')) heldIds.add(idOf(message)!);
      server.send(message);
    });
    server.onMessage((message) => {
      if (heldIds.has(idOf(message) ?? '')) held.push(message);
      else socket.send(message);
    });
  });
  await openDesk(page, host.url.replace('view=desk', 'view=reports'));
  const view = page.getByTestId('reports-view');
  const dayRows = page.getByTestId('report-per-day-table').locator('tbody tr');
  await expect(view).toHaveAttribute('data-loaded', 'true');
  await expect(dayRows).toHaveCount(31); // the last 30 days
  await expect(page.getByTestId('report-totals')).toContainText('1');

  holding = true;
  await page.getByTestId('report-days').selectOption('7');
  await expect.poll(() => held.length).toBe(1);
  // The 30 days stay on screen, dimmed and busy, and can be neither exported nor printed as the 7.
  await expect(view).toHaveAttribute('data-loaded', 'false');
  await expect(view.locator('.reports-grid')).toHaveAttribute('aria-busy', 'true');
  // Its period is said, since the inputs above already show the one asked for.
  // Day first (DD-MM-YYYY): a month-first date reads as another day to an Indian reader (issue #16).
  const thirtyDaysAgo = new Date(Date.now() + 5.5 * 3600_000 - 30 * 86_400_000).toISOString().slice(0, 10);
  const dayFirst = thirtyDaysAgo.split('-').reverse().join('-');
  await expect(page.getByTestId('report-loading')).toContainText(`still those of ${dayFirst} to`);
  await expect(page.getByTestId('report-from')).toHaveValue(/^\d{2}-\d{2}-\d{4}$/);
  await expect(dayRows).toHaveCount(31);
  await expect(page.getByTestId('report-csv')).toBeDisabled();
  await expect(view.getByRole('button', { name: 'Print' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/report-stale.png' });

  holding = false;
  for (const message of held.splice(0)) toPage(message);
  await expect(view).toHaveAttribute('data-loaded', 'true');
  await expect(view.locator('.reports-grid')).toHaveAttribute('aria-busy', 'false');
  await expect(dayRows).toHaveCount(8);
  await expect(page.getByTestId('report-loading')).toHaveCount(0);
  await expect(page.getByTestId('report-csv')).toBeEnabled();
});

test('an operator has no reports: no button, and main refuses the report', async ({ rig, page }) => {
  const host = await rig.startHost([], { live: true });
  rig.addAccount('Admin Testwal', 'administrator');
  rig.addAccount('Op Plain', 'operator', 'Admin Testwal');
  await page.goto(host.url);
  await logOn(page, 'Op Plain');
  await expect(page.getByTestId('reports-open')).toHaveCount(0);
  await page.goto(host.url.replace('view=desk', 'view=reports')); // the same page, another view
  await expect(page.getByRole('alert')).toContainText('The operator role may not getReport.');
});
