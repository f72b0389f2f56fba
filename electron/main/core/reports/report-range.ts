// Which flags and which stretches of time a report covers: the range, optionally narrowed to one
// shift's hours. Apart from report-queries.ts so the response and alarm-load parts can share it.
import { ContractError } from '../../../../shared/errors';
import { instanceOf, type Shift } from '../../../../shared/shifts/schedule';
import { IST_OFFSET_MS, istDate } from '../../../../shared/time/ist';

const DAY_MS = 24 * 3600_000;
const MINUTE_MS = 60_000;

export interface ReportRange {
  fromMs: number;
  toMs: number;
  shiftKey?: string;
}

export interface ReportContext {
  schedule: readonly Shift[];
  /** Running stages (not acknowledged yet…) are timed to here. */
  nowMs: number;
}

export type ReportParams = Record<'fromMs' | 'toMs' | 'shiftStartMs' | 'shiftLengthMs', number>;
export interface ReportWindow {
  fromMs: number;
  toMs: number;
}

/**
 * The flags a report counts: live, received in [from, to), and — for one shift — whose IST time of
 * day falls in [shiftStart, shiftStart + shiftLength) modulo a day (the night wraps midnight). The
 * whole day (start 0, length a day) when no shift is asked for, so every query has one plan.
 * `training = 0` with the received-time range walks flags_report (migration 12), which covers
 * every column the report's flag queries read.
 */
export const REPORT_WHERE = `training = 0 AND received_at_ms >= @fromMs AND received_at_ms < @toMs
  AND ((received_at_ms + ${IST_OFFSET_MS} - @shiftStartMs) % ${DAY_MS} + ${DAY_MS}) % ${DAY_MS} < @shiftLengthMs`;

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The query parameters, and the windows of time covered (the shift's instances, clipped to the range). */
export function reportWindows(
  range: ReportRange,
  schedule: readonly Shift[],
): { params: ReportParams; windows: ReportWindow[] } {
  const { fromMs, toMs } = range;
  if (range.shiftKey === undefined)
    return { params: { fromMs, toMs, shiftStartMs: 0, shiftLengthMs: DAY_MS }, windows: [{ fromMs, toMs }] };
  const shift = schedule.find((s) => s.key === range.shiftKey);
  if (!shift)
    throw new ContractError('invalid_request', `shiftKey: no shift "${range.shiftKey}".`, 'shiftKey');
  const first = instanceOf(schedule, istDate(fromMs), shift.key);
  const lengthMs = first.endMs - first.startMs;
  const windows: ReportWindow[] = [];
  // From the instance that started the day before (a night running past midnight) to the range's
  // end; IST has no daylight saving, so instances are exactly a day apart.
  for (let start = first.startMs - DAY_MS; start < toMs; start += DAY_MS) {
    const window = { fromMs: Math.max(start, fromMs), toMs: Math.min(start + lengthMs, toMs) };
    if (window.fromMs < window.toMs) windows.push(window);
  }
  return {
    params: { fromMs, toMs, shiftStartMs: minutesOf(shift.start) * MINUTE_MS, shiftLengthMs: lengthMs },
    windows,
  };
}

/** The shift whose hours hold an instant (a lookup table by IST minute of the day). */
export function shiftOfTime(schedule: readonly Shift[]): (ms: number) => string {
  const table = new Array<string>(24 * 60);
  for (const shift of schedule) {
    const start = minutesOf(shift.start);
    const length = (minutesOf(shift.end) - start + 24 * 60) % (24 * 60) || 24 * 60;
    for (let m = 0; m < length; m++) table[(start + m) % (24 * 60)] = shift.key;
  }
  return (ms) => table[Math.floor(((((ms + IST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS)]!;
}
