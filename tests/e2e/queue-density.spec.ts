// The queue as a stressed operator needs it (issue #16, item 4): what still needs someone apart from
// what is being worked, and dense enough that a flood does not hide it — at least 15 rows on a 1080p
// wall, more on 4K, and a desk whose queue survives the flood banner and the silence form.
import type { Locator, Page } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

const RISKS = ['imminent', 'high', 'elevated'] as const;

/** Rows whose whole box lies inside the container's box (the desk's list renders a few beyond). */
async function fullyVisible(rows: Locator, container: Locator): Promise<number> {
  const box = (await container.boundingBox())!;
  let n = 0;
  for (const row of await rows.all()) {
    const r = await row.boundingBox();
    if (r && r.y >= box.y - 0.5 && r.y + r.height <= box.y + box.height + 0.5) n++;
  }
  return n;
}

/** Acknowledges the top flag of the queue with the keys (Home, then A), as an operator would. */
async function acknowledgeTop(desk: Page, left: number) {
  await desk.getByTestId('queue-list').focus();
  await desk.keyboard.press('Home');
  await desk.keyboard.press('a');
  await expect(desk.getByTestId('queue-unack-count')).toContainText(String(left));
}

test('needs-someone apart from being-worked, 15+ rows on a 1080p wall, more on 4K, a desk queue that survives the banners', async ({
  rig,
  page,
  browser,
}) => {
  const host = await rig.startHost();
  // A flood: 40 flags, the oldest and most urgent first in the old order.
  for (let i = 0; i < 40; i++)
    rig.sim.publish(
      makeFlag({
        id: `fl_q${String(i).padStart(2, '0')}`,
        risk: RISKS[i % 3],
        flagged_at: new Date(Date.UTC(2026, 10, 25, 3, i)).toISOString(),
      }),
    );
  const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await openDesk(desk, host.url);
  await expect(desk.locator('[data-testid="queue-row"]').first()).toBeVisible();
  // The two most urgent flags are taken in hand: they must leave the top to the ones still waiting.
  await acknowledgeTop(desk, 39);
  await acknowledgeTop(desk, 38);
  await expect(desk.getByTestId('queue-group-worked')).toHaveAttribute('data-count', '2');

  await expect(desk.getByTestId('flood-banner')).toBeVisible();
  await desk.getByTestId('silence-open').click();
  await expect(desk.getByTestId('silence-reason')).toBeVisible();
  await desk.getByTestId('queue-list').focus();
  await desk.keyboard.press('Home');
  const deskRows = desk.locator('[data-testid="queue-row"]');
  await expect(deskRows.first()).toHaveAttribute('data-state', 'new');
  await expect(desk.getByTestId('queue-group-needs')).toHaveAttribute('data-count', '38');
  await desk.screenshot({ path: 'test-results/screens/desk-queue-flood-en.png' });
  const deskVisible = await fullyVisible(deskRows, desk.getByTestId('queue-list'));
  expect(deskVisible, 'desk rows visible with the flood banner and silence form open').toBeGreaterThanOrEqual(
    8,
  );
  await desk.screenshot({ path: 'test-results/screens/desk-queue-flood-en.png' });
  await desk.getByTestId('lang-hi').click();
  await desk.screenshot({ path: 'test-results/screens/desk-queue-flood-hi.png' });

  await page.goto(host.wallUrl);
  const wallRows = page.locator('[data-testid="wall-row"]');
  await expect(page.getByTestId('wall-group-needs')).toHaveAttribute('data-count', '38');
  // The top line is one that waits, never a flag already in hand.
  await expect(wallRows.first()).toHaveAttribute('data-state', 'new');
  await expect(wallRows.first()).toHaveAttribute('data-risk', 'imminent');
  await page.screenshot({ path: 'test-results/screens/wall-queue-flood-en-1920.png' });
  const at1080 = await fullyVisible(wallRows, page.locator('.wall-queue'));
  expect(at1080, 'wall rows at 1920×1080 during a flood').toBeGreaterThanOrEqual(15);
  await expect(page.getByTestId('wall-more')).toContainText(`${40 - at1080}`);
  await page.screenshot({ path: 'test-results/screens/wall-queue-flood-en-1920.png' });

  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect.poll(() => fullyVisible(wallRows, page.locator('.wall-queue'))).toBeGreaterThan(at1080);
  await page.screenshot({ path: 'test-results/screens/wall-queue-flood-en-3840.png' });

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(host.wallUrl + '&lang=hi');
  await expect(page.getByTestId('wall-group-needs')).toContainText('किसी की ज़रूरत');
  expect(await fullyVisible(wallRows, page.locator('.wall-queue'))).toBeGreaterThanOrEqual(15);
  await page.screenshot({ path: 'test-results/screens/wall-queue-flood-hi-1920.png' });
  await desk.close();
});
