// The supervisors' report over a large encrypted store: 1,000,000 flags over a year (the cold-start
// seed), then one UPDATE that gives the closed ones the spread of a working room (districts,
// platforms, dispatch, confirmation, close and outcome, repeat accounts under 32-hex-digit subject
// keys, as subject-key.ts makes them) and an alarm log, so the
// report has real groups, percentiles and breaches to compute. Target: each report < 1 s. Measured
// against the same 90 days read wholly live (as before settled days were kept), in the same run.
// The same store then serves the view in Chromium (report-render-bench.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_WARM_DAYS_PER_CALL } from '../../electron/main/core/reports/report-warmer';
import { warmRecent } from '../../electron/main/core/store/sqlite/report-day-cache';
import { report } from '../../electron/main/core/store/sqlite/report-queries';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { DEFAULT_SCHEDULE } from '../../shared/shifts/schedule';
import { seed } from './cold-start-bench';

const DAY_MS = 24 * 3600_000;
const OUTCOMES = '"contacted","welfare_check_done","counselling_referral","hospitalised","could_not_locate"';

function spread(store: SqliteStore, nowMs: number): void {
  const db = store.database;
  // Every fifth closed flag was a false positive or duplicate closed without a dispatch; the rest
  // were dispatched within 2–21 min, confirmed 1–20 min later and closed after 1–5 h.
  db.exec(`UPDATE flags SET
      district_key = (SELECT value FROM json_each('["kota","ajmer","jaipur","jodhpur","udaipur","bikaner","alwar",null]') WHERE key = seq % 8),
      platform = CASE seq % 3 WHEN 0 THEN 'instagram' WHEN 1 THEN 'youtube' ELSE 'x' END,
      subject_key = substr('00000000000000000000000000000000' || printf('%x', seq % 700000), -32),
      acknowledged_by = 'Op ' || (seq % 12),
      dispatched_at_ms = CASE WHEN seq % 5 = 0 THEN NULL ELSE received_at_ms + (2 + seq % 20) * 60000 END,
      dispatch_unit_key = CASE WHEN seq % 5 = 0 THEN NULL ELSE 'kota-city' END,
      confirmed_at_ms = CASE WHEN seq % 5 = 0 THEN NULL ELSE received_at_ms + (3 + seq % 20 + seq % 19) * 60000 END,
      closed_at_ms = received_at_ms + (1 + seq % 5) * 3600000,
      outcome = CASE WHEN seq % 5 = 0 THEN (CASE seq % 2 WHEN 0 THEN 'false_positive' ELSE 'duplicate' END)
                     ELSE (SELECT value FROM json_each('[${OUTCOMES}]') WHERE key = seq % 5) END
    WHERE state = 'closed'`);
  const insert = db.prepare('INSERT INTO alarm_log (at_ms, kind, actor, detail_json) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    // A year of alarm history: a flood, a feed outage, three silences and a few escalations a day.
    for (let day = 365; day > 0; day--) {
      const at = nowMs - day * DAY_MS;
      insert.run(at + 3_600_000, 'flood_start', null, '{}');
      insert.run(at + 4_000_000, 'flood_end', null, '{}');
      insert.run(at + 7_200_000, 'feed_alarm_start', null, '{"feedState":"down"}');
      insert.run(at + 7_500_000, 'feed_alarm_end', null, '{}');
      for (let i = 0; i < 3; i++)
        insert.run(at + (10 + i) * 3_600_000, 'silence', 'Op 1', '{"reason":"bench silence","minutes":5}');
      for (let i = 0; i < 20; i++) insert.run(at + i * 600_000, 'escalated', null, '{"flagId":"x"}');
    }
  })();
}

/** A seeded report store on disk, as the host opens it: `dataDir`/lifeline.db under `keyFile`. */
export interface ReportStore {
  total: number;
  dataDir: string;
  file: string;
  key: Buffer;
  keyFile: string;
  /** The moment the seed and its spread count back from. */
  nowMs: number;
  seedS: number;
}

