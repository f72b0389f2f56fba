// Shared set-up of the e2e specs: a simulator in the test process, the built host as a child.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { startHostProcess, type HostProcess } from './host-process';

export interface Rig {
  sim: Simulator;
  dataDir: string;
  host: HostProcess | null;
  /** The host on the rig's simulator; its flags are marked TRAINING unless `live` (reports count only live ones). */
  startHost(extra?: string[], options?: { live?: boolean }): Promise<HostProcess>;
  /**
   * An account added from the machine (`lifeline account add`), password E2E_PASSWORD; after the
   * first, `by` must be an administrator whose password is E2E_PASSWORD too.
   */
  addAccount(
    name: string,
    role: 'operator' | 'supervisor' | 'auditor' | 'administrator' | 'unit',
    by?: string,
    /** Role unit: its police units (lifeline account add --units). */
    units?: string[],
  ): void;
}

/** Every e2e account's password (invented, like everyone in these tests). */
export const E2E_PASSWORD = 'e2e password 1';
/** The first administrator each e2e test's desk creates on first run. */
export const E2E_USER = 'Op Testwal';

export const test = base.extend<{ rig: Rig }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  rig: async ({}, use) => {
    const sim = await startSimulator({ token: 'e2e-token', runId: 'e2e' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-e2e-'));
    const rig: Rig = {
      sim,
      dataDir,
      host: null,
      async startHost(extra = [], options = {}) {
        await rig.host?.stop();
        rig.host = await startHostProcess(
          [
            '--feed-url',
            sim.url,
            '--data-dir',
            path.join(dataDir, 'data'),
            '--key-file',
            path.join(dataDir, 'keys', 'db.key'),
            '--poll-interval-ms',
            '500',
            ...(options.live ? [] : ['--training']),
            ...extra,
          ],
          // The feed token from the environment: an argument would show in ps (the CLI refuses it).
          { LIFELINE_FEED_TOKEN: 'e2e-token' },
        );
        return rig.host;
      },
      addAccount(name, role, by = E2E_USER, units) {
        const r = spawnSync(
          process.execPath,
          [
            path.join(__dirname, '../../bin/lifeline.cjs'),
            'account',
            'add',
            '--name',
            name,
            '--role',
            role,
            '--by',
            by,
            ...(units ? ['--units', units.join(',')] : []),
            '--data-dir',
            path.join(dataDir, 'data'),
            '--key-file',
            path.join(dataDir, 'keys', 'db.key'),
          ],
          {
            env: { ...process.env, LIFELINE_NEW_PASSWORD: E2E_PASSWORD, LIFELINE_PASSWORD: E2E_PASSWORD },
            encoding: 'utf8',
          },
        );
        if (r.status !== 0) throw new Error(`account add failed: ${r.stderr}`);
      },
    };
    await use(rig);
    await rig.host?.stop();
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

export type Probe = {
  contextState: string;
  sounding: boolean;
  pattern: string | null;
  rms: number;
  peakRms: number;
};
export const probe = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { lifelineAudioProbe: () => Probe }).lifelineAudioProbe());

/**
 * Opens the desk and logs on: on a fresh data directory the first-run form creates the
 * administrator (E2E_USER by default); afterwards the same name logs on with E2E_PASSWORD.
 */
export async function openDesk(page: Page, url: string, name = E2E_USER): Promise<void> {
  await page.goto(url);
  await logOn(page, name);
}

export async function logOn(page: Page, name = E2E_USER): Promise<void> {
  const screen = page.getByTestId('logon-screen');
  await screen.waitFor();
  await page.getByTestId('logon-accept').check();
  await page.getByTestId('logon-name').fill(name);
  await page.getByTestId('logon-password').fill(E2E_PASSWORD);
  if ((await screen.getAttribute('data-first-run')) === 'true')
    await page.getByTestId('logon-confirm').fill(E2E_PASSWORD);
  await page.getByTestId('logon-send').click();
  await page
    .getByTestId('user-badge')
    .or(page.getByTestId('handover-view'))
    .or(page.getByTestId('reports-view'))
    .first()
    .waitFor();
}
