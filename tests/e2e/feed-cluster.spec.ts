// Several cores share one PostgreSQL: a core that lost its store must read as STORE UNREACHABLE on
// the wall, the desk and the lock screen (this console's fault, not the platform's, with what to do),
// and the room must see which core polls. English, and Hindi on a machine with no Devanagari font.
// The health is laid over the host's by a test-only seam (feed-health-seam.ts): a SQLite host has one core.
import type { Browser, Page } from '@playwright/test';
import { en } from '../../shared/i18n/en';
import { hi } from '../../shared/i18n/hi';
import { makeFlag } from '../helpers/flags';
import { noViolations } from './axe';
import {
  OTHER_CORE_POLLS,
  OWN_CORE_POLLS_SHARED,
  STORE_UNREACHABLE,
  feedHealthSeam,
} from './feed-health-seam';
import { expect, openDesk, test } from './fixtures';
import { launchLatinOnlyChromium } from './latin-only-fonts';

const SCREENS = 'test-results/screens';
const TABLES = { en, hi } as const;
type Language = keyof typeof TABLES;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);

/** Hindi is looked at as a machine without Devanagari fonts draws it; English in the usual browser. */
async function browserFor(language: Language, usual: Browser): Promise<{ browser: Browser; own: boolean }> {
  if (language === 'en') return { browser: usual, own: false };
  const browser = await launchLatinOnlyChromium();
  return { browser, own: true };
}

/** Each page in a context of its own (axe needs that), the seam in place before the link opens. */
async function seamedPage(browser: Browser, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  return { page, seam: await feedHealthSeam(page) };
}

const fontsReady = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
  );

