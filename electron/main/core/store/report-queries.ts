// The supervisors' report (shared/report.ts): aggregates over the live flags received in a range,
// optionally only during one shift's hours. Counts are grouped in SQLite on flags_report (by
// received time, covering; migration 12); response percentiles come from a narrow projection
// (report-response.ts); the alarm load from the alarm log (report-alarm-load.ts), and per operator
// with the roster (report-operator-load.ts). No query here reads flag_personal.
import { OUTCOMES, type Outcome } from '../../../../shared/dispatch';
import { RISKS, type Risk } from '../../../../shared/domain';
import { KOTA_CITY_UNIT } from '../../../../shared/routing/police-units';
import type { Report } from '../../../../shared/report';
import { IST_OFFSET_MS } from '../../../../shared/time/ist';
import { alarmLoad } from './report-alarm-load';
import { operatorLoad, SLOT_MS } from './report-operator-load';
import { responseStats } from './report-response';
import type { SqliteDatabase } from './open-database';
import {
  istDate,
  REPORT_WHERE,
  reportWindows,
  type ReportContext,
  type ReportParams,
  type ReportRange,
} from './report-range';

export type { ReportContext, ReportRange } from './report-range';

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
// IST's +5:30 is a whole number of 10-minute slots (SLOT_MS), so slots are IST-aligned.

/** Arrivals per 10-minute slot: the hourly, daily and weekday series and the peak come from these. */
export const SLOTS_SQL = `SELECT received_at_ms / ${SLOT_MS} AS slot, count(*) AS n
  FROM flags WHERE ${REPORT_WHERE} GROUP BY slot`;

/** One pass for every categorical breakdown; rolled up in JS (a few hundred rows at most). */
export const BREAKDOWN_SQL = `SELECT risk, district_key, unit_key = '${KOTA_CITY_UNIT}' AS kota_city, platform,
    status = 'withdrawn' AS withdrawn, state = 'closed' AS closed, outcome, count(*) AS n
  FROM flags WHERE ${REPORT_WHERE} GROUP BY risk, district_key, kota_city, platform, withdrawn, closed, outcome`;

/** Accounts flagged at least twice in the range (subject_key: a hash, never the account itself). */
export const REPEATS_SQL = `SELECT count(*) AS subjects, coalesce(sum(n), 0) AS flags FROM (
    SELECT count(*) AS n FROM flags WHERE ${REPORT_WHERE} AND subject_key IS NOT NULL
    GROUP BY subject_key HAVING count(*) >= 2)`;

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

interface BreakdownRow {
  risk: Risk;
  district_key: string | null;
  kota_city: number | null;
  platform: string | null;
  withdrawn: number;
  closed: number;
  outcome: string | null;
  n: number;
}

function tally(rows: readonly BreakdownRow[], keyOf: (r: BreakdownRow) => string | null) {
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
  const { params, windows } = reportWindows(range, context.schedule);
  const slots = db.prepare<[ReportParams], { slot: number; n: number }>(SLOTS_SQL).all(params);
  const rows = db.prepare<[ReportParams], BreakdownRow>(BREAKDOWN_SQL).all(params);
  const repeats = db.prepare<[ReportParams], { subjects: number; flags: number }>(REPEATS_SQL).get(params)!;
  const { series, peak } = timeline(slots, range);

  const sum = (keep: (r: BreakdownRow) => boolean) => rows.reduce((s, r) => s + (keep(r) ? r.n : 0), 0);
  const flags = sum(() => true);
  const withdrawn = sum((r) => r.withdrawn === 1);
  const closed = sum((r) => r.closed === 1);
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of rows)
    if (r.closed === 1 && r.outcome && r.outcome in outcomes) outcomes[r.outcome as Outcome] += r.n;
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
    byDistrict: tally(rows, (r) => r.district_key),
    // The map's areas: Kota City (its own police unit) apart from the rest of Kota district.
    byArea: tally(rows, (r) => (r.kota_city === 1 ? KOTA_CITY_UNIT : (r.district_key ?? 'unplaced'))),
    byPlatform: tally(rows, (r) => r.platform),
    repeats,
    response: responseStats(db, params, context, range.shiftKey),
    outcomes,
    alarmLoad: {
      ...alarmLoad(db, windows, flags, peak, context.nowMs),
      perOperator: operatorLoad(db, windows, context.schedule, slots),
    },
  };
}
