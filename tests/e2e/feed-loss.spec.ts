// A lost feed must be the loudest thing on every screen (issue #16, item 1): the wall's counters say
// they are not live, the data's age shows, and the words tell the room what to do — in both languages.
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

test('a feed killed midway turns the wall and the desk to FEED DOWN, with what to do; EN and HI screenshots', async ({
  rig,
  page,
  browser,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_l1', risk: 'high' }));
  await page.goto(host.wallUrl);
  await expect(page.locator('[data-testid="wall-row"]')).toHaveCount(1);
  await expect(page.getByTestId('wall-view')).toHaveAttribute('data-live', 'true');
  await expect(page.getByTestId('feed-loss')).toHaveCount(0);
  const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await openDesk(desk, host.url);

  await rig.sim.close(); // the platform goes away: every poll is now refused

  // Refused again and again reads DOWN (not "silent", which sounds like a quiet night).
  const banner = page.getByTestId('feed-loss');
  await expect(banner).toHaveAttribute('data-state', 'down', { timeout: 20_000 });
  await expect(banner).toContainText('FEED DOWN');
  await expect(banner).toContainText("Call the platform's duty contact");
  await expect(page.getByTestId('feed-loss-age')).toContainText('NOT live');
  await expect(page.getByTestId('wall-view')).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('wall-not-live')).toHaveCount(2); // open and unacknowledged both say so
  // The banner is the largest text on the wall, above the counters.
  const bannerBox = (await banner.boundingBox())!;
  const countersBox = (await page.locator('.wall-top').boundingBox())!;
  expect(bannerBox.y).toBeLessThan(countersBox.y);
  await page.screenshot({ path: 'test-results/screens/wall-feed-lost-en-1920.png' });

  const deskBanner = desk.getByTestId('feed-loss');
  await expect(deskBanner).toHaveAttribute('data-state', 'down', { timeout: 20_000 });
  // The desk's strip speaks plain words, not the socket's error code.
  await expect(desk.getByTestId('feed-error')).toContainText('cannot be reached');
  await expect(desk.getByTestId('feed-error')).not.toContainText('ECONNREFUSED');
  await desk.screenshot({ path: 'test-results/screens/desk-feed-lost-en.png' });

  await page.goto(host.wallUrl + '&lang=hi');
  await expect(page.getByTestId('feed-loss')).toContainText('फ़ीड ठप', { timeout: 20_000 });
  await expect(page.getByTestId('wall-not-live').first()).toContainText('लाइव नहीं');
  await page.screenshot({ path: 'test-results/screens/wall-feed-lost-hi-1920.png' });
  await desk.getByTestId('lang-hi').click();
  await expect(desk.getByTestId('feed-loss')).toContainText('फ़ीड ठप');
  await desk.screenshot({ path: 'test-results/screens/desk-feed-lost-hi.png' });
  await desk.close();
});
