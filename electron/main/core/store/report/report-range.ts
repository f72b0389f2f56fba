// Which flags and which stretches of time a report covers: the range, optionally narrowed to one
// shift's hours. Apart from report-queries.ts so the response and alarm-load parts can share it.
import { coded, ContractError } from '../../../../../shared/errors';
import { instanceOf, type Shift } from '../../../../../shared/shifts/schedule';
import { IST_OFFSET_MS, istDate } from '../../../../../shared/time/ist';
import type { ReportRange } from '../store-types';

const DAY_MS = 24 * 3600_000;
const MINUTE_MS = 60_000;
/** The report's finest time step (10 min): IST's +5:30 is a whole number of them, so slots are IST-aligned. */
export const SLOT_MS = 600_000;

export type ReportParams = Record<'fromMs' | 'toMs' | 'shiftStartMs' | 'shiftLengthMs', number>;
export interface ReportWindow {
  fromMs: number;
  toMs: number;
}

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
    throw new ContractError(
      'invalid_request',
      coded('report.no_shift', { shiftKey: range.shiftKey }),
      'shiftKey',
    );
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
