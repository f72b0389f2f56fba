// `npm run soak`: the wall display under a 1 flag/s simulator for 30 minutes (SOAK_MINUTES to
// change). Every minute: the renderer's JS heap after a forced garbage collection, the host's
// resident memory, the database's WAL size. Passes when the renderer heap grows by less than
// WALL_HEAP_BOUND_MB between minute 2 (warm) and the end. Writes test-results/wall-soak.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with scripts/test.mjs
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { startHostProcess } from '../e2e/host-process';

export const WALL_HEAP_BOUND_MB = 40;
const minutes = Number(process.env.SOAK_MINUTES ?? 30);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-soak-'));
  const host = await startHostProcess([
    '--data-dir',
    path.join(dataDir, 'data'),
    '--key-file',
    path.join(dataDir, 'db.key'),
    '--sim-rate',
    '60',
    '--poll-interval-ms',
    '1000',
  ]);
  const pid = host.pid;
  const browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: CHROMIUM_ARGS as string[],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(host.wallUrl);
  const cdp = await page.context().newCDPSession(page);
  const samples: { minute: number; heapMb: number; rows: number; hostRssMb: number | null; walMb: number }[] =
    [];
  const wal = path.join(dataDir, 'data', 'lifeline.db-wal');
  for (let minute = 0; minute <= minutes; minute++) {
    if (minute > 0) await new Promise((r) => setTimeout(r, 60_000)); // a soak is paced by the clock, by design
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const rows = await page
      .locator('[data-testid="wall-open"]')
      .innerText()
      .catch(() => '?');
    const status = fs.existsSync(`/proc/${pid}/status`) ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    const rss = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    const sample = {
      minute,
      heapMb: usedSize / 2 ** 20,
      rows: Number(rows.replace(/\D/g, '')) || 0,
      hostRssMb: rss ? Number(rss) / 1024 : null,
      walMb: fs.existsSync(wal) ? fs.statSync(wal).size / 2 ** 20 : 0,
    };
    samples.push(sample);
    console.log(
      `min ${String(minute).padStart(2)}  renderer heap ${sample.heapMb.toFixed(1)} MB  open flags ${sample.rows}  ` +
        `host RSS ${sample.hostRssMb?.toFixed(0) ?? '?'} MB  WAL ${sample.walMb.toFixed(1)} MB`,
    );
  }
  await browser.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const warm = samples[Math.min(2, samples.length - 1)]!.heapMb;
  const growth = samples.at(-1)!.heapMb - warm;
  const ok = growth < WALL_HEAP_BOUND_MB;
  console.log(
    `\nwall renderer heap growth from minute 2 to ${minutes}: ${growth.toFixed(1)} MB (bound ${WALL_HEAP_BOUND_MB} MB) — ${ok ? 'OK' : 'FAILED'}`,
  );
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync(
    'test-results/wall-soak.json',
    JSON.stringify({ minutes, boundMb: WALL_HEAP_BOUND_MB, growthMb: growth, samples }, null, 2),
  );
  process.exit(ok ? 0 : 1);
}

void main();
