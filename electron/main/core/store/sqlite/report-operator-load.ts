// Alarms per 10 minutes per operator (ISA-18.2's load on one person): each shift instance that
// meets the report's windows divides its alarms — flag arrivals plus feed alarms, as the room's
// figure counts them — by the operators on its roster. Arrivals come from the report's 10-minute
// slots; only a shift edge that falls inside a slot (a schedule may start at 06:05) is counted
// exactly with a small range query. A shift with nobody rostered is listed, never guessed at.
import type { Report } from '../../../../../shared/report';
import { shiftAt, type Shift } from '../../../../../shared/shifts/schedule';
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

type OperatorLoad = Report['alarmLoad']['perOperator'];
interface Piece {
  shiftId: string;
  shiftKey: string;
  startMs: number;
  fromMs: number;
  toMs: number;
}

/** The shift instances meeting the windows, each clipped to its window. */
function pieces(windows: readonly ReportWindow[], schedule: readonly Shift[]): Piece[] {
  const result: Piece[] = [];
  for (const w of windows) {
    for (let t = w.fromMs; t < w.toMs;) {
      const instance = shiftAt(schedule, t);
      const toMs = Math.min(instance.endMs, w.toMs);
      result.push({
        shiftId: instance.id,
        shiftKey: instance.key,
        startMs: instance.startMs,
        fromMs: t,
        toMs,
      });
      t = toMs;
    }
  }
  return result;
}

export function operatorLoad(
  db: SqliteDatabase,
  windows: readonly ReportWindow[],
  schedule: readonly Shift[],
  slots: readonly { slot: number; n: number }[],
): OperatorLoad {
  const parts = pieces(windows, schedule);
  if (parts.length === 0) return { per10Min: null, rosteredMs: 0, shifts: [] };
  const bySlot = new Map(slots.map((s) => [s.slot, s.n]));
  const exact = db.prepare<[number, number], { n: number }>(ARRIVALS_BETWEEN_SQL);
  const between = (fromMs: number, toMs: number) => (fromMs < toMs ? exact.get(fromMs, toMs)!.n : 0);
  const arrivals = (fromMs: number, toMs: number) => {
    const first = Math.ceil(fromMs / SLOT_MS);
    const end = Math.floor(toMs / SLOT_MS);
    if (first >= end) return between(fromMs, toMs);
    let n = between(fromMs, first * SLOT_MS) + between(end * SLOT_MS, toMs);
    for (let slot = first; slot < end; slot++) n += bySlot.get(slot) ?? 0;
    return n;
  };
  const feedAlarmTimes = db
    .prepare<[string, number, number], { at_ms: number }>(ALARM_EVENTS_SQL)
    .all('feed_alarm_start', parts[0]!.fromMs, parts.at(-1)!.toMs)
    .map((r) => r.at_ms);
  // Ids sort by date first: one range read from the first instance's date to the last one's.
  const roster = new Map(
    db
      .prepare<[string, string], { shift_id: string; operators: number }>(ROSTER_OPERATORS_SQL)
      .all(parts[0]!.shiftId.slice(0, 10), `${parts.at(-1)!.shiftId.slice(0, 10)};`)
      .map((r) => [r.shift_id, r.operators]),
  );

  let rosteredMs = 0;
  let perOperatorAlarms = 0;
  const shifts = parts.map((p) => {
    const windowMs = p.toMs - p.fromMs;
    const operators = roster.get(p.shiftId) ?? 0;
    const alarms =
      arrivals(p.fromMs, p.toMs) + feedAlarmTimes.filter((t) => p.fromMs <= t && t < p.toMs).length;
    if (operators > 0) {
      rosteredMs += windowMs;
      perOperatorAlarms += alarms / operators;
    }
    const per10Min = operators > 0 ? (alarms / operators) * (SLOT_MS / windowMs) : null;
    return {
      shiftId: p.shiftId,
      shiftKey: p.shiftKey,
      startMs: p.startMs,
      fromMs: p.fromMs,
      windowMs,
      operators,
      alarms,
      per10Min,
    };
  });
  return { per10Min: rosteredMs > 0 ? (perOperatorAlarms * SLOT_MS) / rosteredMs : null, rosteredMs, shifts };
}
