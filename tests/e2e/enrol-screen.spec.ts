// The desktop app's enrolment screen in Chromium, driven through the same preload API the app
// gives it (window.lifelineEnrol), answered by main's real handler (electron/main/shell/
// enrol-screen.ts, keychain faked: there is no Electron binary here) against `lifeline serve`
// over TLS. The person sees the core's fingerprint, ticks that it matches, types the code, and is
// enrolled. English and Hindi screenshots under test-results/screens/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { enrolScreenHandler } from '../../electron/main/shell/enrol-screen';
import { loadDevice } from '../../electron/main/shell/remote-core';

const root = path.resolve(__dirname, '../..');
const PASSWORD = 'e2e password 1';
const APP = 'http://app.test';
let serve: ChildProcess | undefined;

test.afterEach(async () => {
  if (!serve || serve.exitCode !== null) return;
  const exited = new Promise((resolve) => serve!.once('exit', resolve));
  serve.kill('SIGTERM');
  await exited;
});

type SafeStorage = Parameters<typeof loadDevice>[0];

function fakeSafeStorage(): SafeStorage {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text: string) => mask(Buffer.from(text, 'utf8')),
    decryptString: (b: Buffer) => mask(b).toString('utf8'),
  } as unknown as SafeStorage;
}

function lifeline(args: string[], where: string[]): string {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/lifeline.cjs'), ...args, ...where], {
    env: { ...process.env, LIFELINE_NEW_PASSWORD: PASSWORD, LIFELINE_PASSWORD: PASSWORD },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lifeline ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** The built renderer as the app's window loads it, with main's enrolment handler behind the preload API. */
async function openEnrolScreen(page: Page, handle: (request: unknown) => Promise<unknown>, lang: string) {
  await page.route(`${APP}/**`, (route) => {
    const file = path.join(root, 'out/renderer', new URL(route.request().url()).pathname);
    return route.fulfill({
      path:
        fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'out/renderer/index.html'),
    });
  });
  await page.exposeFunction('__lifelineEnrol', handle);
  await page.addInitScript(() => {
    const w = globalThis as unknown as {
      lifelineEnrol: unknown;
      __lifelineEnrol: (r: unknown) => Promise<unknown>;
    };
    w.lifelineEnrol = { enrol: (request: unknown) => w.__lifelineEnrol(request) };
  });
  await page.goto(`${APP}/index.html#view=enrol&lang=${lang}`);
  await expect(page.getByTestId('enrol-view')).toBeVisible();
}

test('the enrolment screen shows the core fingerprint, then enrols the desk with the code', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-enrol-e2e-'));
  const where = ['--data-dir', path.join(dir, 'data'), '--key-file', path.join(dir, 'keys', 'db.key')];
  lifeline(
    ['account', 'add', '--name', 'Admin Enrolwal', '--role', 'administrator', '--by', 'Installer'],
    where,
  );
  let output = '';
  serve = spawn(
    process.execPath,
    [path.join(root, 'bin/lifeline.cjs'), 'serve', '--listen', '127.0.0.1', '--training', ...where],
    {
      env: Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith('LIFELINE_')),
      ) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const ready = await new Promise<{ port: number; fingerprint: string }>((resolve, reject) => {
    serve!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^LIFELINE_READY (.*)$/m.exec(output);
      if (line) resolve(JSON.parse(line[1]!));
    });
    serve!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  const enrolled = lifeline(
    ['device', 'enrol', '--name', 'Desk 9', '--kind', 'desk', '--by', 'Admin Enrolwal'],
    where,
  );
  const code = /: (\S{4}-\S{4}-\S{4})$/m.exec(enrolled)![1]!;
  const userDataDir = path.join(dir, 'app');
  const handle = enrolScreenHandler({ safeStorage: fakeSafeStorage(), userDataDir, platform: 'linux' });
  const shots = path.join(root, 'test-results/screens');
  fs.mkdirSync(shots, { recursive: true });

  // Hindi first, only as far as the fingerprint (the code is spent once).
  await openEnrolScreen(page, handle, 'hi');
  await page.getByTestId('enrol-address').fill(`https://127.0.0.1:${ready.port}`);
  await page.getByTestId('enrol-check').click();
  await expect(page.getByTestId('enrol-fingerprint')).toHaveAttribute('data-value', ready.fingerprint);
  await expect(page.getByTestId('enrol-send')).toBeDisabled(); // not before the person says it matches
  await page.screenshot({ path: path.join(shots, 'enrol-screen-hi.png'), fullPage: true });
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('enrol-check')).toHaveText('Check the core');

  // The fingerprint as the person reads it: the same pairs as printed at the core.
  const shown = (await page.getByTestId('enrol-fingerprint').innerText()).replace(/\s+/g, ':');
  expect(shown).toBe(ready.fingerprint);
  await page.getByTestId('enrol-matches').check();
  await page.getByTestId('enrol-code').fill(code.toLowerCase());
  await page.screenshot({ path: path.join(shots, 'enrol-screen-en.png'), fullPage: true });
  await page.getByTestId('enrol-send').click();
  await expect(page.getByTestId('enrol-done')).toContainText('Enrolled as Desk 9 (desk)');
  const device = loadDevice(fakeSafeStorage(), path.join(userDataDir, 'device'), 'linux');
  expect(device).toMatchObject({ kind: 'desk', core: { fingerprint: ready.fingerprint } });
  await page.screenshot({ path: path.join(shots, 'enrol-screen-done-en.png'), fullPage: true });
  fs.rmSync(dir, { recursive: true, force: true });
});
