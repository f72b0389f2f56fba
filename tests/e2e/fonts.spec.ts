// Hindi must not depend on the machine's fonts (issue #16, item 6): in a Chromium whose fontconfig
// sees no Devanagari font at all, every view still draws Devanagari with the font the app ships.
import type { Page } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';
import { launchLatinOnlyChromium } from './latin-only-fonts';

/**
 * The little of the page's DOM these checks use (the e2e tests compile without the DOM library).
 * Written out inside each evaluate: the function runs in the page, where no helper of this file exists.
 */
interface PageDocument {
  fonts: { ready: Promise<unknown> } & Iterable<{ family: string; status: string }>;
  createElement(tag: 'canvas'): {
    getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
  };
}

const SCREENS = 'test-results/screens';

/** Width of Devanagari text against boxes of unassigned code points in the same font stack. */
const devanagariVsTofu = (page: Page, fontFamily: string) =>
  page.evaluate((family) => {
    const ctx = (globalThis as unknown as { document: PageDocument }).document
      .createElement('canvas')
      .getContext('2d')!;
    ctx.font = `32px ${family}`;
    return {
      devanagari: ctx.measureText('कतारखग').width,
      tofu: ctx.measureText('\u0378\u0379\u0378\u0379\u0378\u0379').width,
    };
  }, fontFamily);

test('Hindi is drawn with the bundled font on a machine without any Devanagari font; every view looked at', async ({
  rig,
}) => {
  const browser = await launchLatinOnlyChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // The premise: this browser really has no Devanagari of its own (each glyph is the same box).
    await page.setContent('<p>x</p>');
    const bare = await devanagariVsTofu(page, 'sans-serif');
    expect(Math.abs(bare.devanagari - bare.tofu)).toBeLessThan(1);

    const host = await rig.startHost();
    rig.sim.publish(makeFlag({ id: 'fl_font1', risk: 'imminent', location: { district: 'Jodhpur' } }));
    rig.sim.publish(makeFlag({ id: 'fl_font2', risk: 'high', location: { district: 'Kota' } }));
    await openDesk(page, host.url);
    await page.getByTestId('lang-hi').click();
    await expect(page.getByTestId('lang-hi')).toHaveText('हिंदी');
    await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.fonts.ready);
    const loaded = await page.evaluate(() =>
      [...(globalThis as unknown as { document: PageDocument }).document.fonts]
        .filter((f) => f.family.replace(/"/g, '') === 'Noto Sans Devanagari Variable')
        .map((f) => f.status),
    );
    expect(loaded).toContain('loaded');
    const bundled = await devanagariVsTofu(page, "'Noto Sans Devanagari Variable'");
    expect(Math.abs(bundled.devanagari - bundled.tofu)).toBeGreaterThan(5); // real glyphs, not boxes

    await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(2);
    await page.screenshot({ path: `${SCREENS}/nofont-desk-hi.png` });
    await page.locator('[data-testid="queue-row"][data-flag-id="fl_font1"]').click();
    await page.getByTestId('acknowledge').click();
    await page.screenshot({ path: `${SCREENS}/nofont-desk-detail-hi.png` });
    await page.getByTestId('handover-open').click();
    await expect(page.getByTestId('handover-view')).toBeVisible();
    await page.getByTestId('handover-lang').selectOption('hi');
    await page.screenshot({ path: `${SCREENS}/nofont-handover-hi.png` });
    await page.getByTestId('handover-back').click();
    await page.getByTestId('reports-open').click();
    await expect(page.getByTestId('reports-view')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/nofont-reports-hi.png` });

    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(host.wallUrl + '&lang=hi');
    await expect(wall.locator('[data-testid="wall-row"]')).toHaveCount(2);
    await wall.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.fonts.ready);
    await wall.screenshot({ path: `${SCREENS}/nofont-wall-hi-1920.png` });

    await page.goto(host.url);
    await page.reload(); // a new session: the logon screen, in the language the desk last had
    await expect(page.getByTestId('logon-screen')).toBeVisible();
    await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.fonts.ready);
    await page.screenshot({ path: `${SCREENS}/nofont-logon-hi.png` });
  } finally {
    await browser.close();
  }
});
