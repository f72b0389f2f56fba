// Cold start of the built headless host to a usable queue over a large encrypted store, and the
// host's resident memory idle and with many open flags.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { startSimulator } from '../../electron/main/core/simulator/simulator-server';
import { RISKS } from '../../shared/domain';
import { DEFAULT_SCHEDULE, previousShift, shiftAt } from '../../shared/shifts/schedule';
import { startHostProcess, type HostProcess } from '../e2e/host-process';

const YEAR_MS = 365 * 24 * 3600_000;

/** Fills a store with `total` flags over the last year, the newest `open` of them still open. */
export function seed(file: string, key: Buffer, total: number, open: number): void {
  const store = SqliteStore.open(file, key, { createIfMissing: true });
  const db = store.database;
  const insertFlag =
    db.prepare(`INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform, category,
    risk, risk_rank, district_key, training, source, received_at_ms, updated_at_ms, state, acknowledged_by, acknowledged_at_ms,
    route_outcome, unit_key, route_basis, route_confidence, subject_key)
    VALUES (?, 1, 'active', ?, ?, 'instagram', 'suicide', ?, ?, 'kota', 0, 'bench', ?, ?, ?, ?, ?,
    'unit', 'kota-city', 'city', 'high', ?)`);
  const insertPersonal = db.prepare(
    `INSERT INTO flag_personal (flag_id, subject_json, raw_json) VALUES (?, '{"account_id":"1"}', '{}')`,
  );
  const now = Date.now();
  const BATCH = 20_000;
  for (let start = 0; start < total; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(total, start + BATCH); i++) {
        const at = now - YEAR_MS + Math.floor((i / total) * YEAR_MS);
        const isOpen = i >= total - open;
        const risk = RISKS[i % 3]!;
        const id = `b${i.toString(36)}`;
        insertFlag.run(
          id,
          new Date(at).toISOString(),
          at,
          risk,
          i % 3,
          at,
          at,
          isOpen ? 'new' : 'closed',
          isOpen ? null : 'Op Bench',
          isOpen ? null : at + 60_000,
          i.toString(16).padStart(32, '0'), // 32 hex digits, the form subject-key.ts writes
        );
        insertPersonal.run(id);
      }
    })();
  }
  store.close();
}

function rssMb(pid: number): number | null {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

function firstQueue(host: HostProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token');
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${token}`, {
      origin: `http://127.0.0.1:${host.port}`,
    });
    ws.once('open', () =>
      ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'listQueue', payload: {} })),
    );
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        result?: { ok: boolean; value: unknown[] };
      };
      if (message.type !== 'result') return;
      ws.close();
      resolve(message.result?.value.length ?? -1);
    });
    ws.once('error', reject);
  });
}

/** The handover summary of the last full shift in a large store: time and the plans of its queries. */
function benchSummary(file: string, key: Buffer) {
  const store = SqliteStore.open(file, key, { createIfMissing: false });
  const shift = previousShift(DEFAULT_SCHEDULE, shiftAt(DEFAULT_SCHEDULE, Date.now()));
  store.handoverSummary(shift, Date.now(), false); // warm the page cache, as a running host has it
  const runs: number[] = [];
  let received = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    received = store.handoverSummary(shift, Date.now(), false).received.total;
    runs.push(performance.now() - started);
  }
  const plan = (
    store.database
      .prepare(
        `EXPLAIN QUERY PLAN SELECT risk, count(*) FROM flags WHERE training = 0 AND received_at_ms >= 0 AND received_at_ms < 1 GROUP BY risk`,
      )
      .all() as { detail: string }[]
  )
    .map((p) => p.detail)
    .join('; ');
  store.close();
  return { summaryMs: runs.sort((a, b) => a - b)[2]!, summaryFlags: received, summaryPlan: plan };
}

export interface ColdStartFigures {
  summaryMs: number;
  summaryFlags: number;
  summaryPlan: string;
  total: number;
  open: number;
  seedS: number;
  dbMb: number;
  readyMs: number;
  usableMs: number;
  rssIdleMb: number | null;
  rssOpenMb: number | null;
}

async function startTimed(dataDir: string, keyFile: string, feedUrl: string) {
  const started = performance.now();
  const host = await startHostProcess(
    [
      '--data-dir',
      dataDir,
      '--key-file',
      keyFile,
      '--feed-url',
      feedUrl,
      '--init', // the key file is the bench's own, written before the database
    ],
    { LIFELINE_FEED_TOKEN: 'bench' },
  );
  const readyMs = performance.now() - started;
  const queued = await firstQueue(host);
  return { host, readyMs, usableMs: performance.now() - started, queued };
}

export async function benchColdStart(total: number, open: number): Promise<ColdStartFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-coldstart-'));
  const key = crypto.randomBytes(32);
  const keyFile = path.join(dir, 'db.key');
  fs.writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  const sim = await startSimulator({ token: 'bench', runId: 'cs' });
  try {
    const idle = await startTimed(path.join(dir, 'empty'), keyFile, sim.url);
    const rssIdleMb = rssMb(idle.host.pid);
    await idle.host.stop();

    const dataDir = path.join(dir, 'big');
    fs.mkdirSync(dataDir);
    const seedStarted = performance.now();
    seed(path.join(dataDir, 'lifeline.db'), key, total, open);
    const seedS = (performance.now() - seedStarted) / 1000;
    const dbMb = fs.statSync(path.join(dataDir, 'lifeline.db')).size / 2 ** 20;
    const summary = benchSummary(path.join(dataDir, 'lifeline.db'), key);

    const big = await startTimed(dataDir, keyFile, sim.url);
    if (big.queued !== open) throw new Error(`expected ${open} open flags, got ${big.queued}`);
    const rssOpenMb = rssMb(big.host.pid);
    await big.host.stop();
    return {
      total,
      open,
      seedS,
      dbMb,
      readyMs: big.readyMs,
      usableMs: big.usableMs,
      rssIdleMb,
      rssOpenMb,
      ...summary,
    };
  } finally {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
