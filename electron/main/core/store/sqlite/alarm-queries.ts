// The alarm log and the alarm-management figures, computed in the store over indexed columns.
import { alarmKpisOf } from '../alarm-kpis';
import type { AlarmKpis, Risk } from '../../../../../shared/domain';
import { HOURS_PER_WEEK } from '../../../../../shared/time/ist';
import type { SqliteDatabase } from './open-database';
import { alarmAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';
import type { AlarmLogEntry, ArrivalStats } from '../store';

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
  const floodEvents = db
    .prepare<[number], { at_ms: number; kind: string }>(
      `SELECT at_ms, kind FROM alarm_log WHERE kind IN ('flood_start', 'flood_end') AND at_ms < ? ORDER BY seq`,
    )
    .all(toMs);
  return alarmKpisOf(fromMs, toMs, { flagAlarms, feedAlarms, silences, acks, floodEvents });
}
