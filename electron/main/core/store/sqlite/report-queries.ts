// The supervisors' report (shared/report.ts): aggregates over the live flags received in a range,
// optionally only during one shift's hours. The flags' figures are a sum of parts (report-part.ts,
// report-sum.ts): the days wholly inside the range and over come kept (report-day-cache.ts) with
// their still open flags read live, and the partial days at its ends are read live (report-rows.ts,
// off indexes). The alarm load comes from the alarm log (report-alarm-load.ts), and per operator with
// the roster (report-operator-load.ts). No query here reads flag_personal.
import { OUTCOMES, type Outcome } from '../../../../../shared/dispatch';
import { RISKS, type Risk } from '../../../../../shared/domain';
import type { Report } from '../../../../../shared/report';
import { HOUR_MS, IST_OFFSET_MS, istDate } from '../../../../../shared/time/ist';
import { alarmLoad, floodSpans } from './report-alarm-load';
import { worstShift } from '../../reports/alarm-load-peaks';
import { istDay, istDayStartMs, keptParts } from './report-day-cache';
import { operatorLoad, SLOT_MS } from './report-operator-load';
import { partsByShift } from '../../reports/report-part';
import { REPORT_ROWS_SQL, UNSETTLED_ROWS_SQL } from './report-rows';
import type { ReportRow } from '../../reports/report-row';
import { ReportSum } from '../../reports/report-sum';
import type { SqliteDatabase } from './open-database';
import { reportWindows, type ReportParams, type ReportWindow } from '../../reports/report-range';
import type { ReportContext, ReportRange } from '../store-types';

const DAY_MS = 24 * 3600_000;
// IST's +5:30 is a whole number of 10-minute slots (SLOT_MS), so slots are IST-aligned.

/** Hourly, daily and hour × weekday series from the 10-minute slots, zeros filled in. */
function timeline(slots: readonly { slot: number; n: number }[], range: ReportRange) {
  const istHour = (ms: number) => Math.floor((ms + IST_OFFSET_MS) / HOUR_MS);
  const firstHour = istHour(range.fromMs);
  const hourly = {
    startMs: firstHour * HOUR_MS - IST_OFFSET_MS,
    counts: new Array<number>(istHour(range.toMs - 1) - firstHour + 1).fill(0),
  };
  const firstDay = Math.floor(firstHour / 24);
  const daily = Array.from({ length: Math.floor(istHour(range.toMs - 1) / 24) - firstDay + 1 }, (_, i) => {
    const startMs = (firstDay + i) * DAY_MS - IST_OFFSET_MS;
    return { date: istDate(startMs), startMs, count: 0 };
  });
  const hourByWeekday = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const { slot, n } of slots) {
    const hour = istHour(slot * SLOT_MS);
    hourly.counts[hour - firstHour]! += n;
    daily[Math.floor(hour / 24) - firstDay]!.count += n;
    // The epoch (1 Jan 1970) was a Thursday: day 0 is weekday 3 counting Monday as 0.
    hourByWeekday[(Math.floor(hour / 24) + 3) % 7]![hour % 24]! += n;
  }
  let peak: { startMs: number; count: number } | null = null;
  for (const { slot, n } of slots) if (!peak || n > peak.count) peak = { startMs: slot * SLOT_MS, count: n };
  return { series: { hourly, daily, hourByWeekday }, peak };
}

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
  // Time after the report's generation has not happened yet: no rate or share may count it.
  const windows = asked
    .map((w) => ({ fromMs: w.fromMs, toMs: Math.min(w.toMs, context.nowMs) }))
    .filter((w) => w.fromMs < w.toMs);
  const figures = sumOfRange(db, range, params, context, keptDays);
  const slots = figures.slots();
  const { series, peak } = timeline(slots, range);
  const flags = figures.count('flags');
  const withdrawn = figures.count('withdrawn');
  const closed = figures.count('closed');
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, figures.count(`outcome=${o}`)])) as Record<
    Outcome,
    number
  >;
  const byRisk = Object.fromEntries(RISKS.map((risk) => [risk, figures.count(`risk=${risk}`)])) as Record<
    Risk,
    number
  >;

  return {
    fromMs: range.fromMs,
    toMs: range.toMs,
    shiftKey: range.shiftKey ?? null,
    generatedAtMs: context.nowMs,
    totals: {
      flags,
      withdrawn,
      withdrawnRate: flags === 0 ? null : withdrawn / flags,
      closed,
      falsePositives: outcomes.false_positive,
      falsePositiveRate: closed === 0 ? null : outcomes.false_positive / closed,
    },
    timeline: series,
    byRisk,
    byDistrict: figures.keyed('district'),
    byArea: figures.keyed('area'),
    byUnit: figures.keyed('unit'),
    byPlatform: figures.keyed('platform'),
    repeats: figures.repeats(),
    response: figures.response(
      range.shiftKey === undefined ? context.schedule.map((s) => s.key) : [range.shiftKey],
    ),
    outcomes,
    alarmLoad: alarmLoadWithPeaks(db, windows, flags, peak, context, slots),
  };
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
