// Figures measured in real Chromium against the built headless host:
// - feed → desk queue → alarm latency: a flag published at the simulator until its row is on the
//   desk and the alarm sounds, with the long-polling poller (wait = the poll interval);
// - the desk's frame times with 10,000 open flags while 100 new flags per second arrive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
// @ts-expect-error plain .mjs helper shared with scripts/test.mjs
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { startHostProcess, type HostProcess } from '../e2e/host-process';

// These functions run in the page (page.evaluate); the Node type-check has no DOM, by design.
declare const document: any;
declare const MutationObserver: any;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
};

const BENCH_PASSWORD = 'bench password 1';

async function withHost<T>(
  pollIntervalMs: number,
  run: (sim: Simulator, host: HostProcess, page: Page) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-browser-bench-'));
  const sim = await startSimulator({ token: 'bench', runId: 'bb' });
  const host = await startHostProcess(
    [
      '--feed-url',
      sim.url,
      '--training',
      '--data-dir',
      path.join(dir, 'data'),
      '--key-file',
      path.join(dir, 'db.key'),
      '--poll-interval-ms',
      String(pollIntervalMs),
    ],
    { LIFELINE_FEED_TOKEN: 'bench' },
  );
  const browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: CHROMIUM_ARGS as string[],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(host.url);
    // A fresh data directory: the first-run form creates the (invented) administrator.
    await page.getByTestId('logon-accept').check();
    await page.getByTestId('logon-name').fill('Bench Testwal');
    await page.getByTestId('logon-password').fill(BENCH_PASSWORD);
    await page.getByTestId('logon-confirm').fill(BENCH_PASSWORD);
    await page.getByTestId('logon-send').click();
    await page.getByTestId('desk-view').waitFor();
    return await run(sim, host, page);
  } finally {
    await browser.close();
    await host.stop();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A desk connection from Node, to acknowledge between measurements. */
function deskClient(host: HostProcess): Promise<(channel: string, payload: unknown) => Promise<void>> {
  const token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token');
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  let id = 0;
  const waiting = new Map<number, () => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { type: string; id: number };
    if (m.type === 'result') waiting.get(m.id)?.();
  });
  return new Promise((resolve) =>
    ws.once('open', () =>
      resolve(
        (channel, payload) =>
          new Promise<void>((done) => {
            waiting.set(++id, done);
            ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
          }),
      ),
    ),
  );
}

export async function benchLatency(samples: number, pollIntervalMs: number) {
  return withHost(pollIntervalMs, async (sim, host, page) => {
    const invoke = await deskClient(host);
    await invoke('logon', { name: 'Bench Testwal', password: BENCH_PASSWORD, bannerAccepted: true });
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      const sounding: number[] = [];
      (globalThis as unknown as { __bench: unknown }).__bench = { seen, sounding };
      new MutationObserver(() => {
        for (const row of document.querySelectorAll('[data-testid="queue-row"]')) {
          const id = row.getAttribute('data-flag-id')!;
          if (!(id in seen)) seen[id] = Date.now();
        }
        const status = document.querySelector('[data-testid="alarm-status"]');
        if (status?.getAttribute('data-sounding') === 'true' && sounding.length % 2 === 0)
          sounding.push(Date.now());
        if (status?.getAttribute('data-sounding') === 'false' && sounding.length % 2 === 1)
          sounding.push(Date.now());
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const queue: number[] = [];
    const alarm: number[] = [];
    for (let i = 0; i < samples; i++) {
      const id = `lat_${i}`;
      const published = Date.now();
      sim.publish({
        id,
        // Each one older than the last, so it sorts to the top of the (virtualised) queue and is in view.
        flagged_at: new Date(Date.parse('2026-11-25T00:00:00Z') - i * 60_000)
          .toISOString()
          .replace('Z', '+00:00'),
        risk: 'imminent',
        subject: { account_id: `b${i}` },
      });
      await page.waitForFunction(
        (flag) =>
          (globalThis as any).__bench.seen[flag] && (globalThis as any).__bench.sounding.length % 2 === 1,
        id,
        { polling: 20 },
      );
      const { seen, sounding } = await page.evaluate(
        () => (globalThis as any).__bench as { seen: Record<string, number>; sounding: number[] },
      );
      queue.push(seen[id]! - published);
      alarm.push(sounding.at(-1)! - published);
      await invoke('acknowledge', { id, operator: 'Bench Operator' });
      await page.waitForFunction(() => (globalThis as any).__bench.sounding.length % 2 === 0, undefined, {
        polling: 20,
      });
    }
    return {
      samples,
      pollIntervalMs,
      queueP50: percentile(queue, 0.5),
      queueP99: percentile(queue, 0.99),
      alarmP50: percentile(alarm, 0.5),
      alarmP99: percentile(alarm, 0.99),
    };
  });
}

export async function benchFrames(openFlags: number, perSecond: number, seconds: number) {
  return withHost(1000, async (sim, _host, page) => {
    for (let i = 0; i < openFlags; i++)
      sim.publish({
        id: `open_${i}`,
        flagged_at: '2026-11-25T10:00:00+05:30',
        risk: ['imminent', 'high', 'elevated'][i % 3],
        subject: { account_id: `o${i}` },
      });
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="queue-open-count"]')?.textContent?.replace(/\D/g, '')) >=
        n,
      openFlags,
      { timeout: 120_000 },
    );
    // A string, not a function: the TypeScript loader would wrap a named function in a helper the page lacks.
    await page.evaluate(`(() => {
      const frames = [];
      globalThis.__frames = frames;
      let last = performance.now();
      const tick = (t) => { frames.push(t - last); last = t; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    let n = 0;
    const timer = setInterval(() => {
      for (let i = 0; i < perSecond / 10; i++)
        sim.publish({
          id: `burst_${n++}`,
          flagged_at: '2026-11-25T10:00:00+05:30',
          risk: 'elevated',
          subject: { account_id: `x${n}` },
        });
    }, 100);
    await page.waitForTimeout(seconds * 1000); // the measurement window itself: frames are sampled over it
    clearInterval(timer);
    const frames = (await page.evaluate(() => (globalThis as any).__frames)) as number[];
    const shown = await page.locator('[data-testid="queue-row"]').count();
    return {
      openFlags,
      perSecond,
      seconds,
      frames: frames.length,
      p50: percentile(frames, 0.5),
      p95: percentile(frames, 0.95),
      p99: percentile(frames, 0.99),
      rowsInDom: shown,
      published: n,
    };
  });
}
