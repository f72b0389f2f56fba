// What a report is made of once its flags are summed, alike for every engine: the time series, the
// totals, the breakdowns and the response times from one ReportSum. Each engine sums its own rows
// (SQLite from kept days and live rows, PostgreSQL live) and adds its alarm load from its alarm log;
// a figure added to the report is added here once, so the engines cannot drift apart.
import { OUTCOMES, type Outcome } from '../../../../../shared/dispatch';
import { RISKS, type Risk } from '../../../../../shared/domain';
import type { Report } from '../../../../../shared/report';
import { HOUR_MS, IST_OFFSET_MS, istDate } from '../../../../../shared/time/ist';
import type { ReportContext, ReportRange } from '../store-types';
import { SLOT_MS, type ReportWindow } from './report-range';
import type { ReportSum } from './report-sum';

const DAY_MS = 24 * 3600_000;
// IST's +5:30 is a whole number of 10-minute slots (SLOT_MS), so slots are IST-aligned.

/** Time after the report's generation has not happened yet: no rate or share may count it. */
export function windowsUntilNow(windows: readonly ReportWindow[], nowMs: number): ReportWindow[] {
  return windows
    .map((w) => ({ fromMs: w.fromMs, toMs: Math.min(w.toMs, nowMs) }))
    .filter((w) => w.fromMs < w.toMs);
}

/** Hourly, daily and hour × weekday series from the 10-minute slots, zeros filled in, and the peak slot. */
export function timeline(slots: readonly { slot: number; n: number }[], range: ReportRange) {
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
 * Every figure of the report but the alarm load, from the sum of its flags; also the flag count and
 * the busiest slot, which the engine's alarm load is measured against.
 */
export function reportFromSum(
  figures: ReportSum,
  range: ReportRange,
  context: ReportContext,
): { report: Omit<Report, 'alarmLoad'>; flags: number; peak: Report['alarmLoad']['peak10Min'] } {
  const { series, peak } = timeline(figures.slots(), range);
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
  const report = {
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
  };
  return { report, flags, peak };
}
