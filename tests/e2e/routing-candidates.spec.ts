// "Supervisor decides", made fast (issue #21), against the real core: a town the gazetteer knows
// routes itself; a name in two districts asks the question with its candidates ranked, in English
// and Hindi, and one click in the dispatch form chooses the unit, recorded as a dispatch to another
// unit with the reason naming the candidates.
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

test('Bhiwadi routes itself; Shahpura asks "Jaipur or Bhilwara?" and one click chooses', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(makeFlag({ id: 'fl_gz_bhiwadi', location: { city: 'Bhiwadi' } }));
  rig.sim.publish(makeFlag({ id: 'fl_gz_shahpura', location: { city: 'Shahpura' } }));
  rig.sim.publish(makeFlag({ id: 'fl_gz_kishangarh', location: { city: 'किशनगढ़' } }));
  await openDesk(page, host.url);
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(3);

  const open = async (id: string) => {
    await page.locator(`[data-testid="queue-row"][data-flag-id="${id}"]`).click();
    await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-flag-id', id);
    return page.getByTestId('detail-unit');
  };
  const bhiwadi = await open('fl_gz_bhiwadi');
  await expect(bhiwadi.locator('[data-unit-key]').first()).toHaveAttribute(
    'data-unit-key',
    'khairthal-tijara-control-room',
  );
  await expect(bhiwadi).toContainText('by city, high confidence');
  await expect(page.getByTestId('route-also')).toHaveCount(0);

  // The larger Kishangarh, less surely, naming the other.
  const kishangarh = await open('fl_gz_kishangarh');
  await expect(kishangarh).toContainText('Ajmer district police control room');
  await expect(kishangarh).toContainText('medium confidence');
  await expect(page.getByTestId('route-also')).toContainText('also possible: Khairthal-Tijara');

  const shahpura = await open('fl_gz_shahpura');
  await expect(shahpura).toContainText('Supervisor decides');
  await expect(shahpura).toContainText('the city is the name of places in more than one district');
  await expect(page.getByTestId('route-question')).toHaveText('Jaipur or Bhilwara?');
  const ranked = page.getByTestId('route-candidate');
  await expect(ranked).toHaveCount(2);
  await expect(ranked.nth(0)).toHaveAttribute('data-unit-key', 'jaipur-control-room');
  await expect(ranked.nth(1)).toContainText('Bhilwara district police control room (by city)');
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('dispatch-unit')).toHaveValue('');
  await page.screenshot({ path: 'test-results/screens/desk-supervisor-candidates-en.png' });

  await page.getByTestId('lang-hi').click();
  await expect(page.getByTestId('route-question')).toHaveText('जयपुर या भीलवाड़ा?');
  await expect(shahpura).toContainText('इस नाम के स्थान एक से अधिक ज़िलों में हैं');
  await expect(page.locator('[data-testid="dispatch-candidate"]').nth(1)).toContainText('भीलवाड़ा');
  await page.screenshot({ path: 'test-results/screens/desk-supervisor-candidates-hi.png' });
  await page.getByTestId('lang-en').click();

  // One click chooses; the dispatch carries the reason, as any dispatch to another unit does.
  await page.locator('[data-testid="dispatch-candidate"][data-unit-key="bhilwara-control-room"]').click();
  await expect(page.getByTestId('dispatch-unit')).toHaveValue('bhilwara-control-room');
  await expect(page.getByTestId('dispatch-reason')).toHaveValue(
    'Supervisor chose among the likely units: Jaipur or Bhilwara',
  );
  await page.getByTestId('dispatch-called').fill('SI Testwal');
  await page.getByTestId('dispatch-send').click();
  await expect(page.locator('[data-testid="queue-row"][data-flag-id="fl_gz_shahpura"]')).toHaveAttribute(
    'data-state',
    'dispatched',
  );
  await expect(page.getByTestId('case-sent')).toContainText('Bhilwara district police control room');
});
