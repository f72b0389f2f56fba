// The supervisors' report over a large encrypted store: 1,000,000 flags over a year (the cold-start
// seed), then one UPDATE that gives the closed ones the spread of a working room (districts,
// platforms, dispatch, confirmation, close and outcome, repeat accounts) and an alarm log, so the
// report has real groups, percentiles and breaches to compute. Target: a 30-day report < 1 s.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { report } from '../../electron/main/core/store/report-queries';
import { SqliteStore } from '../../electron/main/core/store/sqlite-store';
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
      subject_key = 'bench-' || (seq % 700000),
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

export interface ReportFigures {
  total: number;
  seedS: number;
  flagsInRange: number;
  reportMs: number;
  shiftReportMs: number;
  runs: number[];
}

export function benchReport(total: number): ReportFigures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-report-'));
  const file = path.join(dir, 'lifeline.db');
  const key = crypto.randomBytes(32);
  try {
    const started = performance.now();
    seed(file, key, total, 10_000);
    const nowMs = Date.now();
    const store = SqliteStore.open(file, key, { createIfMissing: false });
    spread(store, nowMs);
    const seedS = (performance.now() - started) / 1000;
    const context = { schedule: DEFAULT_SCHEDULE, nowMs };
    const range = { fromMs: nowMs - 30 * DAY_MS, toMs: nowMs };
    report(store.database, range, context); // warm the page cache, as a running console has it
    const time = (shiftKey?: string) => {
      const t = performance.now();
      const r = report(store.database, shiftKey ? { ...range, shiftKey } : range, context);
      return { ms: performance.now() - t, flags: r.totals.flags };
    };
    const results = Array.from({ length: 5 }, () => time());
    const runs = results.map((r) => r.ms).sort((a, b) => a - b);
    const shiftRuns = Array.from({ length: 5 }, () => time('night').ms).sort((a, b) => a - b);
    store.close();
    return {
      total,
      seedS,
      flagsInRange: results[0]!.flags,
      reportMs: runs[2]!,
      shiftReportMs: shiftRuns[2]!,
      runs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
