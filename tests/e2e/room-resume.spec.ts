// A desk enrolled by code in Chromium over TLS (`lifeline serve`), logged on, acknowledges a flag;
// the core restarts on the same port. The desk says NOT CONNECTED, comes back by itself, and is
// on its queue again with no logon prompt (its resume token was in the page's memory), and the
// acknowledged flag does not alarm again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with scripts/test.mjs
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { makeFlag } from '../helpers/flags';
import { E2E_PASSWORD, expect, logOn, test } from './fixtures';

const root = path.resolve(__dirname, '../..');
const ADMIN = 'Admin Resumewal';
let serve: ChildProcess | undefined;

async function stopServe(): Promise<void> {
  if (!serve || serve.exitCode !== null) return;
  const exited = new Promise((resolve) => serve!.once('exit', resolve));
  serve.kill('SIGTERM');
  await exited;
}
test.afterEach(stopServe);

function lifeline(args: string[], where: string[]): string {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/lifeline.cjs'), ...args, ...where], {
    env: { ...process.env, LIFELINE_NEW_PASSWORD: E2E_PASSWORD, LIFELINE_PASSWORD: E2E_PASSWORD },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lifeline ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** Starts `lifeline serve` and resolves with what it printed on its ready line. */
function startServe(args: string[]): Promise<{ port: number; spki: string }> {
  let output = '';
  serve = spawn(process.execPath, [path.join(root, 'bin/lifeline.cjs'), 'serve', ...args], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LIFELINE_'))),
      LIFELINE_FEED_TOKEN: 'e2e-token',
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    serve!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^LIFELINE_READY (.*)$/m.exec(output);
      if (line) resolve(JSON.parse(line[1]!));
    });
    serve!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    serve!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

test('after a core restart the desk is back on its queue without a logon prompt; nothing acknowledged alarms', async ({
  rig,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-resume-e2e-'));
  const where = ['--data-dir', path.join(dir, 'data'), '--key-file', path.join(dir, 'keys', 'db.key')];
  lifeline(['account', 'add', '--name', ADMIN, '--role', 'administrator', '--by', 'Installer'], where);
  const serveArgs = [
    '--listen',
    '127.0.0.1',
    '--feed-url',
    rig.sim.url,
    '--poll-interval-ms',
    '300',
    ...where,
  ];
  const ready = await startServe(['--training', ...serveArgs]);
  const enrolled = lifeline(['device', 'enrol', '--name', 'Desk 1', '--kind', 'desk', '--by', ADMIN], where);
  const code = /: (\S{4}-\S{4}-\S{4})$/m.exec(enrolled)![1]!;
  const origin = `https://127.0.0.1:${ready.port}`;

  const browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: [...(CHROMIUM_ARGS as string[]), `--ignore-certificate-errors-spki-list=${ready.spki}`],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${origin}/enrol`);
    await page.locator('#code').fill(code);
    await page.locator('#enrol').click();
    await page.locator('#open').click();
    await logOn(page, ADMIN);

    rig.sim.publish(makeFlag({ id: 'fl_resume', risk: 'imminent' }));
    const row = page.locator('[data-testid="queue-row"][data-flag-id="fl_resume"]');
    await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');
    await row.click();
    await page.getByTestId('acknowledge').click();
    await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
    await expect(row).toHaveAttribute('data-state', 'acknowledged');

    // The core's process ends and a new one starts on the same port, with the same store.
    await stopServe();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'reconnecting');
    await startServe(['--training', '--port', String(ready.port), ...serveArgs]);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', {
      timeout: 15_000,
    });
    // The same view: logged on as before, no logon screen, the flag acknowledged and silent.
    await expect(page.getByTestId('user-badge')).toContainText(ADMIN);
    await expect(row).toHaveAttribute('data-state', 'acknowledged');
    // Not only the screen, which might still show what it showed before: the restarted core has
    // the session (a new flag is acknowledged from this desk without logging on) and only the new
    // flag alarms.
    rig.sim.publish(makeFlag({ id: 'fl_after_restart', risk: 'imminent' }));
    const after = page.locator('[data-testid="queue-row"][data-flag-id="fl_after_restart"]');
    await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'true');
    await after.click();
    await page.getByTestId('acknowledge').click();
    await expect(after).toHaveAttribute('data-state', 'acknowledged');
    await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'false');
    await expect(page.getByTestId('logon-screen')).toHaveCount(0);
    await expect(row).toHaveAttribute('data-state', 'acknowledged');
    fs.mkdirSync(path.join(root, 'test-results/screens'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-results/screens/room-resumed-en.png') });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
