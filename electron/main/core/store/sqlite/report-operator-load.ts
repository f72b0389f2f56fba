// Alarms per 10 minutes per operator on SQLite: the reads (what the load is made of, and why:
// store/report/operator-load.ts). A shift edge inside a 10-minute slot is counted with a small range
// query.
import type { Shift } from '../../../../../shared/shifts/schedule';
import {
  operatorLoadOf,
  rosterIdRange,
  shiftPieces,
  slotArrivals,
  type OperatorLoad,
} from '../report/operator-load';
import type { SqliteDatabase } from './open-database';
import { ALARM_EVENTS_SQL } from './report-alarm-load';
import { SLOT_MS, type ReportWindow } from '../report/report-range';

export { SLOT_MS };

/** Desks other than the supervisor's, per shift instance id (`YYYY-MM-DD:key`), on the roster's key. */
export const ROSTER_OPERATORS_SQL = `SELECT shift_id, count(*) AS operators FROM roster
  WHERE shift_id >= ? AND shift_id < ? AND supervisor = 0 GROUP BY shift_id`;
/** Live arrivals in part of one 10-minute slot (covered by flags_report). */
export const ARRIVALS_BETWEEN_SQL =
  'SELECT count(*) AS n FROM flags WHERE training = 0 AND received_at_ms >= ? AND received_at_ms < ?';

export function operatorLoad(
  db: SqliteDatabase,
  windows: readonly ReportWindow[],
  schedule: readonly Shift[],
  slots: readonly { slot: number; n: number }[],
): OperatorLoad {
  const pieces = shiftPieces(windows, schedule);
  if (pieces.length === 0) return { per10Min: null, rosteredMs: 0, shifts: [] };
  const bySlot = new Map(slots.map((s) => [s.slot, s.n]));
  const exact = db.prepare<[number, number], { n: number }>(ARRIVALS_BETWEEN_SQL);
  const arrivals = pieces.map((p) => {
    const { n, edges } = slotArrivals(p.fromMs, p.toMs, bySlot);
    return edges.reduce((sum, [from, to]) => sum + exact.get(from, to)!.n, n);
  });
  const feedAlarmTimes = db
    .prepare<[string, number, number], { at_ms: number }>(ALARM_EVENTS_SQL)
    .all('feed_alarm_start', pieces[0]!.fromMs, pieces.at(-1)!.toMs)
    .map((r) => r.at_ms);
  const roster = new Map(
    db
      .prepare<[string, string], { shift_id: string; operators: number }>(ROSTER_OPERATORS_SQL)
      .all(...rosterIdRange(pieces))
      .map((r) => [r.shift_id, r.operators]),
  );
  return operatorLoadOf(pieces, arrivals, feedAlarmTimes, roster);
}
