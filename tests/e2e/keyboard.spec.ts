// The desk by keyboard (issue #16, item 7): focus in the queue at logon, shortcuts on screen, the map
// one Tab stop instead of 42, a skip link to the queue, and a word when a key does nothing.
import type { Page } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

const focusedTestId = (page: Page) =>
  page.evaluate(
    () =>
      (
        globalThis as unknown as {
          document: { activeElement: { getAttribute(n: string): string | null } | null };
        }
      ).document.activeElement?.getAttribute('data-testid') ?? null,
  );

test('keyboard: the queue has focus at logon, N/A/D work and say when they cannot, the map is one stop', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_k1', risk: 'imminent', location: { district: 'Jodhpur' } }));
  rig.sim.publish(makeFlag({ id: 'fl_k2', risk: 'high', location: { district: 'Ajmer' } }));
  await openDesk(page, host.url);
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(2);
  expect(await focusedTestId(page)).toBe('queue-list');
  await expect(page.getByTestId('queue-list')).toHaveAccessibleDescription(/N next waiting/);

  // The map: one Tab stop; the arrows walk its areas.
  const stops = await page.locator('[data-testid="district-map-desk"] [tabindex="0"]').count();
  expect(stops).toBe(1);

  await page.keyboard.press('n');
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-flag-id', 'fl_k1');
  await page.keyboard.press('a');
  await expect(page.locator('[data-testid="queue-row"][data-flag-id="fl_k1"]')).toHaveAttribute(
    'data-state',
    'acknowledged',
  );
  // Acknowledged flags leave the "needs someone" group: N goes to the one still waiting.
  await page.getByTestId('queue-list').focus();
  await page.keyboard.press('n');
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-flag-id', 'fl_k2');
  await page.keyboard.press('d'); // not acknowledged yet: D says so instead of doing nothing
  await expect(page.getByTestId('queue-key-notice')).toContainText('acknowledge LC-');
  await page.screenshot({ path: 'test-results/screens/desk-keys-notice-en.png' });
  await page.keyboard.press('a');
  await expect(page.locator('[data-testid="queue-row"][data-flag-id="fl_k2"]')).toHaveAttribute(
    'data-state',
    'acknowledged',
  );
  await page.getByTestId('queue-list').focus();
  await page.keyboard.press('a');
  await expect(page.getByTestId('queue-key-notice')).toContainText('already acknowledged');
  await page.keyboard.press('n');
  await expect(page.getByTestId('queue-key-notice')).toContainText('no flag needs someone');
  await page.keyboard.press('d');
  expect(await focusedTestId(page)).toBe('dispatch-unit');

  // The first Tab from the top of the page offers the way to the queue.
  await page.locator('.training-banner').click(); // the reading position: the top of the page
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('skip-to-queue');
  await page.screenshot({ path: 'test-results/screens/desk-skip-link-en.png' });
  await page.keyboard.press('Enter');
  expect(await focusedTestId(page)).toBe('queue-list');

  await page.getByTestId('lang-hi').click();
  await page.getByTestId('queue-list').focus();
  await page.keyboard.press('a');
  await expect(page.getByTestId('queue-key-notice')).toContainText('पहले से स्वीकार');
  await page.screenshot({ path: 'test-results/screens/desk-keys-notice-hi.png' });
});
