// The operator desk in real Chromium, against the real core through the built headless host:
// a flag published at the simulator appears in the queue, the alarm really sounds, Acknowledge
// stops it, and the state survives a restart of the host.
import { makeFlag, CANARY } from '../helpers/flags';
import { expect, openDesk, probe, test } from './fixtures';

test('a new flag reaches the desk, sounds until acknowledged, and stays acknowledged after a restart', async ({
  rig,
  page,
}) => {
  let host = await rig.startHost();
  await openDesk(page, host.url);
  await expect(page.getByText(/TRAINING/).first()).toBeVisible();

  rig.sim.publish(makeFlag({ id: 'fl_e2e_1', risk: 'imminent' }));
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_e2e_1"]');
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-state', 'new');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');
  await expect.poll(async () => (await probe(page)).contextState).toBe('running');
  await expect
    .poll(async () => (await probe(page)).peakRms, { message: 'alarm audio is actually playing' })
    .toBeGreaterThan(0.001);

  await row.click();
  // Need-to-know: the identity stays hidden until asked for with a reason.
  await expect(page.getByTestId('reveal-form')).toBeVisible();
  await expect(page.getByText(CANARY.name)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/desk-identity-hidden.png' });
  await page.getByTestId('reveal-reason').fill('no');
  await page.getByTestId('reveal-send').click();
  await expect(page.getByTestId('reveal-problem')).toContainText('reason: at least 5 characters');
  await page.getByTestId('reveal-reason').fill('calling the unit with the address');
  await page.getByTestId('reveal-send').click();
  await expect(page.getByText(CANARY.name)).toBeVisible();
  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
  await expect.poll(async () => (await probe(page)).sounding).toBe(false);
  await page.screenshot({ path: 'test-results/screens/desk-en.png' });

  host = await rig.startHost();
  await openDesk(page, host.url);
  const again = page.locator('[data-testid="queue-row"][data-flag-id="fl_e2e_1"]');
  await expect(again).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
});

test('the desk in Hindi', async ({ rig, page }) => {
  const host = await rig.startHost();
  for (const risk of ['imminent', 'high', 'elevated'])
    rig.sim.publish(makeFlag({ risk, location: { district: 'जोधपुर' } }));
  rig.sim.publish(makeFlag({ location: { source: 'none' } }));
  await openDesk(page, host.url);
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(4);
  await page.getByTestId('lang-hi').click();
  await expect(page.getByText('प्रशिक्षण').first()).toBeVisible();
  await expect(page.getByText('जोधपुर').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/desk-hi.png' });
});

test('the feed refusing credentials is an alarm on the desk', async ({ rig, page }) => {
  const host = await rig.startHost();
  await openDesk(page, host.url);
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
  rig.sim.setFault('unauthorised');
  await expect(page.getByTestId('feed-health')).toHaveAttribute('data-state', 'unauthorised');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');
  await expect.poll(async () => (await probe(page)).pattern).toContain('feed');
});

test('a risk the platform raises after acknowledgement alarms again until the raise is acknowledged', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  await openDesk(page, host.url);
  rig.sim.publish(makeFlag({ id: 'fl_e2e_raise', risk: 'elevated' }));
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_e2e_raise"]');
  await row.click();
  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
  await expect(page.getByTestId('acknowledge')).toBeDisabled();

  rig.sim.publish(makeFlag({ id: 'fl_e2e_raise', revision: 2, risk: 'imminent' }));
  await expect(row).toHaveAttribute('data-raised', 'true');
  await expect(row).toHaveAttribute('data-risk', 'imminent');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');
  await expect(page.getByTestId('acknowledge')).toHaveText('Acknowledge raised risk');
  await page.screenshot({ path: 'test-results/screens/desk-risk-raised.png' });

  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-raised', 'false');
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
});
