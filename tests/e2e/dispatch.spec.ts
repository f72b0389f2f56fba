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

test('closing a high flag without a dispatch: no preselected outcome, a reason, a confirmation, and an undo', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_fp', risk: 'high', location: { source: 'none' } }));
  await openDesk(page, host.url);
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_fp"]');
  await row.click();
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('dispatch-unit')).toHaveValue(''); // the supervisor decides: nothing preselected
  await expect(page.getByTestId('dispatch-send')).toBeDisabled();
  const outcome = page.getByTestId('close-outcome');
  expect(await outcome.locator('option:not([disabled])').allTextContents()).toEqual([
    'False positive',
    'Duplicate',
  ]);
  // Nothing is chosen for the operator, and the button says why it waits.
  await expect(outcome).toHaveValue('');
  await expect(page.getByTestId('close-send')).toBeDisabled();
  await expect(page.getByTestId('close-why')).toHaveText('Choose the outcome first.');
  await outcome.selectOption('false_positive');
  await expect(page.getByTestId('close-why')).toContainText('Write the reason first');
  await page.getByTestId('close-reason').fill('Song lyric, checked with the platform');
  await page.getByTestId('close-send').click();
  // A second, explicit question; "Go back" leaves the flag open.
  await expect(page.getByTestId('close-confirm')).toContainText('WITHOUT sending any unit');
  await page.screenshot({ path: 'test-results/screens/desk-close-confirm-en.png' });
  await page.getByTestId('close-confirm-no').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await page.getByTestId('close-send').click();
  await page.getByTestId('close-confirm-yes').click();
  await expect(row).toHaveCount(0);

  // The same operator can take it back for a short time; the history keeps both steps.
  await expect(page.getByTestId('undo-close')).toContainText('closed: False positive');
  await page.screenshot({ path: 'test-results/screens/desk-undo-close-en.png' });
  await page.getByTestId('undo-close-send').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('undo-close')).toHaveCount(0);
  await expect(page.getByTestId('history')).toContainText('Close undone');

  await page.getByTestId('lang-hi').click();
  await page.getByTestId('close-outcome').selectOption('duplicate');
  await page.getByTestId('close-reason').fill('LC-000001 की दोहरी प्रविष्टि');
  await page.getByTestId('close-send').click();
  await expect(page.getByTestId('close-confirm')).toContainText('बिना कोई इकाई भेजे');
  await page.screenshot({ path: 'test-results/screens/desk-close-confirm-hi.png' });
  await page.getByTestId('close-confirm-yes').click();
  await expect(page.getByTestId('undo-close')).toContainText('वापस लें');
  await page.screenshot({ path: 'test-results/screens/desk-undo-close-hi.png' });
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
