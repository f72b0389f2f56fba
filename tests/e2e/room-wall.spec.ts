// A wall enrolled by code in a real Chromium over TLS: the browser trusts the core's key only
// through --ignore-certificate-errors-spki-list=<the SPKI hash `lifeline serve` prints> (never
// --ignore-certificate-errors; without the flag the same page does not load), enrols on the core's
// own page, keeps its credential as an HttpOnly cookie no script can read, and opens the wall.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with scripts/test.mjs
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

const root = path.resolve(__dirname, '../..');
const PASSWORD = 'e2e password 1';
let serve: ChildProcess | undefined;
let output = '';

test.afterEach(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve!.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  }
});

/** Resolves when the core's output has printed a line matching (already or later). */
function untilOutput(pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!pattern.test(output)) return;
      serve!.stdout!.off('data', check);
      resolve();
    };
    serve!.stdout!.on('data', check);
    check();
  });
}

function lifeline(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/lifeline.cjs'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lifeline ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

test('a wall enrols by code in Chromium over TLS and shows the queue', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-room-e2e-'));
  const where = ['--data-dir', path.join(dir, 'data'), '--key-file', path.join(dir, 'keys', 'db.key')];
  const env = { LIFELINE_NEW_PASSWORD: PASSWORD, LIFELINE_PASSWORD: PASSWORD };
  lifeline(
    ['account', 'add', '--name', 'Admin Asha', '--role', 'administrator', '--by', 'Installer', ...where],
    env,
  );
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
  const ready = await new Promise<{ port: number; spki: string; fingerprint: string }>((resolve, reject) => {
    serve!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^LIFELINE_READY (.*)$/m.exec(output);
      if (line) resolve(JSON.parse(line[1]!));
    });
    serve!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    serve!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  const enrolled = lifeline(
    ['device', 'enrol', '--name', 'Wall North', '--kind', 'wall', '--by', 'Admin Asha', ...where],
    env,
  );
  const code = /: (\S{4}-\S{4}-\S{4})$/m.exec(enrolled)![1]!;
  const origin = `https://127.0.0.1:${ready.port}`;
  const executablePath = (findChromium() as string | null) ?? undefined;

  // The control: without the SPKI flag Chromium refuses the core's certificate.
  const untrusting = await chromium.launch({ executablePath, args: CHROMIUM_ARGS as string[] });
  try {
    const page = await untrusting.newPage();
    await expect(page.goto(`${origin}/enrol`)).rejects.toThrow(/ERR_CERT/);
  } finally {
    await untrusting.close();
  }

  const browser = await chromium.launch({
    executablePath,
    args: [...(CHROMIUM_ARGS as string[]), `--ignore-certificate-errors-spki-list=${ready.spki}`],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${origin}/enrol`);
    await page.locator('#code').fill(code.toLowerCase());
    await page.locator('#enrol').click();
    await expect(page.locator('#result')).toContainText('Enrolled as Wall North (wall)');
    const cookie = (await context.cookies()).find((c) => c.name === 'lifeline_device');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).not.toContain('lifeline_device');
    fs.mkdirSync(path.join(root, 'test-results/screens'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-results/screens/room-enrol-page.png') });

    await page.locator('#open').click();
    await expect(page.getByTestId('wall-view')).toBeVisible();
    await expect(page.getByTestId('wall-training')).toBeVisible();
    await untilOutput(/device \d+ connected \(wall\)/);
    await page.screenshot({ path: path.join(root, 'test-results/screens/room-wall-en.png') });
    await page.goto(`${origin}/#view=wall&lang=hi`);
    await expect(page.getByTestId('wall-view')).toBeVisible();
    await page.screenshot({ path: path.join(root, 'test-results/screens/room-wall-hi.png') });
  } finally {
    await browser.close();
  }
});
