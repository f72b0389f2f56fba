// The alarm load of a report, from the alarm log (what it is made of: store/report/alarm-load.ts).
// Every read is by kind and time on alarm_log_by_kind (migration 12);
// a flood or outage already running when the range starts is found by two max() look-ups, never by
// reading the log's whole history.
import type { Report } from '../../../../../shared/report';
import type { SqliteDatabase } from './open-database';
import type { ReportWindow } from '../report/report-range';
import { alarmLoadOf, pairSpans, type AlarmSpan, type SpanEvent } from '../report/alarm-load';

export const ALARM_EVENTS_SQL = `SELECT seq, at_ms, actor, detail_json FROM alarm_log
  WHERE kind = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms, seq`;
const FIRST_EVENT_SQL = `${ALARM_EVENTS_SQL} LIMIT 1`;
export const LAST_BEFORE_SQL = 'SELECT max(at_ms) AS at FROM alarm_log WHERE kind = ? AND at_ms < ?';

interface LogRow {
  seq: number;
  at_ms: number;
  actor: string | null;
  detail_json: string;
}
const detailOf = (r: LogRow) => () => JSON.parse(r.detail_json) as Record<string, unknown>;

/** Start/end pairs meeting [fromMs, toMs) (store/report/alarm-load.ts pairs them). */
function spans(
  db: SqliteDatabase,
  startKind: string,
  endKind: string,
  fromMs: number,
  toMs: number,
): AlarmSpan[] {
  const events = (kind: string, from: number, to: number, sql = ALARM_EVENTS_SQL): SpanEvent[] =>
    db
      .prepare<[string, number, number], LogRow>(sql)
      .all(kind, from, to)
      .map((r) => ({ seq: r.seq, atMs: r.at_ms, start: kind === startKind, detail: detailOf(r) }));
  const lastBefore = (kind: string) =>
    db.prepare<[string, number], { at: number | null }>(LAST_BEFORE_SQL).get(kind, fromMs)!.at;
  const lastStart = lastBefore(startKind);
  const lastEnd = lastBefore(endKind);
  // Running at fromMs: its first start after the last end, with the detail it was raised with.
  const carried =
    lastStart !== null && (lastEnd === null || lastStart > lastEnd)
      ? events(startKind, (lastEnd ?? -1) + 1, fromMs, FIRST_EVENT_SQL)
      : [];
  const result = pairSpans([
    ...carried,
    ...events(startKind, fromMs, toMs),
    ...events(endKind, fromMs, toMs),
  ]);
  // An end after toMs closes the last span.
  const last = result.at(-1);
  if (last && last.endMs === null)
    last.endMs = events(endKind, toMs, Number.MAX_SAFE_INTEGER, FIRST_EVENT_SQL)[0]?.atMs ?? null;
  return result;
}

/** The floods meeting [fromMs, toMs), paired as above (the worst shift's flood share needs them). */
export function floodSpans(
  db: SqliteDatabase,
  fromMs: number,
  toMs: number,
): { startMs: number; endMs: number | null }[] {
  return spans(db, 'flood_start', 'flood_end', fromMs, toMs).map(({ startMs, endMs }) => ({
    startMs,
    endMs,
  }));
}

export function alarmLoad(
  db: SqliteDatabase,
  windows: readonly ReportWindow[],
  flagAlarms: number,
  peak10Min: Report['alarmLoad']['peak10Min'],
  nowMs: number,
): Omit<Report['alarmLoad'], 'perOperator' | 'worstShift'> {
  const fromMs = windows[0]?.fromMs ?? 0;
  const toMs = windows.at(-1)?.toMs ?? 0;
  const read = (kind: string) =>
    db.prepare<[string, number, number], LogRow>(ALARM_EVENTS_SQL).all(kind, fromMs, toMs);
  return alarmLoadOf(windows, {
    flagAlarms,
    peak10Min,
    nowMs,
    feedAlarmTimes: read('feed_alarm_start').map((r) => r.at_ms),
    floods: spans(db, 'flood_start', 'flood_end', fromMs, toMs),
    outages: spans(db, 'feed_alarm_start', 'feed_alarm_end', fromMs, toMs),
    silences: read('silence').map((r) => ({ atMs: r.at_ms, by: r.actor, detail: detailOf(r) })),
  });
}
