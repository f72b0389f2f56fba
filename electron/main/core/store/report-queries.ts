// The supervisors' report (shared/report.ts): aggregates over the live flags received in a range,
// optionally only during one shift's hours. One read of the flags (report-rows.ts, off the covering
// index flags_report) feeds every count, series and repeat here and the response times
// (report-response.ts) in a single pass; the alarm load comes from the alarm log
// (report-alarm-load.ts), and per operator with the roster (report-operator-load.ts). No query here
// reads flag_personal.
import { OUTCOMES, type Outcome } from '../../../../shared/dispatch';
import { RISKS, type Risk } from '../../../../shared/domain';
import { KOTA_CITY_UNIT } from '../../../../shared/routing/police-units';
import type { Report } from '../../../../shared/report';
import { IST_OFFSET_MS } from '../../../../shared/time/ist';
import { alarmLoad } from './report-alarm-load';
import { operatorLoad, SLOT_MS } from './report-operator-load';
import { responseCollector } from './report-response';
import { COL, parseBreakdown, REPORT_ROWS_SQL, type Breakdown, type ReportRow } from './report-rows';
import type { SqliteDatabase } from './open-database';
import {
  istDate,
  reportWindows,
  type ReportContext,
  type ReportParams,
  type ReportRange,
} from './report-range';

export type { ReportContext, ReportRange } from './report-range';

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
// IST's +5:30 is a whole number of 10-minute slots (SLOT_MS), so slots are IST-aligned.

/** Hourly, daily and hour × weekday series from the 10-minute slots, zeros filled in. */
function timeline(slots: readonly { slot: number; n: number }[], range: ReportRange) {
  const istHour = (ms: number) => Math.floor((ms + IST_OFFSET_MS) / HOUR_MS);
  const firstHour = istHour(range.fromMs);
  const hourly = Array.from({ length: istHour(range.toMs - 1) - firstHour + 1 }, (_, i) => ({
    startMs: (firstHour + i) * HOUR_MS - IST_OFFSET_MS,
    count: 0,
  }));
  const firstDay = Math.floor(firstHour / 24);
  const daily = Array.from({ length: Math.floor(istHour(range.toMs - 1) / 24) - firstDay + 1 }, (_, i) => {
    const startMs = (firstDay + i) * DAY_MS - IST_OFFSET_MS;
    return { date: istDate(startMs), startMs, count: 0 };
  });
  const hourByWeekday = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const { slot, n } of slots) {
    const hour = istHour(slot * SLOT_MS);
    hourly[hour - firstHour]!.count += n;
    daily[Math.floor(hour / 24) - firstDay]!.count += n;
    // The epoch (1 Jan 1970) was a Thursday: day 0 is weekday 3 counting Monday as 0.
    hourByWeekday[(Math.floor(hour / 24) + 3) % 7]![hour % 24]! += n;
  }
  let peak: { startMs: number; count: number } | null = null;
  for (const { slot, n } of slots) if (!peak || n > peak.count) peak = { startMs: slot * SLOT_MS, count: n };
  return { series: { hourly, daily, hourByWeekday }, peak };
}

/** Flags counted by every categorical column at once; the breakdowns are rolled up from these. */
interface BreakdownGroup extends Breakdown {
  n: number;
}

/** The one pass over the rows: 10-minute slots, the breakdown, each account's flags, response times. */
function collect(rows: Iterable<ReportRow>, response: ReturnType<typeof responseCollector>) {
  const slotCounts = new Map<number, number>();
  const counts = new Map<string, number>();
  const perSubject = new Map<string, number>();
  for (const row of rows) {
    const slot = Math.floor((row[COL.receivedAtMs] as number) / SLOT_MS);
    slotCounts.set(slot, (slotCounts.get(slot) ?? 0) + 1);
    const key = row[COL.breakdown] as string;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const subject = row[COL.subjectKey] as string | null;
    if (subject !== null) perSubject.set(subject, (perSubject.get(subject) ?? 0) + 1);
    response.add(row);
  }
  // Accounts flagged at least twice in the range (subject_key: a hash, never the account itself).
  let subjects = 0;
  let repeatFlags = 0;
  for (const n of perSubject.values())
    if (n >= 2) {
      subjects++;
      repeatFlags += n;
    }
  return {
    slots: [...slotCounts].map(([slot, n]) => ({ slot, n })).sort((a, b) => a.slot - b.slot),
    breakdown: [...counts].map(([text, n]): BreakdownGroup => ({ ...parseBreakdown(text), n })),
    repeats: { subjects, flags: repeatFlags },
  };
}

function tally(rows: readonly BreakdownGroup[], keyOf: (r: BreakdownGroup) => string | null) {
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + r.n);
  // Most first; the unplaced (null) after named keys of the same count, then by name: a stable order.
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
        String(a.key).localeCompare(String(b.key)),
    );
}

export function report(db: SqliteDatabase, range: ReportRange, context: ReportContext): Report {
  const { params, windows: asked } = reportWindows(range, context.schedule);
  // Time after the report's generation has not happened yet: no rate or share may count it.
  const windows = asked
    .map((w) => ({ fromMs: w.fromMs, toMs: Math.min(w.toMs, context.nowMs) }))
    .filter((w) => w.fromMs < w.toMs);
  const response = responseCollector(context, range.shiftKey);
  const {
    slots,
    breakdown: rows,
    repeats,
  } = collect(
    db.prepare<[ReportParams], ReportRow>(REPORT_ROWS_SQL).raw(true).iterate(params) as Iterable<ReportRow>,
    response,
  );
  const { series, peak } = timeline(slots, range);

  const sum = (keep: (r: BreakdownGroup) => boolean) => rows.reduce((s, r) => s + (keep(r) ? r.n : 0), 0);
  const flags = sum(() => true);
  const withdrawn = sum((r) => r.withdrawn);
  const closed = sum((r) => r.closed);
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of rows)
    if (r.closed && r.outcome && r.outcome in outcomes) outcomes[r.outcome as Outcome] += r.n;
  const byRisk = Object.fromEntries(RISKS.map((risk) => [risk, sum((r) => r.risk === risk)])) as Record<
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
    byDistrict: tally(rows, (r) => r.districtKey),
    // The map's areas: Kota City (its own police unit) apart from the rest of Kota district.
    byArea: tally(rows, (r) => (r.kotaCity ? KOTA_CITY_UNIT : (r.districtKey ?? 'unplaced'))),
    byPlatform: tally(rows, (r) => r.platform),
    repeats,
    response: response.result(),
    outcomes,
    alarmLoad: {
      ...alarmLoad(db, windows, flags, peak, context.nowMs),
      perOperator: operatorLoad(db, windows, context.schedule, slots),
    },
  };
}
