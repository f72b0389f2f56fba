// The alarm load of a report, from the alarm log: alarms per 10 minutes (flag arrivals plus feed
// alarms, as alarm-queries.ts's KPIs count them), time in flood, silences with their reasons, and
// feed uptime with each outage. Every read is by kind and time on alarm_log_by_kind (migration 12);
// a flood or outage already running when the range starts is found by two max() look-ups, never by
// reading the log's whole history.
import { REPORT_SILENCE_CAP, type Report } from '../../../../../shared/report';
import type { SqliteDatabase } from './open-database';
import type { ReportWindow } from '../report/report-range';

const TEN_MINUTES_MS = 600_000;

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
interface Span {
  startMs: number;
  endMs: number | null;
  detail: Record<string, unknown>;
}

/** Time of [startMs, endMs) inside the windows. */
function overlapMs(windows: readonly ReportWindow[], startMs: number, endMs: number): number {
  return windows.reduce((s, w) => s + Math.max(0, Math.min(endMs, w.toMs) - Math.max(startMs, w.fromMs)), 0);
}
const inWindows = (windows: readonly ReportWindow[], ms: number) =>
  windows.some((w) => w.fromMs <= ms && ms < w.toMs);

/**
 * Start/end pairs meeting [fromMs, toMs), paired as the alarm KPIs pair floods: a start while one
 * runs is ignored, an end with none running too. An end after toMs closes the last span.
 */
function spans(db: SqliteDatabase, startKind: string, endKind: string, fromMs: number, toMs: number): Span[] {
  const events = (kind: string, from: number, to: number, sql = ALARM_EVENTS_SQL) =>
    db
      .prepare<[string, number, number], LogRow>(sql)
      .all(kind, from, to)
      .map((r) => ({ ...r, start: kind === startKind }));
  const lastBefore = (kind: string) =>
    db.prepare<[string, number], { at: number | null }>(LAST_BEFORE_SQL).get(kind, fromMs)!.at;
  const lastStart = lastBefore(startKind);
  const lastEnd = lastBefore(endKind);
  // Running at fromMs: its first start after the last end, with the detail it was raised with.
  const carried =
    lastStart !== null && (lastEnd === null || lastStart > lastEnd)
      ? events(startKind, (lastEnd ?? -1) + 1, fromMs, FIRST_EVENT_SQL)
      : [];
  const log = [...carried, ...events(startKind, fromMs, toMs), ...events(endKind, fromMs, toMs)].sort(
    (a, b) => a.at_ms - b.at_ms || a.seq - b.seq,
  );
  const result: Span[] = [];
  let open: Span | null = null;
  for (const e of log) {
    if (e.start && open === null) {
      open = { startMs: e.at_ms, endMs: null, detail: JSON.parse(e.detail_json) as Record<string, unknown> };
      result.push(open);
    } else if (!e.start && open !== null) {
      open.endMs = e.at_ms;
      open = null;
    }
  }
  if (open !== null)
    open.endMs = events(endKind, toMs, Number.MAX_SAFE_INTEGER, FIRST_EVENT_SQL)[0]?.at_ms ?? null;
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
  const windowMs = windows.reduce((s, w) => s + (w.toMs - w.fromMs), 0);
  const within = (kind: string) =>
    db
      .prepare<[string, number, number], LogRow>(ALARM_EVENTS_SQL)
      .all(kind, fromMs, toMs)
      .filter((r) => inWindows(windows, r.at_ms));
  const spanMs = (s: Span) => overlapMs(windows, s.startMs, s.endMs ?? toMs);

  const feedAlarms = within('feed_alarm_start').length;
  const floodMs = spans(db, 'flood_start', 'flood_end', fromMs, toMs).reduce((t, s) => t + spanMs(s), 0);
  const outages = spans(db, 'feed_alarm_start', 'feed_alarm_end', fromMs, toMs).filter((s) => spanMs(s) > 0);
  const outageMs = outages.reduce((t, s) => t + spanMs(s), 0);
  const silences = within('silence');
  const share = (part: number) => (windowMs === 0 ? 0 : part / windowMs);
  return {
    windowMs,
    alarms: flagAlarms + feedAlarms,
    feedAlarms,
    per10Min: share((flagAlarms + feedAlarms) * TEN_MINUTES_MS),
    peak10Min,
    floodMs,
    floodShare: share(floodMs),
    silences: {
      count: silences.length,
      items: silences.slice(0, REPORT_SILENCE_CAP).map((r) => {
        const detail = JSON.parse(r.detail_json) as { reason?: unknown; minutes?: unknown };
        return {
          atMs: r.at_ms,
          by: r.actor,
          reason: typeof detail.reason === 'string' ? detail.reason : '',
          minutes: typeof detail.minutes === 'number' ? detail.minutes : 0,
        };
      }),
    },
    feed: {
      uptimeShare: 1 - share(outageMs),
      outageMs,
      outages: outages.map((s) => ({
        startMs: s.startMs,
        endMs: s.endMs,
        lengthMs: (s.endMs ?? nowMs) - s.startMs,
        state: typeof s.detail.feedState === 'string' ? s.detail.feedState : '',
      })),
    },
  };
}
