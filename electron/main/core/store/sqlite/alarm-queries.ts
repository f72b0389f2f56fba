// The alarm log and the alarm-management figures, computed in the store over indexed columns.
import { median, percentile } from '../../reports/report-quantiles';
import { RISKS, type AlarmKpis, type Risk } from '../../../../../shared/domain';
import { HOURS_PER_WEEK } from '../../../../../shared/time/ist';
import type { SqliteDatabase } from './open-database';
import { alarmAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';
import type { AlarmLogEntry, ArrivalStats } from '../store';

const TEN_MINUTES_MS = 600_000;

export function appendAlarmLog(db: SqliteDatabase, entries: readonly AlarmLogEntry[]): void {
  const insert = db.prepare('INSERT INTO alarm_log (at_ms, kind, actor, detail_json) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const e of entries) {
      insert.run(e.atMs, e.kind, e.actor, JSON.stringify(e.detail));
      appendAudit(db, alarmAudit(e));
    }
  })();
}

export function arrivalStats(db: SqliteDatabase, sinceMs: number, training: boolean): ArrivalStats {
  const t = training ? 1 : 0;
  const range = db
    .prepare<[number], { firstMs: number | null; lastMs: number | null }>(
      'SELECT min(received_at_ms) AS firstMs, max(received_at_ms) AS lastMs FROM flags WHERE training = ?',
    )
    .get(t)!;
  const byHourOfWeek = new Array<number>(HOURS_PER_WEEK).fill(0);
  // Hour of the week in IST: +5:30, and the epoch was a Thursday (72 h after Monday 00:00).
  const rows = db
    .prepare<[number, number], { how: number; n: number }>(
      `SELECT ((received_at_ms + 19800000) / 3600000 + 72) % 168 AS how, count(*) AS n
       FROM flags WHERE training = ? AND received_at_ms >= ? GROUP BY how`,
    )
    .all(t, sinceMs);
  for (const r of rows) byHourOfWeek[r.how] = r.n;
  return { firstMs: range.firstMs, lastMs: range.lastMs, byHourOfWeek };
}

/** Flood time inside [fromMs, toMs) from the log's start/end pairs (an open flood runs to toMs). */
function floodMs(db: SqliteDatabase, fromMs: number, toMs: number): number {
  const events = db
    .prepare<[number], { at_ms: number; kind: string }>(
      `SELECT at_ms, kind FROM alarm_log WHERE kind IN ('flood_start', 'flood_end') AND at_ms < ? ORDER BY seq`,
    )
    .all(toMs);
  let total = 0;
  let start: number | null = null;
  for (const e of events) {
    if (e.kind === 'flood_start' && start === null) start = e.at_ms;
    else if (e.kind === 'flood_end' && start !== null) {
      total += Math.max(0, Math.min(e.at_ms, toMs) - Math.max(start, fromMs));
      start = null;
    }
  }
  if (start !== null) total += Math.max(0, toMs - Math.max(start, fromMs));
  return total;
}

export function alarmKpis(db: SqliteDatabase, fromMs: number, toMs: number, training: boolean): AlarmKpis {
  const t = training ? 1 : 0;
  const count = (sql: string, ...args: number[]) => db.prepare<number[], { n: number }>(sql).get(...args)!.n;
  const flagAlarms = count(
    'SELECT count(*) AS n FROM flags WHERE training = ? AND received_at_ms >= ? AND received_at_ms < ?',
    t,
    fromMs,
    toMs,
  );
  const feedAlarms = count(
    `SELECT count(*) AS n FROM alarm_log WHERE kind = 'feed_alarm_start' AND at_ms >= ? AND at_ms < ?`,
    fromMs,
    toMs,
  );
  const silences = count(
    `SELECT count(*) AS n FROM alarm_log WHERE kind = 'silence' AND at_ms >= ? AND at_ms < ?`,
    fromMs,
    toMs,
  );
  const acks = db
    .prepare<[number, number, number], { risk: Risk; ms: number }>(
      `SELECT risk, acknowledged_at_ms - received_at_ms AS ms FROM flags
       WHERE training = ? AND acknowledged_at_ms >= ? AND acknowledged_at_ms < ? ORDER BY ms`,
    )
    .all(t, fromMs, toMs);
  const timeToAcknowledge = Object.fromEntries(
    RISKS.map((risk) => {
      const times = acks.filter((a) => a.risk === risk).map((a) => a.ms);
      return [risk, { count: times.length, medianMs: median(times), p95Ms: percentile(times, 0.95) }];
    }),
  ) as AlarmKpis['timeToAcknowledge'];
  const span = Math.max(1, toMs - fromMs);
  const flood = floodMs(db, fromMs, toMs);
  const alarms = flagAlarms + feedAlarms;
  return {
    fromMs,
    toMs,
    alarms,
    alarmsPer10Min: (alarms * TEN_MINUTES_MS) / span,
    floodMs: flood,
    floodShare: flood / span,
    silences,
    timeToAcknowledge,
  };
}
