// The district map on the desk and the wall, against the real core: counts per area from main's
// routing, Kota City apart from Kota Rural, a click on the desk narrows the queue, the wall shows
// the same figures (and nothing clickable). Screenshots are looked at: does it look like Rajasthan?
import type { Page } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

const area = (page: Page, variant: 'desk' | 'wall', key: string) =>
  page.getByTestId(`district-map-${variant}`).locator(`[data-area="${key}"]`).first();

function publishSpread(rig: { sim: { publish(f: Record<string, unknown>): void } }) {
  for (let i = 0; i < 3; i++) rig.sim.publish(makeFlag({ location: { district: 'Kota', city: 'Kota' } }));
  rig.sim.publish(makeFlag({ location: { district: 'Kota', city: 'Ramganj Mandi' } }));
  for (let i = 0; i < 2; i++) rig.sim.publish(makeFlag({ location: { district: 'Jodhpur' } }));
  for (let i = 0; i < 12; i++)
    rig.sim.publish(makeFlag({ risk: 'elevated', location: { pincode: '302001' } }));
  rig.sim.publish(makeFlag({ location: { source: 'none' } }));
}

test('the desk map counts open flags per area and filters the queue by a click', async ({ rig, page }) => {
  const host = await rig.startHost();
  publishSpread(rig);
  await openDesk(page, host.url);
  await expect(page.getByTestId('queue-open-count')).toContainText('19');
  await expect(area(page, 'desk', 'kota-city')).toHaveAttribute('data-count', '3');
  await expect(area(page, 'desk', 'kota')).toHaveAttribute('data-count', '1');
  await expect(area(page, 'desk', 'jodhpur')).toHaveAttribute('data-count', '2');
  await expect(area(page, 'desk', 'jaipur')).toHaveAttribute('data-count', '12');
  await expect(area(page, 'desk', 'unplaced')).toHaveAttribute('data-count', '1');
  await expect(area(page, 'desk', 'bikaner')).toHaveAttribute('data-count', '0');
  await expect(area(page, 'desk', 'bikaner')).toHaveClass(/map-step-0/); // no colour where nothing is open
  await page.screenshot({ path: 'test-results/screens/desk-map.png' });

  await area(page, 'desk', 'jodhpur').click();
  await expect(page.getByTestId('area-filter')).toHaveAttribute('data-area', 'jodhpur');
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(2);
  await page.getByRole('button', { name: /Kota City: 3 open/ }).click();
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(3);
  await page.getByRole('button', { name: /Kota City: 3 open/ }).press('Enter'); // the same area again: all
  await expect(page.getByTestId('area-filter')).toHaveCount(0);
  await expect(page.locator('[data-testid="queue-row"]').nth(5)).toBeVisible(); // more than any one area
});

test('the wall shows the same map, readable at 1080p and 4K, with nothing to click', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  publishSpread(rig);
  await page.goto(host.wallUrl);
  await expect(area(page, 'wall', 'kota-city')).toHaveAttribute('data-count', '3');
  await expect(area(page, 'wall', 'jaipur')).toHaveAttribute('data-count', '12');
  await expect(page.getByTestId('district-map-wall').locator('[role="button"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/wall-map-1080.png' });
  // Counts readable from 5 m: at least 40 px tall on a 1080p wall.
  const countBox = await page.getByTestId('district-map-wall').locator('.map-count').first().boundingBox();
  expect(countBox!.height).toBeGreaterThanOrEqual(40);
  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.screenshot({ path: 'test-results/screens/wall-map-4k.png' });
});
