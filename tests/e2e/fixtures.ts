// Shared set-up of the e2e specs: a simulator in the test process, the built host as a child.
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
  startHost(extra?: string[]): Promise<HostProcess>;
}

export const test = base.extend<{ rig: Rig }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  rig: async ({}, use) => {
    const sim = await startSimulator({ token: 'e2e-token', runId: 'e2e' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-e2e-'));
    const rig: Rig = {
      sim,
      dataDir,
      host: null,
      async startHost(extra = []) {
        await rig.host?.stop();
        rig.host = await startHostProcess([
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
          ...extra,
        ]);
        return rig.host;
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
