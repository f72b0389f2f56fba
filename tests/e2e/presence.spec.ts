// The room sees which desks are seen and can sound the alarm (issue #24): a desk page that is
// hidden (Page Visibility emulated) or whose audio output disappears (devicechange with no output
// left) reports it to the core, and the wall shows "Desk 1: window hidden" / "cannot hear".
// Screenshots in English and Hindi under test-results/screens/.
import type { Page } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

/** What a browser does when the window is minimised or covered: the state flips, then the event. */
async function emulateVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((value) => {
    // The e2e specs compile without the DOM library: the page's globals are reached through globalThis.
    const document = (globalThis as unknown as { document: EventTarget }).document;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** The headset is unplugged: the device list keeps its inputs but has no audio output left. */
async function unplugAudioOutput(page: Page): Promise<void> {
  await page.evaluate(() => {
    const media = (globalThis as unknown as { navigator: { mediaDevices: EventTarget } }).navigator
      .mediaDevices;
    Object.defineProperty(media, 'enumerateDevices', {
      configurable: true,
      value: async () => [{ kind: 'audioinput', deviceId: 'mic', groupId: 'g', label: '' }],
    });
    media.dispatchEvent(new Event('devicechange'));
  });
}

const deskItem = (wall: Page) => wall.locator('[data-testid="room-presence-item"][data-client="desk-1"]');

test('a hidden or frozen desk is reported to the core and shown on the wall until it is back', async ({
  rig,
  page,
  browser,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_p1', risk: 'high' }));
  await page.goto(host.wallUrl);
  await expect(page.getByTestId('wall-view')).toBeVisible();
  const desk = await browser.newPage();
  await openDesk(desk, host.url);
  // Both screens have reported themselves: the wall's line counts them, nothing wrong yet.
  await expect(page.getByTestId('room-presence')).toContainText('2 connected');
  await expect(page.getByTestId('room-presence-self')).toContainText('Wall 1');

  await emulateVisibility(desk, 'hidden');
  await expect(deskItem(page)).toHaveAttribute('data-visibility', 'hidden');
  await expect(deskItem(page)).toContainText('Desk 1: window hidden');
  await page.screenshot({ path: 'test-results/screens/wall-desk-hidden-en.png' });
  await page.goto(host.wallUrl + '&lang=hi');
  await expect(deskItem(page)).toContainText('डेस्क 1: विंडो छिपी हुई');
  await page.screenshot({ path: 'test-results/screens/wall-desk-hidden-hi.png' });

  await emulateVisibility(desk, 'visible');
  await expect(deskItem(page)).toHaveCount(0);
  // Page Lifecycle: the browser is about to freeze the page (it says so first, then runs nothing).
  await desk.evaluate(() =>
    (globalThis as unknown as { document: EventTarget }).document.dispatchEvent(new Event('freeze')),
  );
  await expect(deskItem(page)).toHaveAttribute('data-visibility', 'frozen');
  await expect(page.getByTestId('room-presence')).toHaveClass(/sev--alarm/);
  await desk.evaluate(() =>
    (globalThis as unknown as { document: EventTarget }).document.dispatchEvent(new Event('resume')),
  );
  await expect(deskItem(page)).toHaveCount(0);
  // The desk closes: its entry goes with its connection.
  await desk.close();
  await expect(page.getByTestId('room-presence')).toContainText('1 जुड़े हैं');
});

test('an audio output that disappears is an alarm state on the desk and on the wall', async ({
  rig,
  page,
  browser,
}) => {
  const host = await rig.startHost();
  await page.goto(host.wallUrl);
  await expect(page.getByTestId('wall-view')).toBeVisible();
  const desk = await browser.newPage();
  await openDesk(desk, host.url);
  await expect(desk.getByTestId('own-sound-lost')).toHaveCount(0);

  await unplugAudioOutput(desk);
  await expect(desk.getByTestId('sound-status')).toHaveAttribute('data-sound', 'no_output');
  await expect(desk.getByTestId('own-sound-lost')).toBeVisible();
  await expect(desk.getByTestId('own-sound-lost')).toHaveAttribute('role', 'alert');
  await expect(deskItem(page)).toHaveAttribute('data-audio', 'lost');
  await expect(deskItem(page)).toContainText('Desk 1: CANNOT HEAR');
  await expect(page.getByTestId('room-presence')).toHaveClass(/sev--alarm/);
  // On the desk its own banner says it; the room's line there names only the other screens.
  await expect(desk.getByTestId('room-presence')).toHaveCount(0);
  await desk.screenshot({ path: 'test-results/screens/desk-sound-lost-en.png' });
  await page.screenshot({ path: 'test-results/screens/wall-desk-cannot-hear-en.png' });
  await desk.getByTestId('lang-hi').click();
  await expect(desk.getByTestId('own-sound-lost')).toContainText('यह डेस्क अलार्म नहीं बजा सकती');
  await desk.screenshot({ path: 'test-results/screens/desk-sound-lost-hi.png' });
  await desk.close();
});
