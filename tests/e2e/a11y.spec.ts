// Accessibility, WCAG 2.1 AA as axe-core checks it, on every view in both languages (issue #16,
// item 13). A violation fails with the rule and the elements, so the fix is where it points.
import { makeFlag } from '../helpers/flags';
import { noViolations } from './axe';
import { E2E_PASSWORD, E2E_USER, expect, logOn, test } from './fixtures';

for (const language of ['en', 'hi'] as const) {
  test(`axe finds no WCAG 2.1 AA violation on any view (${language})`, async ({ rig, page, browser }) => {
    const host = await rig.startHost();
    rig.addAccount('Admin Testwal', 'administrator');
    rig.addAccount(E2E_USER, 'supervisor', 'Admin Testwal');
    rig.sim.publish(makeFlag({ id: 'fl_a1', risk: 'imminent', location: { district: 'Jodhpur' } }));
    rig.sim.publish(makeFlag({ id: 'fl_a2', risk: 'high', location: { source: 'none' } }));
    rig.sim.publish(
      makeFlag({ id: 'fl_a3', risk: 'elevated', location: { district: 'Kota', city: 'Kota' } }),
    );
    await page.clock.install();
    await page.goto(host.url);
    await expect(page.getByTestId('logon-screen')).toBeVisible();
    await page.getByTestId(`lang-${language}`).click();
    await noViolations(page, 'logon');

    await logOn(page);
    await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(3);
    await noViolations(page, 'desk');
    await page.locator('[data-testid="queue-row"][data-flag-id="fl_a2"]').click();
    await page.getByTestId('acknowledge').click();
    await expect(page.getByTestId('case-steps')).toBeVisible();
    await noViolations(page, 'desk with a flag open');
    await page.getByTestId('close-outcome').selectOption('duplicate');
    await page.getByTestId('close-reason').fill('Duplicate of a case already open');
    await page.getByTestId('close-send').click();
    await expect(page.getByTestId('close-confirm')).toBeVisible();
    await noViolations(page, 'close confirmation');
    await page.getByTestId('close-confirm-yes').click();
    await expect(page.getByTestId('undo-close')).toBeVisible();
    await noViolations(page, 'undo bar');
    await page.getByTestId('undo-close-send').click();
    await expect(page.getByTestId('undo-close')).toHaveCount(0);

    await page.getByTestId('handover-open').click();
    await expect(page.locator('.handover-sheet')).toBeVisible();
    await noViolations(page, 'handover');
    await page.getByTestId('handover-back').click();
    await page.getByTestId('reports-open').click();
    await expect(page.getByTestId('reports-view')).toHaveAttribute('data-loaded', 'true');
    await noViolations(page, 'reports');
    await page
      .getByTestId('reports-back')
      .or(page.getByRole('button', { name: /desk|डेस्क/i }))
      .first()
      .click();

    await page.clock.fastForward('15:01');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await noViolations(page, 'lock');
    await page.getByTestId('unlock-password').fill(E2E_PASSWORD);

    const wallContext = await browser.newContext(); // axe needs a page of a context of its own
    const wall = await wallContext.newPage();
    await wall.goto(`${host.wallUrl}&lang=${language}`);
    await expect(wall.locator('[data-testid="wall-row"]')).toHaveCount(3);
    await noViolations(wall, 'wall');
    await rig.sim.close(); // the feed is lost: the loudest state must be accessible too
    await expect(wall.getByTestId('feed-loss')).toHaveAttribute('data-state', 'down', { timeout: 20_000 });
    await noViolations(wall, 'wall, feed lost');
    await wallContext.close();
  });
}
