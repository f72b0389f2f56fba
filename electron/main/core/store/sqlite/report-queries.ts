// The supervisors' report (shared/report.ts): aggregates over the live flags received in a range,
// optionally only during one shift's hours. The flags' figures are a sum of parts (report-part.ts,
// report-sum.ts): the days wholly inside the range and over come kept (report-day-cache.ts) with
// their still open flags read live, and the partial days at its ends are read live (report-rows.ts,
// off indexes). The alarm load comes from the alarm log (report-alarm-load.ts), and per operator with
// the roster (report-operator-load.ts). No query here reads flag_personal.
import type { Report } from '../../../../../shared/report';
import { IST_OFFSET_MS } from '../../../../../shared/time/ist';
import { alarmLoad, floodSpans } from './report-alarm-load';
import { worstShift } from '../report/alarm-load-peaks';
import { istDay, istDayStartMs, keptParts } from './report-day-cache';
import { operatorLoad } from './report-operator-load';
import { partsByShift } from '../report/report-part';
import { REPORT_ROWS_SQL, UNSETTLED_ROWS_SQL } from './report-rows';
import type { ReportRow } from '../report/report-row';
import { ReportSum } from '../report/report-sum';
import { reportFromSum, windowsUntilNow } from '../report/report-figures';
import type { SqliteDatabase } from './open-database';
import { reportWindows, type ReportParams, type ReportWindow } from '../report/report-range';
import type { ReportContext, ReportRange } from '../store-types';

const DAY_MS = 24 * 3600_000;
// IST's +5:30 is a whole number of 10-minute slots (SLOT_MS), so slots are IST-aligned.

/**
 * Every flag of the range in one sum: the days wholly inside it from their kept parts
 * (report-day-cache.ts) plus their flags still open, and the partial days at either end, live.
 */
function sumOfRange(
  db: SqliteDatabase,
  range: ReportRange,
  params: ReportParams,
  context: ReportContext,
  keptDays: boolean,
) {
  const sum = new ReportSum();
  const live = (sql: string, fromMs: number, toMs: number) => {
    if (fromMs >= toMs) return;
    const rows = db
      .prepare<[ReportParams], ReportRow>(sql)
      .raw(true)
      .iterate({ ...params, fromMs, toMs });
    try {
      for (const part of partsByShift(rows, context).values()) sum.add(part);
    } finally {
      rows.return?.(); // an iteration left open keeps the connection busy for every other query
    }
  };
  const fromDay = Math.ceil((range.fromMs + IST_OFFSET_MS) / DAY_MS);
  // A day not over yet is read live: kept, it would be dropped again by its next closed flag.
  const toDay = Math.min(istDay(range.toMs), istDay(context.nowMs));
  if (!keptDays || fromDay >= toDay) {
    live(REPORT_ROWS_SQL, range.fromMs, range.toMs);
    return sum;
  }
  // The kept parts first: making a missing day numbers its subjects' keys (report-subjects.ts), and
  // the flags read live must find those numbers, not take the same account for another.
  const kept = keptParts(db, fromDay, toDay, context.schedule, range.shiftKey);
  live(REPORT_ROWS_SQL, range.fromMs, istDayStartMs(fromDay));
  live(UNSETTLED_ROWS_SQL, istDayStartMs(fromDay), istDayStartMs(toDay));
  live(REPORT_ROWS_SQL, istDayStartMs(toDay), range.toMs);
  for (const part of kept) sum.add(part);
  return sum;
}

/** keptDays false reads every flag live: the reference the kept days are tested against. */
export function report(
  db: SqliteDatabase,
  range: ReportRange,
  context: ReportContext,
  { keptDays = true } = {},
): Report {
  // One transaction: the open flags read live, the days kept and the breach lists read last
  // (ReportSum.response) are all of the same moment.
  return db.transaction(() => reportOf(db, range, context, keptDays))();
}

function reportOf(db: SqliteDatabase, range: ReportRange, context: ReportContext, keptDays: boolean): Report {
  const { params, windows: asked } = reportWindows(range, context.schedule);
  const windows = windowsUntilNow(asked, context.nowMs);
  const figures = sumOfRange(db, range, params, context, keptDays);
  const { report, flags, peak } = reportFromSum(figures, range, context);
  return { ...report, alarmLoad: alarmLoadWithPeaks(db, windows, flags, peak, context, figures.slots()) };
}

/** The room's load, per operator, and its worst shift (the mean alone hides a flood). */
function alarmLoadWithPeaks(
  db: SqliteDatabase,
  windows: readonly ReportWindow[],
  flags: number,
  peak: Report['alarmLoad']['peak10Min'],
  context: ReportContext,
  slots: readonly { slot: number; n: number }[],
): Report['alarmLoad'] {
  const perOperator = operatorLoad(db, windows, context.schedule, slots);
  const fromMs = windows[0]?.fromMs ?? 0;
  const toMs = windows.at(-1)?.toMs ?? 0;
  const floods = fromMs < toMs ? floodSpans(db, fromMs, toMs) : [];
  return {
    ...alarmLoad(db, windows, flags, peak, context.nowMs),
    perOperator,
    worstShift: worstShift(perOperator.shifts, floods),
  };
}
