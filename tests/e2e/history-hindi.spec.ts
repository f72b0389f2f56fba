// A flag's history on the desk in Hindi (issue #22): every step and every detail in Hindi words;
// Latin letters only in names, the unit's reference number and "IST".
import { makeFlag } from '../helpers/flags';
import { E2E_USER, expect, openDesk, test } from './fixtures';

const CALLED = 'SI Testwal';
const CONFIRMED_BY = 'HC Unitwala';
const REFERENCE = 'KOTA/CC/41';

test('the history of a revised, dispatched, closed and reopened flag reads in Hindi', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_hist', risk: 'high', location: { district: 'Kota', city: 'Kota' } }));
  await openDesk(page, host.url);
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_hist"]');
  await row.click();
  const history = page.getByTestId('history');
  await expect(history).toContainText('Received');
  rig.sim.publish(
    makeFlag({ id: 'fl_hist', revision: 2, risk: 'imminent', location: { district: 'Kota', city: 'Kota' } }),
  );
  await expect(history).toContainText('Revised');

  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await page.getByTestId('dispatch-called').fill(CALLED);
  await page.getByTestId('dispatch-reference').fill(REFERENCE);
  await page.getByTestId('dispatch-send').click();
  await expect(row).toHaveAttribute('data-state', 'dispatched');
  await page.getByTestId('confirm-by').fill(CONFIRMED_BY);
  await page.getByTestId('confirm-send').click();
  await expect(page.getByTestId('confirm-form')).toHaveCount(0);
  await page.getByTestId('close-outcome').selectOption('welfare_check_done');
  await page.getByTestId('close-send').click();
  await page.getByTestId('undo-close-send').click();
  await expect(row).toHaveAttribute('data-state', 'dispatched');
  await expect(history.locator('li')).toHaveCount(7);
  await expect(history).toContainText('risk: Imminent');
  await expect(history).toContainText('outcome: Welfare check done');
  await history.screenshot({ path: 'test-results/screens/history-en.png' });

  await page.getByTestId('lang-hi').click();
  await expect(history).toContainText('जोखिम: तत्काल');
  await expect(history).toContainText('परिणाम: कुशलता जाँच हुई');
  await expect(history).toContainText('इकाई: कोटा शहर पुलिस');
  await history.screenshot({ path: 'test-results/screens/history-hi.png' });
  for (const line of await history.locator('li').allInnerTexts()) {
    let rest = line;
    for (const allowed of [CALLED, CONFIRMED_BY, REFERENCE, E2E_USER, 'IST'])
      rest = rest.replaceAll(allowed, '');
    expect(rest, line).not.toMatch(/[A-Za-z]/);
  }
});
