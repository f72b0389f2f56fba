// An administrator edits the police unit registry (issue #23) in English and in Hindi: a broken PIN
// is refused in the desk's language and nothing is saved; a rename and a new unit (Jaipur's
// commissionerate, claiming a city PIN) are saved as new versions; a flag with that PIN then routes
// to the new unit. Screenshots in both languages for a person to look at.
import { expect } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { openDesk, test } from './fixtures';

const SCREENS = 'test-results/screens';

test('an administrator edits the unit registry in English and in Hindi', async ({ rig, page }) => {
  const host = await rig.startHost();
  await openDesk(page, host.url); // the first-run administrator
  await page.getByTestId('units-open').click();
  const version = page.getByTestId('registry-version');
  await expect(version).toHaveAttribute('data-version', '0');
  await expect(version).toContainText('Registry version 0 (as shipped)');

  // English: rename Pali's unit; a five-digit PIN is refused first and nothing is saved.
  const pali = page.locator('[data-testid="unit-row"][data-unit="pali-control-room"]');
  await pali.getByTestId('unit-edit').click();
  const editor = page.getByTestId('registry-editor');
  await editor.getByTestId('registry-en').fill('Pali Police District control room');
  await editor.getByTestId('registry-pins').fill('30601');
  await editor.getByTestId('registry-save').click();
  await expect(editor.getByTestId('registry-problem')).toHaveText('PIN codes: 6 digits each.');
  await expect(version).toHaveAttribute('data-version', '0');
  await page.screenshot({ path: `${SCREENS}/registry-en-refused.png` });
  await editor.getByTestId('registry-pins').fill('');
  await editor.getByTestId('registry-save').click();
  await expect(version).toHaveAttribute('data-version', '1');
  await expect(page.getByTestId('registry-notice')).toHaveText('· Saved as version 1.');
  await expect(pali.locator('th')).toHaveText('Pali Police District control room');

  // Hindi: a new unit, Jaipur's commissionerate, with a city PIN.
  await page.getByTestId('units-close').click(); // the panel covers the language switch
  await page.getByTestId('lang-hi').click();
  await page.getByTestId('units-open').click();
  await expect(version).toContainText('इकाई सूची संस्करण 1');
  await page.getByTestId('registry-add').click();
  await expect(editor).toContainText('नई इकाई');
  await editor.getByTestId('registry-id').fill('jaipur-commissionerate');
  await editor.getByTestId('registry-en').fill('Jaipur Police Commissionerate');
  await editor.getByTestId('registry-hi').fill('ज');
  await editor.getByTestId('registry-kind').selectOption('commissionerate');
  await editor.getByTestId('registry-district').selectOption('jaipur');
  await editor.getByTestId('registry-pins').fill('302017');
  await editor.getByTestId('registry-save').click();
  await expect(editor.getByTestId('registry-problem')).toHaveText('हिंदी में नाम: 2 से 120 अक्षर।');
  await page.screenshot({ path: `${SCREENS}/registry-hi-refused.png` });
  await editor.getByTestId('registry-hi').fill('जयपुर पुलिस कमिश्नरेट');
  await editor.getByTestId('registry-save').click();
  await expect(version).toHaveAttribute('data-version', '2');
  const added = page.locator('[data-testid="unit-row"][data-unit="jaipur-commissionerate"]');
  await expect(added.locator('th')).toHaveText('जयपुर पुलिस कमिश्नरेट');
  await expect(added).toContainText('कमिश्नरेट');
  await expect(added).toContainText('0 ज़िले · 0 नगर · 1 पिन');
  await page.screenshot({ path: `${SCREENS}/registry-hi.png`, fullPage: false });
  await page.getByTestId('units-close').click();
  await page.getByTestId('lang-en').click();
  await page.getByTestId('units-open').click();
  await expect(added.locator('th')).toHaveText('Jaipur Police Commissionerate');
  await page.screenshot({ path: `${SCREENS}/registry-en.png` });
  await page.getByTestId('units-close').click();

  // The registry routes: a flag with that PIN goes to the new unit.
  rig.sim.publish(makeFlag({ id: 'fl_commissionerate', location: { pincode: '302017' } }));
  await page.locator('[data-testid="queue-row"][data-flag-id="fl_commissionerate"]').click();
  await expect(page.getByTestId('detail-unit-name')).toHaveText('Jaipur Police Commissionerate');
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('dispatch-unit')).toHaveValue('jaipur-commissionerate');
  await page.screenshot({ path: `${SCREENS}/registry-routed-en.png` });
});
