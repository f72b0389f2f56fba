// Alarm management on the desk: silence needs a reason, stops the sound, can never silence an
// unacknowledged imminent flag; the test alarm plays and is recorded.
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, probe, test } from './fixtures';

test('silence with a reason stops the sound; an imminent flag cannot be silenced', async ({ rig, page }) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_s1', risk: 'high' }));
  await openDesk(page, host.url);
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');

  await page.getByTestId('silence-open').click();
  await page.getByTestId('silence-reason').fill('Drill in progress');
  await page.getByTestId('silence-minutes').fill('2');
  await page.getByTestId('silence-submit').click();
  await expect(page.getByTestId('silence-status')).toContainText('Drill in progress');
  await expect.poll(async () => (await probe(page)).sounding).toBe(false);
  await page.screenshot({ path: 'test-results/screens/desk-silenced.png' });

  // An imminent flag arriving during the silence sounds anyway.
  rig.sim.publish(makeFlag({ id: 'fl_s2', risk: 'imminent' }));
  await expect.poll(async () => (await probe(page)).pattern).toContain('imminent');
  await page.getByTestId('silence-cancel').click();
  await page.getByTestId('silence-open').click();
  await page.getByTestId('silence-reason').fill('Trying to silence imminent');
  await page.getByTestId('silence-submit').click();
  await expect(page.getByTestId('silence-error')).toContainText(/imminent/i);
  await expect.poll(async () => (await probe(page)).sounding).toBe(true);
});

test('the test alarm plays through the speakers', async ({ rig, page }) => {
  const host = await rig.startHost();
  await openDesk(page, host.url);
  await page.getByTestId('test-alarm').click();
  await expect
    .poll(async () => (await probe(page)).peakRms, { message: 'test tones audible' })
    .toBeGreaterThan(0.001);
});
