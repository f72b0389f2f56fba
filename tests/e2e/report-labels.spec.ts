// Report bar charts keep every label whole (issue #16, item 10): recharts dropped every other
// district and cut long names ("dwana-Kuchaman").
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

const DISTRICTS = [
  'Didwana-Kuchaman',
  'Sri Ganganagar',
  'Jodhpur',
  'Ajmer',
  'Kota',
  'Bikaner',
  'Jaipur',
  'Udaipur',
];

test('the district chart names every district in full', async ({ rig, page }) => {
  const host = await rig.startHost([], { live: true }); // reports count live flags only
  DISTRICTS.forEach((district, i) =>
    rig.sim.publish(makeFlag({ id: `fl_r${i}`, location: { district, source: 'profile' } })),
  );
  await openDesk(page, host.url);
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(DISTRICTS.length);
  await page.getByTestId('reports-open').click();
  await expect(page.getByTestId('reports-view')).toHaveAttribute('data-loaded', 'true');
  const chart = page.getByTestId('report-by-district');
  // The axis's words (the other axis carries the counts).
  const ticks = chart.locator('.recharts-cartesian-axis-tick-value');
  await expect(ticks.filter({ hasNotText: /^\d+$/ })).toHaveCount(DISTRICTS.length);
  const shown = (await ticks.allTextContents()).map((s) => s.trim()).filter((s) => !/^\d+$/.test(s));
  const tableNames = (await chart.locator('tbody tr th, tbody tr td:first-child').allTextContents()).map(
    (s) => s.trim(),
  );
  for (const name of shown) expect(tableNames, `"${name}" is a whole name`).toContain(name);
  expect(shown.join(' ')).toContain('Didwana-Kuchaman');
  // And drawn whole: no name starts left of the chart's own box (where it would be cut off).
  const left = (await chart.locator('.recharts-surface').boundingBox())!.x;
  for (const tick of await ticks.all())
    expect((await tick.boundingBox())!.x).toBeGreaterThanOrEqual(left - 0.5);
  await chart.screenshot({ path: 'test-results/screens/report-districts-en.png' });
});
