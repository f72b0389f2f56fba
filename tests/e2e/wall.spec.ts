// The wall display in real Chromium: nothing personal in its DOM, counters right, TRAINING marked,
// alarm audio really playing and stopping when a desk acknowledges, flood shown; screenshots at
// 1920×1080 and 3840×2160.
import { CANARY, makeFlag } from '../helpers/flags';
import { expect, openDesk, probe, test } from './fixtures';

const PERSONAL = {
  ...CANARY,
  handle: 'canary_handle',
  email: 'canary@example.invalid',
  account: '1784140000CANARY',
  profile: 'https://instagram.invalid/canary_handle',
  post: 'https://instagram.invalid/p/canary',
  institution: 'Canary Coaching Institute',
  pincode: '324009',
};

function canaryFlag(id: string, risk: string) {
  return makeFlag({
    id,
    risk,
    subject: {
      account_id: PERSONAL.account,
      display_name: PERSONAL.name,
      handle: PERSONAL.handle,
      profile_url: PERSONAL.profile,
      age: 16,
      phone: PERSONAL.phone,
      email: PERSONAL.email,
    },
    content: { excerpt: PERSONAL.excerpt, language: 'en', post_url: PERSONAL.post },
    location: {
      district: 'Kota',
      city: 'Kota',
      pincode: PERSONAL.pincode,
      lat: 25.18,
      lon: 75.83,
      source: 'profile',
    },
    institution: PERSONAL.institution,
  });
}

test('the wall shows the queue without a single personal field, and goes quiet when a desk acknowledges', async ({
  rig,
  page,
  browser,
}) => {
  const host = await rig.startHost();
  rig.sim.publish(canaryFlag('fl_w1', 'imminent'));
  rig.sim.publish(canaryFlag('fl_w2', 'high'));
  rig.sim.publish(canaryFlag('fl_w3', 'elevated'));

  await page.goto(host.wallUrl);
  await expect(page.getByTestId('wall-view')).toBeVisible();
  await expect(page.locator('[data-testid="wall-row"]')).toHaveCount(3);
  await expect(page.getByTestId('wall-training')).toBeVisible();
  await expect(page.getByTestId('wall-open')).toContainText('3');
  await expect(page.getByTestId('wall-unack')).toContainText('3');
  await expect
    .poll(async () => (await probe(page)).peakRms, { message: 'the wall sounds the alarm' })
    .toBeGreaterThan(0.001);

  const html = await page.content();
  for (const [field, value] of Object.entries(PERSONAL))
    expect(html, `${field} on the wall`).not.toContain(value);

  const desk = await browser.newPage();
  await openDesk(desk, host.url);
  for (const id of ['fl_w1', 'fl_w2', 'fl_w3']) {
    await desk.locator(`[data-testid="queue-row"][data-flag-id="${id}"]`).click();
    await desk.getByTestId('acknowledge').click();
    await expect(desk.locator(`[data-testid="queue-row"][data-flag-id="${id}"]`)).toHaveAttribute(
      'data-state',
      'acknowledged',
    );
  }
  await expect(page.getByTestId('wall-unack')).toContainText('0');
  await expect(page.getByTestId('wall-open')).toContainText('3'); // acknowledged flags stay on the wall until closed
  await expect.poll(async () => (await probe(page)).sounding).toBe(false);
  await expect(page.locator('[data-testid="wall-row"]').first()).toContainText('Op Testwal'); // who holds it
  await desk.close();
});

test('a flood is one grouped alarm and shows on the wall; screenshots at 1080p and 4K', async ({
  rig,
  page,
}) => {
  const host = await rig.startHost();
  for (let i = 0; i < 12; i++) rig.sim.publish(canaryFlag(`fl_f${i}`, i % 3 === 0 ? 'imminent' : 'high'));
  await page.goto(host.wallUrl);
  await expect(page.getByTestId('flood-banner')).toBeVisible();
  await expect.poll(async () => (await probe(page)).pattern).toContain('flood');
  await page.screenshot({ path: 'test-results/screens/wall-flood-1920.png' });
  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.screenshot({ path: 'test-results/screens/wall-flood-3840.png' });
  const html = await page.content();
  for (const [field, value] of Object.entries(PERSONAL))
    expect(html, `${field} on the wall`).not.toContain(value);
});

test('the wall in Hindi at 1080p', async ({ rig, page }) => {
  const host = await rig.startHost();
  rig.sim.publish(canaryFlag('fl_h1', 'imminent'));
  rig.sim.publish(makeFlag({ id: 'fl_h2', risk: 'high', location: { district: 'जोधपुर' } }));
  rig.sim.publish(makeFlag({ id: 'fl_h3', risk: 'elevated', location: { source: 'none' } }));
  await page.goto(host.wallUrl + '&lang=hi');
  await expect(page.locator('[data-testid="wall-row"]')).toHaveCount(3);
  await expect(page.getByText('जोधपुर').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/wall-hi-1920.png' });
});
