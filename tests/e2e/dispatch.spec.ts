// Dispatch on the desk against the real core: acknowledge, send to the routed unit, record the
// unit's confirmation after a restart of the host, record the outcome and close; closed stays closed.
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

test('dispatch, confirmation and close persist across restarts', async ({ rig, page }) => {
  let host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_dx', location: { district: 'Kota', city: 'Kota' } }));
  await openDesk(page, host.url);
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_dx"]');
  await row.click();
  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');

  await expect(page.getByTestId('dispatch-unit')).toHaveValue('kota-city'); // the routed unit, preselected
  await page.getByTestId('dispatch-called').fill('SI Testwal');
  await page.getByTestId('dispatch-reference').fill('KOTA/CC/2026/41');
  await page.getByTestId('dispatch-send').click();
  await expect(row).toHaveAttribute('data-state', 'dispatched');
  await expect(page.getByTestId('case-sent')).toContainText('Kota City Police');
  await page.screenshot({ path: 'test-results/screens/desk-dispatched.png' });

  host = await rig.startHost();
  await openDesk(page, host.url);
  await page.locator('[data-testid="queue-row"][data-flag-id="fl_dx"]').click();
  await expect(page.getByTestId('case-steps')).toHaveAttribute('data-state', 'dispatched');
  await page.getByTestId('confirm-by').fill('HC Unitwala');
  await page.getByTestId('confirm-send').click();
  await expect(page.getByTestId('case-sent')).toContainText('Confirmed by the unit');
  await expect(page.getByTestId('confirm-form')).toHaveCount(0);
  await page.getByTestId('close-outcome').selectOption('welfare_check_done');
  await page.getByTestId('close-send').click();
  await expect(page.locator('[data-testid="queue-row"][data-flag-id="fl_dx"]')).toHaveCount(0);

  host = await rig.startHost();
  await openDesk(page, host.url);
  await expect(page.getByTestId('queue-open-count')).toContainText('0');
});

test('closing without a dispatch offers only false positive or duplicate', async ({ rig, page }) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_fp', location: { source: 'none' } }));
  await openDesk(page, host.url);
  await page.locator('[data-testid="queue-row"][data-flag-id="fl_fp"]').click();
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('dispatch-unit')).toHaveValue(''); // the supervisor decides: nothing preselected
  await expect(page.getByTestId('dispatch-send')).toBeDisabled();
  const options = await page.getByTestId('close-outcome').locator('option').allTextContents();
  expect(options).toEqual(['False positive', 'Duplicate']);
  await page.getByTestId('close-send').click();
  await expect(page.locator('[data-testid="queue-row"][data-flag-id="fl_fp"]')).toHaveCount(0);
});

test('repeat flags of one account are shown together, each still its own case', async ({ rig, page }) => {
  const host = await rig.startHost();
  const subject = { account_id: 'acct-e2e-repeat', display_name: 'Invented Repeatwala' };
  rig.sim.publish(makeFlag({ id: 'fl_rep_1', subject, flagged_at: '2026-11-24T09:00:00+05:30' }));
  rig.sim.publish(makeFlag({ id: 'fl_rep_2', subject, flagged_at: '2026-11-25T09:00:00+05:30' }));
  await openDesk(page, host.url);
  await page.locator('[data-testid="queue-row"][data-flag-id="fl_rep_2"]').click();
  await expect(page.getByTestId('related-flags')).toHaveAttribute('data-count', '1');
  await page.getByTestId('related-flag').getByRole('button').click();
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-flag-id', 'fl_rep_1');
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(2);
});

test('a closed intervention comes back as welfare check-ins when they fall due', async ({ rig, page }) => {
  // Drill timings: the check-ins fall due 2 s and 4 s after the close instead of 24 h and 72 h.
  const host = await rig.startHost(['--follow-ups', '2s,4s']);
  rig.sim.publish(makeFlag({ id: 'fl_fu', location: { district: 'Jodhpur' } }));
  await openDesk(page, host.url);
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_fu"]');
  await row.click();
  await page.getByTestId('acknowledge').click();
  await page.getByTestId('dispatch-called').fill('SI Testwal');
  await page.getByTestId('dispatch-send').click();
  await expect(row).toHaveAttribute('data-state', 'dispatched');
  await page.getByTestId('close-outcome').selectOption('contacted');
  await page.getByTestId('close-send').click();
  await expect(row).toHaveCount(0);

  await expect(row.getByTestId('follow-up-tag')).toHaveText('CHECK-IN 2 s', { timeout: 15_000 });
  await row.click();
  await expect(page.getByTestId('follow-up-form')).toHaveAttribute('data-sequence', '1');
  await page.screenshot({ path: 'test-results/screens/desk-follow-up.png' });
  await page.getByTestId('follow-up-outcome').selectOption('support_ongoing');
  await page.getByTestId('follow-up-send').click();
  // Recorded: the flag leaves the queue until the next check-in is due, then comes back as that one.
  await expect(row.getByTestId('follow-up-tag')).toHaveText('CHECK-IN 4 s', { timeout: 15_000 });
  await row.click();
  await expect(page.getByTestId('follow-up-form')).toHaveAttribute('data-sequence', '2');
  await page.getByTestId('follow-up-send').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('queue-open-count')).toContainText('0');
});

test("an administrator enters a unit's control-room number; the dispatch form shows whom to call", async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_call', location: { district: 'Jodhpur' } }));
  await openDesk(page, host.url); // the first-run administrator
  await page.getByTestId('units-open').click();
  const row = page.locator('[data-testid="unit-row"][data-unit="jodhpur-control-room"]');
  await row.getByTestId('unit-contact').fill('call me');
  await row.getByTestId('unit-save').click();
  await expect(row.getByTestId('unit-problem')).toContainText('contact: a telephone number');
  await row.getByTestId('unit-contact').fill('0291 2650 100');
  await row.getByTestId('unit-save').click();
  await expect(row.getByTestId('unit-save')).toHaveText('Saved');
  await page.screenshot({ path: 'test-results/screens/desk-units.png' });
  await page.getByTestId('units-close').click();

  await page.locator('[data-testid="queue-row"][data-flag-id="fl_call"]').click();
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('dispatch-contact')).toHaveText('Control room: 0291 2650 100');
});
