// Routing on the desk, against the real core: main routes each flag as it is stored and the detail
// panel names the unit, what the routing rests on, or says plainly that the supervisor decides.
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

test('Kota goes to Kota City police, Jodhpur to its control room, no location to the supervisor', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(
    makeFlag({ id: 'fl_rt_kota', location: { district: 'Kota', city: 'Kota', pincode: '324005' } }),
  );
  rig.sim.publish(makeFlag({ id: 'fl_rt_jodhpur', location: { district: 'जोधपुर' } }));
  rig.sim.publish(makeFlag({ id: 'fl_rt_none', location: { source: 'none' } }));
  await openDesk(page, host.url);
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(3);

  const unitOf = async (id: string) => {
    await page.locator(`[data-testid="queue-row"][data-flag-id="${id}"]`).click();
    await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-flag-id', id);
    return page.getByTestId('detail-unit');
  };
  const kota = await unitOf('fl_rt_kota');
  await expect(kota.locator('[data-unit-key]')).toHaveAttribute('data-unit-key', 'kota-city');
  await expect(kota).toContainText('Kota City Police (via the command centre)');
  await expect(kota).toContainText('high confidence');

  const jodhpur = await unitOf('fl_rt_jodhpur');
  await expect(jodhpur).toContainText('Jodhpur district police control room');

  const none = await unitOf('fl_rt_none');
  await expect(none.locator('[data-unit-key]')).toHaveAttribute('data-unit-key', '');
  await expect(none).toContainText('Supervisor decides');
  await page.screenshot({ path: 'test-results/screens/desk-supervisor-decides.png' });

  await page.getByTestId('lang-hi').click();
  await expect(none).toContainText('शिफ़्ट प्रभारी तय करेंगे');
  await unitOf('fl_rt_kota');
  await expect(page.getByTestId('detail-unit')).toContainText('कोटा शहर पुलिस');
});
