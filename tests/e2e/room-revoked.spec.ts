// Revocation in real Chromium over TLS: two desks and two walls enrolled by code (one of each in
// English, one in Hindi), connected and logged on; the administrator revokes them at the core
// (`lifeline device revoke`, another process). Each is cut off at once and says why — REVOKED, not
// NOT CONNECTED — and stops reconnecting. Screenshots under test-results/screens/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with scripts/test.mjs
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { makeFlag } from '../helpers/flags';
import { E2E_PASSWORD, expect, logOn, test } from './fixtures';

const root = path.resolve(__dirname, '../..');
const ADMIN = 'Admin Revokewal';
let serve: ChildProcess | undefined;

test.afterEach(async () => {
  if (!serve || serve.exitCode !== null) return;
  const exited = new Promise((resolve) => serve!.once('exit', resolve));
  serve.kill('SIGTERM');
  await exited;
});

function lifeline(args: string[], where: string[]): string {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/lifeline.cjs'), ...args, ...where], {
    env: { ...process.env, LIFELINE_NEW_PASSWORD: E2E_PASSWORD, LIFELINE_PASSWORD: E2E_PASSWORD },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lifeline ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

async function enrolled(browser: Browser, origin: string, code: string, lang: 'en' | 'hi'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(`${origin}/enrol`);
  await page.locator('#code').fill(code);
  await page.locator('#enrol').click();
  await expect(page.locator('#result')).toContainText('Enrolled as');
  const href = await page.locator('#open').getAttribute('href');
  await page.goto(`${origin}${href}${lang === 'hi' ? '&lang=hi' : ''}`);
  return page;
}

test('revoked desks and walls are cut off at once and say why, in English and Hindi', async ({ rig }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-revoke-e2e-'));
  const where = ['--data-dir', path.join(dir, 'data'), '--key-file', path.join(dir, 'keys', 'db.key')];
  lifeline(['account', 'add', '--name', ADMIN, '--role', 'administrator', '--by', 'Installer'], where);
  let output = '';
  serve = spawn(
    process.execPath,
    [
      path.join(root, 'bin/lifeline.cjs'),
      'serve',
      '--listen',
      '127.0.0.1',
      '--training',
      '--feed-url',
      rig.sim.url,
      ...where,
    ],
    {
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LIFELINE_'))),
        LIFELINE_FEED_TOKEN: 'e2e-token',
      } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const ready = await new Promise<{ port: number; spki: string }>((resolve, reject) => {
    serve!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^LIFELINE_READY (.*)$/m.exec(output);
      if (line) resolve(JSON.parse(line[1]!));
    });
    serve!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  const codeFor = (name: string, kind: 'desk' | 'wall') =>
    /: (\S{4}-\S{4}-\S{4})$/m.exec(
      lifeline(['device', 'enrol', '--name', name, '--kind', kind, '--by', ADMIN], where),
    )![1]!;
  const origin = `https://127.0.0.1:${ready.port}`;
  const browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: [...(CHROMIUM_ARGS as string[]), `--ignore-certificate-errors-spki-list=${ready.spki}`],
  });
  const shots = path.join(root, 'test-results/screens');
  fs.mkdirSync(shots, { recursive: true });
  try {
    const screens = [];
    for (const lang of ['en', 'hi'] as const) {
      const desk = await enrolled(browser, origin, codeFor(`Desk ${lang}`, 'desk'), lang);
      await logOn(desk, ADMIN);
      if (lang === 'hi') await desk.getByTestId('lang-hi').click();
      const wall = await enrolled(browser, origin, codeFor(`Wall ${lang}`, 'wall'), lang);
      await expect(wall.getByTestId('wall-view')).toBeVisible();
      screens.push({ lang, desk, wall });
    }
    rig.sim.publish(makeFlag({ id: 'fl_revoke', risk: 'high' }));
    for (const { desk, wall } of screens) {
      await expect(desk.locator('[data-testid="queue-row"][data-flag-id="fl_revoke"]')).toBeVisible();
      await expect(wall.locator('[data-testid="wall-row"][data-flag-id="fl_revoke"]')).toBeVisible();
    }

    for (const { lang, desk, wall } of screens) {
      for (const [kind, page] of [
        ['Desk', desk],
        ['Wall', wall],
      ] as const) {
        // From the moment the revocation is in the store (the command has returned).
        lifeline(['device', 'revoke', '--name', `${kind} ${lang}`, '--by', ADMIN], where);
        const revokedAt = Date.now();
        await expect(page.locator('[data-room="revoked"]')).toBeVisible({ timeout: 5000 });
        expect(Date.now() - revokedAt).toBeLessThan(5000);
        await expect(page.locator('[data-room="not-connected"]')).toHaveCount(0);
      }
      await expect(desk.getByTestId('revoked-banner')).toContainText(lang === 'en' ? 'REVOKED' : 'हटाई गई');
      await expect(desk.getByTestId('connection-state')).toHaveAttribute('data-state', 'revoked');
      // Cut off, neither screen shows the feed health it last heard as now ("OK", "0 s ago").
      const notConnected = lang === 'en' ? '— (not connected)' : '— (कनेक्शन नहीं)';
      await expect(desk.getByTestId('feed-health')).toHaveAttribute('data-state', 'not-connected');
      await expect(desk.getByTestId('feed-health')).toContainText(notConnected);
      await expect(wall.getByTestId('wall-feed-state')).toContainText(notConnected);
      await expect(wall.getByTestId('wall-feed-state')).toHaveAttribute('data-linked', 'false');
      await desk.screenshot({ path: path.join(shots, `room-desk-revoked-${lang}.png`) });
      await wall.screenshot({ path: path.join(shots, `room-wall-revoked-${lang}.png`) });

      // Reloaded, the pages are refused again, and still say why: the core completes the handshake
      // and closes with the revoked code (a browser cannot read an HTTP refusal).
      for (const page of [desk, wall]) {
        await page.reload();
        await expect(page.locator('[data-room="revoked"]')).toBeVisible({ timeout: 5000 });
        await expect(page.locator('[data-room="not-connected"]')).toHaveCount(0);
      }
      // Nothing heard since the reload: the wall's data age is not known, never "0 s".
      await expect(wall.getByTestId('wall-data-age')).toContainText(
        lang === 'en' ? 'Data age not known' : 'डेटा कितना पुराना है पता नहीं',
      );
      await desk.screenshot({ path: path.join(shots, `room-desk-revoked-reloaded-${lang}.png`) });
      await wall.screenshot({ path: path.join(shots, `room-wall-revoked-reloaded-${lang}.png`) });
    }
    // Cut off for good: the core refuses the devices, and the pages do not keep knocking.
    expect(output).toMatch(/closed \d+ connection\(s\) of revoked devices/);
    // (The first desk was reloaded above: it shows the revoked banner above its logon, no badge.)
    await expect(screens[0]!.desk.locator('[data-room="revoked"]')).toBeVisible();
    await expect(screens[0]!.wall.locator('[data-room="revoked"]')).toBeVisible();
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
