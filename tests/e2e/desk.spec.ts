// The operator desk in real Chromium, against the real core through the built headless host:
// a flag published at the simulator appears in the queue, the alarm really sounds, Acknowledge
// stops it, and the state survives a restart of the host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { makeFlag, CANARY } from '../helpers/flags';
import { startHostProcess, type HostProcess } from './host-process';

let sim: Simulator;
let host: HostProcess | null = null;
let dataDir: string;

test.beforeEach(async () => {
  sim = await startSimulator({ token: 'e2e-token', runId: 'e2e' });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-e2e-'));
});
test.afterEach(async () => {
  await host?.stop();
  host = null;
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const startHost = () =>
  startHostProcess([
    '--feed-url',
    sim.url,
    '--token',
    'e2e-token',
    '--data-dir',
    path.join(dataDir, 'data'),
    '--key-file',
    path.join(dataDir, 'keys', 'db.key'),
    '--poll-interval-ms',
    '500',
    '--training',
  ]);

type Probe = {
  contextState: string;
  sounding: boolean;
  pattern: string | null;
  rms: number;
  peakRms: number;
};
const probe = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { lifelineAudioProbe: () => Probe }).lifelineAudioProbe());

async function setOperator(page: Page, name: string) {
  await page.getByTestId('operator-name').fill(name);
}

test('a new flag reaches the desk, sounds until acknowledged, and stays acknowledged after a restart', async ({
  page,
}) => {
  host = await startHost();
  await page.goto(host.url);
  await expect(page.getByText(/TRAINING/).first()).toBeVisible();

  sim.publish(makeFlag({ id: 'fl_e2e_1', risk: 'imminent' }));
  const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_e2e_1"]');
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-state', 'new');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');
  await expect.poll(async () => (await probe(page)).contextState).toBe('running');
  await expect
    .poll(async () => (await probe(page)).peakRms, { message: 'alarm audio is actually playing' })
    .toBeGreaterThan(0.001);

  await row.click();
  await expect(page.getByText(CANARY.name)).toBeVisible(); // the desk's detail panel shows the subject
  await setOperator(page, 'Op Testwal');
  await page.getByTestId('acknowledge').click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
  await expect.poll(async () => (await probe(page)).sounding).toBe(false);
  await page.screenshot({ path: 'test-results/screens/desk-en.png' });

  await host.stop();
  host = await startHost();
  await page.goto(host.url);
  const again = page.locator('[data-testid="queue-row"][data-flag-id="fl_e2e_1"]');
  await expect(again).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
});

test('the desk in Hindi', async ({ page }) => {
  host = await startHost();
  for (const risk of ['imminent', 'high', 'elevated'])
    sim.publish(makeFlag({ risk, location: { district: 'जोधपुर' } }));
  sim.publish(makeFlag({ location: { source: 'none' } }));
  await page.goto(host.url);
  await expect(page.locator('[data-testid="queue-row"]')).toHaveCount(4);
  await page.getByTestId('lang-hi').click();
  await expect(page.getByText('प्रशिक्षण').first()).toBeVisible();
  await expect(page.getByText('जोधपुर').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/desk-hi.png' });
});

test('the feed refusing credentials is an alarm on the desk', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
  sim.setFault('unauthorised');
  await expect(page.getByTestId('feed-health')).toHaveAttribute('data-state', 'unauthorised');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');
  await expect.poll(async () => (await probe(page)).pattern).toContain('feed');
});
