// The report's alarm load, alike for every engine, from what each reads of its alarm log: alarms
// per 10 minutes (flag arrivals plus feed alarms, as the alarm KPIs count them), time in flood,
// silences with their reasons, and feed uptime with each outage. Each engine reads the events by
// kind and time off its index; how starts and ends pair into spans, and what the load is made of,
// are here once.
import { REPORT_SILENCE_CAP, type Report } from '../../../../../shared/report';
import type { ReportWindow } from './report-range';

const TEN_MINUTES_MS = 600_000;

/** A flood or a feed outage: from its start event to its end (null while none is logged). */
export interface AlarmSpan {
  startMs: number;
  endMs: number | null;
  /** The start event's detail (an outage's feed state). */
  detail: Record<string, unknown>;
}

/** A start or end event of a span, as the engine read it (detail opened only for a span's start). */
export interface SpanEvent {
  seq: number;
  atMs: number;
  start: boolean;
  detail: () => Record<string, unknown>;
}

/**
 * The spans of the events, in log order (time, then seq): a start while one runs is ignored, an end
 * with none running too, as the alarm KPIs pair floods. The last span is left open (endMs null)
 * when no end follows it; the engine then looks for the end after its range.
 */
export function pairSpans(events: readonly SpanEvent[]): AlarmSpan[] {
  const log = [...events].sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
  const result: AlarmSpan[] = [];
  let open: AlarmSpan | null = null;
  for (const e of log) {
    if (e.start && open === null) {
      open = { startMs: e.atMs, endMs: null, detail: e.detail() };
      result.push(open);
    } else if (!e.start && open !== null) {
      open.endMs = e.atMs;
      open = null;
    }
  }
  return result;
}

/** Time of [startMs, endMs) inside the windows. */
const overlapMs = (windows: readonly ReportWindow[], startMs: number, endMs: number) =>
  windows.reduce((s, w) => s + Math.max(0, Math.min(endMs, w.toMs) - Math.max(startMs, w.fromMs)), 0);
const inWindows = (windows: readonly ReportWindow[], ms: number) =>
  windows.some((w) => w.fromMs <= ms && ms < w.toMs);

/** What an engine read of its alarm log for a report's windows (all of [first from, last to)). */
export interface AlarmLogRead {
  /** Flags received in the windows (the report's figures count them). */
  flagAlarms: number;
  peak10Min: Report['alarmLoad']['peak10Min'];
  nowMs: number;
  /** When each feed alarm started, in [first from, last to). */
  feedAlarmTimes: readonly number[];
  floods: readonly AlarmSpan[];
  outages: readonly AlarmSpan[];
  /** The silences in [first from, last to), in log order; a detail is opened only when listed. */
  silences: readonly { atMs: number; by: string | null; detail: () => Record<string, unknown> }[];
}

export function alarmLoadOf(
  windows: readonly ReportWindow[],
  read: AlarmLogRead,
): Omit<Report['alarmLoad'], 'perOperator' | 'worstShift'> {
  const toMs = windows.at(-1)?.toMs ?? 0;
  const windowMs = windows.reduce((s, w) => s + (w.toMs - w.fromMs), 0);
  const spanMs = (s: AlarmSpan) => overlapMs(windows, s.startMs, s.endMs ?? toMs);
  const feedAlarms = read.feedAlarmTimes.filter((ms) => inWindows(windows, ms)).length;
  const floodMs = read.floods.reduce((t, s) => t + spanMs(s), 0);
  const outages = read.outages.filter((s) => spanMs(s) > 0);
  const outageMs = outages.reduce((t, s) => t + spanMs(s), 0);
  const silences = read.silences.filter((s) => inWindows(windows, s.atMs));
  const share = (part: number) => (windowMs === 0 ? 0 : part / windowMs);
  const alarms = read.flagAlarms + feedAlarms;
  return {
    windowMs,
    alarms,
    feedAlarms,
    per10Min: share(alarms * TEN_MINUTES_MS),
    peak10Min: read.peak10Min,
    floodMs,
    floodShare: share(floodMs),
    silences: {
      count: silences.length,
      items: silences.slice(0, REPORT_SILENCE_CAP).map((s) => {
        const detail = s.detail();
        return {
          atMs: s.atMs,
          by: s.by,
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
        lengthMs: (s.endMs ?? read.nowMs) - s.startMs,
        state: typeof s.detail.feedState === 'string' ? s.detail.feedState : '',
      })),
    },
  };
}