/** Seeds a temporary store with `total` flags and the spread, runs `use` on it, then deletes it. */
export async function withReportStore<T>(total: number, use: (store: ReportStore) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-report-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  const file = path.join(dataDir, 'lifeline.db');
  const key = crypto.randomBytes(32);
  const keyFile = path.join(dir, 'db.key');
  fs.writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  try {
    const started = performance.now();
    seed(file, key, total, 10_000);
    const nowMs = Date.now();
    const store = SqliteStore.open(file, key, { createIfMissing: false });
    spread(store, nowMs);
    store.close();
    const seedS = (performance.now() - started) / 1000;
    return await use({ total, dataDir, file, key, keyFile, nowMs, seedS });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface ReportFigures {
  total: number;
  seedS: number;
  flagsInRange: number;
  reportMs: number;
  shiftReportMs: number;
  runs: number[];
  /** The store query alone for each preset of the view (7, 30 and 90 days), median of 5, ms. */
  presetMs: Record<string, number>;
  /** 90 days read wholly live, as before days were kept (the baseline), median of 3, ms. */
  liveMs: number;
  /** The first 90-day report on a store with no kept day: it makes 90 of them, ms. */
  firstMs: number;
  /** The console's warmer making a year of kept days, as at start: total and longest call, ms. */
  warm: { days: number; calls: number; totalMs: number; longestCallMs: number };
  /** A year from kept days, median of 3, ms. */
  yearMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The store query `report()` in Node over a seeded store (the figure the view waits for first). */
export function benchReport({ total, seedS, file, key, nowMs }: ReportStore): ReportFigures {
  const store = SqliteStore.open(file, key, { createIfMissing: false });
  try {
    const context = { schedule: DEFAULT_SCHEDULE, nowMs };
    const range = (days: number) => ({ fromMs: nowMs - days * DAY_MS, toMs: nowMs });
    const ms = (run: () => unknown) => {
      const t = performance.now();
      run();
      return performance.now() - t;
    };
    const live = () => report(store.database, range(90), context, { keptDays: false });
    live(); // warm the page cache, as a running console has it
    const liveMs = median(Array.from({ length: 3 }, () => ms(live)));
    let first: unknown;
    const firstMs = ms(() => (first = report(store.database, range(90), context)));
    // At this size too, the kept days give exactly the report read wholly live.
    if (JSON.stringify(first) !== JSON.stringify(live()))
      throw new Error('the 90-day report from kept days differs from the one read live');
    // What the console's warmer does at start (report-warmer.ts): the rest of the year, a few days a call.
    const warm = { days: 0, calls: 0, totalMs: 0, longestCallMs: 0 };
    for (let made = DEFAULT_WARM_DAYS_PER_CALL; made === DEFAULT_WARM_DAYS_PER_CALL;) {
      const callMs = ms(() => (made = warmRecent(store.database, context, DEFAULT_WARM_DAYS_PER_CALL)));
      Object.assign(warm, {
        days: warm.days + made,
        calls: warm.calls + 1,
        totalMs: warm.totalMs + callMs,
        longestCallMs: Math.max(warm.longestCallMs, callMs),
      });
    }
    const time = (days: number, shiftKey?: string) => {
      const t = performance.now();
      const r = report(store.database, shiftKey ? { ...range(days), shiftKey } : range(days), context);
      return { ms: performance.now() - t, flags: r.totals.flags };
    };
    const results = Array.from({ length: 5 }, () => time(30));
    const runs = results.map((r) => r.ms).sort((a, b) => a - b);
    const shiftRuns = Array.from({ length: 5 }, () => time(30, 'night').ms);
    const presetMs = Object.fromEntries(
      [7, 30, 90].map((days) => [days, median(Array.from({ length: 5 }, () => time(days).ms))]),
    );
    const yearMs = median(Array.from({ length: 3 }, () => time(365).ms));
    return {
      total,
      seedS,
      flagsInRange: results[0]!.flags,
      reportMs: median(runs),
      shiftReportMs: median(shiftRuns),
      runs,
      presetMs,
      liveMs,
      firstMs,
      warm,
      yearMs,
    };
  } finally {
    store.close();
  }
}
