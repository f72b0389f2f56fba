// The real Electron app through Playwright's _electron. Where the Electron binary is not installed
// (it cannot be downloaded on this machine), the test is skipped with the reason printed.
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with scripts/start.mjs
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary() as { path: string | null; reason: string | null };

test('desk window opens on the simulator feed, hardened', async () => {
  if (!binary.path) console.log(`Skipping the Electron test: ${binary.reason}.`);
  test.skip(!binary.path, `Electron binary absent: ${binary.reason}`);
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [path.resolve(__dirname, '../..'), '--allow-weak-keychain'],
    env: { ...process.env, LIFELINE_POLL_INTERVAL_MS: '500', LIFELINE_SIM_RATE: '60' },
  });
  const window = await app.firstWindow();
  await expect(window.getByText(/TRAINING/).first()).toBeVisible();
  await expect(window.locator('[data-testid="queue-row"]').first()).toBeVisible({ timeout: 15_000 });
  // Sandboxed, context-isolated, no Node: the page sees only the contract bridge.
  const page = await window.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    return {
      require: typeof g.require,
      process: typeof g.process,
      bridge: Object.keys(g.lifeline as object).sort(),
    };
  });
  expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'listen'] });
  const navigated = await app.evaluate(async ({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    const before = contents.getURL();
    await contents.executeJavaScript("location.href = 'https://example.invalid/'").catch(() => {});
    return before === contents.getURL();
  });
  expect(navigated).toBe(true);
  await app.close();
});

test('--wall --desk opens a wall window beside the desk, and the wall cannot read personal details', async () => {
  if (!binary.path) console.log(`Skipping the Electron wall test: ${binary.reason}.`);
  test.skip(!binary.path, `Electron binary absent: ${binary.reason}`);
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [path.resolve(__dirname, '../..'), '--allow-weak-keychain', '--wall', '--desk'],
    env: { ...process.env, LIFELINE_POLL_INTERVAL_MS: '500', LIFELINE_SIM_RATE: '60' },
  });
  await expect.poll(() => app.windows().length).toBe(2);
  const wall = app.windows().find((w) => w.url().includes('view=wall'))!;
  await expect(wall.getByTestId('wall-view')).toBeVisible();
  const refused = await wall.evaluate(async () => {
    const bridge = (
      globalThis as unknown as {
        lifeline: { invoke(c: string, p: unknown): Promise<{ ok: boolean; error?: { kind: string } }> };
      }
    ).lifeline;
    return bridge.invoke('getFlagDetail', { id: 'x' });
  });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

  // Walls never sleep: the wall window holds a power-save blocker, released when it closes. Electron
  // lists no blockers, so count the ids that are started (they are small sequential integers).
  const startedBlockers = () =>
    app.evaluate(({ powerSaveBlocker }) =>
      Array.from({ length: 64 }, (_, id) => id).filter((id) => powerSaveBlocker.isStarted(id)),
    );
  const withWall = await startedBlockers();
  expect(withWall.length, 'a blocker for the desk and one for the wall').toBe(2);
  await app.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()
      .find((w) => w.webContents.getURL().includes('view=wall'))!
      .close();
  });
  await expect.poll(async () => (await startedBlockers()).length).toBe(1);
  await app.close();
});
