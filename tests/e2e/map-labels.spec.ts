// The map's words readable (issue #16, item 12): counts on the map, the busiest areas by name in a
// list of the page's own text size beside it — on the desk and on the wall, in both languages.
import type { Locator } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

/** The element's computed font size (the e2e tests compile without the DOM library). */
const fontPx = (l: Locator) =>
  l.evaluate((el) =>
    parseFloat(
      (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el)
        .fontSize,
    ),
  );

test('the busiest areas are listed by name beside the map, readable on the desk and the wall', async ({
  rig,
  page,
  browser,
}) => {
  const host = await rig.startHost();
  for (let i = 0; i < 3; i++)
    rig.sim.publish(makeFlag({ id: `fl_j${i}`, location: { district: 'Jodhpur' } }));
  for (let i = 0; i < 2; i++) rig.sim.publish(makeFlag({ id: `fl_a${i}`, location: { district: 'Ajmer' } }));
  rig.sim.publish(makeFlag({ id: 'fl_n', location: { source: 'none' } }));
  const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await openDesk(desk, host.url);
  const list = desk.getByTestId('district-map-desk').getByTestId('map-busiest');
  await expect(list.locator('li')).toHaveCount(3);
  await expect(list.locator('li').first()).toContainText('Jodhpur3');
  await expect(desk.locator('.map-name')).toHaveCount(0); // no 6 px names inside the map
  expect(await fontPx(list.locator('li').first())).toBeGreaterThanOrEqual(13);
  await desk
    .getByTestId('district-map-desk')
    .screenshot({ path: 'test-results/screens/desk-map-list-en.png' });
  await desk.getByTestId('lang-hi').click();
  await expect(list.locator('li').first()).toContainText('जोधपुर');
  await desk
    .getByTestId('district-map-desk')
    .screenshot({ path: 'test-results/screens/desk-map-list-hi.png' });

  await page.goto(host.wallUrl);
  const wallList = page.getByTestId('district-map-wall').getByTestId('map-busiest');
  await expect(wallList.locator('li')).toHaveCount(3);
  expect(await fontPx(wallList.locator('li').first())).toBeGreaterThanOrEqual(24); // from 5 m at 1080p
  await page.screenshot({ path: 'test-results/screens/wall-map-list-en-1920.png' });
  await desk.close();
});