for (const language of ['en', 'hi'] as const) {
  const table = TABLES[language];
  const lang = language === 'hi' ? '&lang=hi' : '';

  test(`STORE UNREACHABLE reads as this console's loss on the wall, the desk and the lock screen (${language})`, async ({
    rig,
    browser: usual,
  }) => {
    const { browser, own } = await browserFor(language, usual);
    try {
      const host = await rig.startHost();
      rig.sim.publish(makeFlag({ id: 'fl_s1', risk: 'high' }));
      const wall = await seamedPage(browser, 1920, 1080);
      await wall.page.goto(host.wallUrl + lang);
      await expect(wall.page.locator('[data-testid="wall-row"]')).toHaveCount(1);
      await expect(wall.page.getByTestId('wall-view')).toHaveAttribute('data-live', 'true');
      const desk = await seamedPage(browser, 1600, 1000);
      await desk.page.clock.install();
      await openDesk(desk.page, host.url);
      if (language === 'hi') await desk.page.getByTestId('lang-hi').click();
      await expect(desk.page.getByTestId('feed-polling')).toHaveAttribute('data-polling', 'self');
      // The wall's own core polls (SQLite): its footer names no core, so it keeps to one line.
      await expect(wall.page.getByTestId('wall-feed-state')).toContainText(table.feed.state.ok);
      await expect(wall.page.getByTestId('wall-polling')).toHaveCount(0);

      wall.seam.patch = STORE_UNREACHABLE;
      desk.seam.patch = STORE_UNREACHABLE;

      const banner = wall.page.getByTestId('feed-loss');
      await expect(banner).toHaveAttribute('data-state', 'store_unreachable');
      await expect(banner).toContainText(table.feedLoss.head.store_unreachable);
      await expect(wall.page.getByTestId('feed-loss-do')).toHaveText(table.feedLoss.doStore);
      await expect(wall.page.getByTestId('wall-view')).toHaveAttribute('data-live', 'false');
      await expect(wall.page.getByTestId('wall-not-live')).toHaveCount(2);
      await expect(wall.page.getByTestId('wall-polling')).toHaveText(
        fill(table.feed.polling.lostWall, { self: 'KOTA-1' }),
      );
      // Still the loudest thing on the wall: above the counters.
      const bannerBox = (await banner.boundingBox())!;
      expect(bannerBox.y).toBeLessThan((await wall.page.locator('.wall-top').boundingBox())!.y);
      await fontsReady(wall.page);
      await wall.page.screenshot({ path: `${SCREENS}/wall-store-unreachable-${language}-1920.png` });
      await noViolations(wall.page, 'wall, store unreachable');

      await expect(desk.page.getByTestId('feed-loss')).toHaveAttribute('data-state', 'store_unreachable');
      await expect(desk.page.getByTestId('feed-loss-do')).toHaveText(table.feedLoss.doStore);
      // The desk's own queue says it is not live, as the wall's counters do.
      await expect(desk.page.getByTestId('queue-not-live')).toHaveText(table.feedLoss.notLive);
      await expect(desk.page.getByTestId('feed-polling')).toHaveText(
        fill(table.feed.polling.lostDesk, { self: 'KOTA-1' }),
      );
      await expect(desk.page.getByTestId('feed-error')).toContainText(
        table.feedLoss.errorKind.store_unreachable,
      );
      await expect(desk.page.getByTestId('feed-error')).not.toContainText('ECONNREFUSED');
      await fontsReady(desk.page);
      await desk.page.screenshot({ path: `${SCREENS}/desk-store-unreachable-${language}.png` });
      await noViolations(desk.page, 'desk, store unreachable');

      await desk.page.clock.fastForward('15:01');
      await expect(desk.page.getByTestId('lock-screen')).toBeVisible();
      await expect(desk.page.getByTestId('lock-feed')).toHaveText(table.lockRoom.store);
      await expect(desk.page.getByTestId('feed-loss')).toHaveAttribute('data-state', 'store_unreachable');
      await desk.page.screenshot({ path: `${SCREENS}/lock-store-unreachable-${language}.png` });
      await noViolations(desk.page, 'lock, store unreachable');
    } finally {
      if (own) await browser.close();
    }
  });

  test(`the wall and the desk name the core that polls when it is another, and a takeover as such (${language})`, async ({
    rig,
    browser: usual,
  }) => {
    const { browser, own } = await browserFor(language, usual);
    try {
      const host = await rig.startHost();
      rig.sim.publish(makeFlag({ id: 'fl_p1', risk: 'imminent' }));
      const wall = await seamedPage(browser, 1920, 1080);
      await wall.page.goto(host.wallUrl + lang);
      await expect(wall.page.locator('[data-testid="wall-row"]')).toHaveCount(1);
      const desk = await seamedPage(browser, 1600, 1000);
      await openDesk(desk.page, host.url);
      if (language === 'hi') await desk.page.getByTestId('lang-hi').click();

      // Several cores and the wall's own polls: the wall still names it, on the footer's one line
      // with the feed's state (a second line would be a queue row lost at 1080p).
      wall.seam.patch = OWN_CORE_POLLS_SHARED;
      await expect(wall.page.getByTestId('wall-polling')).toHaveText(
        fill(table.feed.polling.self, { core: 'KOTA-1' }),
      );
      await fontsReady(wall.page);
      await wall.page.screenshot({ path: `${SCREENS}/wall-own-core-shared-${language}-1920.png` });
      const state = (await wall.page.getByTestId('wall-feed-state').boundingBox())!;
      const polling = (await wall.page.getByTestId('wall-polling').boundingBox())!;
      expect(Math.abs(polling.y - state.y)).toBeLessThan(state.height / 2);

      wall.seam.patch = OTHER_CORE_POLLS;
      desk.seam.patch = OTHER_CORE_POLLS;
      await expect(wall.page.getByTestId('wall-polling')).toHaveText(
        fill(table.feed.polling.otherWall, { core: 'KOTA-2', self: 'KOTA-1' }),
      );
      // Another core polling is the normal life of a cluster: no loss, no alarm colour.
      await expect(wall.page.getByTestId('feed-loss')).toHaveCount(0);
      await expect(wall.page.getByTestId('wall-view')).toHaveAttribute('data-live', 'true');
      await expect(wall.page.getByTestId('wall-polling')).not.toHaveClass(/sev--/);
      await fontsReady(wall.page);
      await wall.page.screenshot({ path: `${SCREENS}/wall-other-core-${language}-1920.png` });
      await noViolations(wall.page, 'wall, another core polls');

      await expect(desk.page.getByTestId('feed-polling')).toHaveText(
        fill(table.feed.polling.otherDesk, { core: 'KOTA-2', self: 'KOTA-1' }),
      );
      await fontsReady(desk.page);
      await desk.page.screenshot({ path: `${SCREENS}/desk-other-core-${language}.png` });
      await noViolations(desk.page, 'desk, another core polls');

      // The polling core is gone and none has taken over yet: DOWN, but the room waits for the
      // takeover instead of calling the platform.
      const takeover = {
        ...OTHER_CORE_POLLS,
        state: 'down',
        alarm: true,
        pollingCore: null,
        lastError: { kind: 'no_poller', message: 'no core holds the poll lease' },
      } as const;
      wall.seam.patch = takeover;
      desk.seam.patch = takeover;
      await expect(wall.page.getByTestId('feed-loss')).toHaveAttribute('data-action', 'takeover');
      await expect(wall.page.getByTestId('feed-loss-do')).toHaveText(table.feedLoss.doTakeover);
      await expect(wall.page.getByTestId('wall-polling')).toHaveText(table.feed.polling.none);
      await expect(desk.page.getByTestId('feed-polling')).toHaveText(table.feed.polling.none);
      await expect(desk.page.getByTestId('feed-loss-do')).toHaveText(table.feedLoss.doTakeover);
      await wall.page.screenshot({ path: `${SCREENS}/wall-takeover-${language}-1920.png` });
      await desk.page.screenshot({ path: `${SCREENS}/desk-takeover-${language}.png` });
    } finally {
      if (own) await browser.close();
    }
  });
}
