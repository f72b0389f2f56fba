// The supervisors' report on PostgreSQL (shared/report.ts), read live: every flag of the range in one
// indexed read, rows as arrays in the report engine's shape (store/report/report-row.ts), summed by the
// same parts and sum as SQLite's (report-part.ts, report-sum.ts); the alarm load from the alarm log.
// No kept days here (prepareReports does nothing): PostgreSQL reads a month's rows server-side, and
// the parts are the same code either way. No query reads flag_personal; a silence's reason is opened
// from its sealed detail.
import type { Report } from '../../../../../shared/report';
import { KOTA_CITY_UNIT } from '../../../../../shared/routing/police-units';
import type { Shift } from '../../../../../shared/shifts/schedule';
import { IST_OFFSET_MS } from '../../../../../shared/time/ist';
import { alarmLoadOf, pairSpans, type AlarmSpan, type SpanEvent } from '../report/alarm-load';
import { worstShift } from '../report/alarm-load-peaks';
import {
  operatorLoadOf,
  rosterIdRange,
  shiftPieces,
  slotArrivals,
  type OperatorLoad,
} from '../report/operator-load';
import { partsByShift } from '../report/report-part';
import { reportWindows, type ReportWindow } from '../report/report-range';
import type { ReportRow } from '../report/report-row';
import { ReportSum } from '../report/report-sum';
import { reportFromSum, windowsUntilNow } from '../report/report-figures';
import type { ReportContext, ReportRange } from '../store-types';
import type { Tx } from './pg-db';

const DAY_MS = 24 * 3600_000;
const text = (e: string) => `coalesce('=' || (${e}), '')`;
const flag = (e: string) => `coalesce('=' || (${e})::int::text, '')`;

/** The report's columns (report-row.ts's COL), the eight categorical ones joined by char(31). */
export const PG_REPORT_ROWS_SQL = `SELECT seq, received_at_ms, risk,
    ${[
      text('risk'),
      text('district_key'),
      flag(`unit_key = '${KOTA_CITY_UNIT}'`),
      text('platform'),
      flag("status = 'withdrawn'"),
      flag("state = 'closed'"),
      text('outcome'),
      // The unit that had the flag: dispatched to, else routed to (as SQLite's report-rows.ts).
      text('coalesce(dispatch_unit_key, unit_key)'),
    ].join(' || chr(31) || ')} AS breakdown,
    subject_key, acknowledged_by, acknowledged_at_ms, dispatched_at_ms, confirmed_at_ms, closed_at_ms
  FROM flags WHERE training = 0 AND received_at_ms >= $1 AND received_at_ms < $2
    AND (((received_at_ms + ${IST_OFFSET_MS} - $3) % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS} < $4`;

export async function report(tx: Tx, range: ReportRange, context: ReportContext): Promise<Report> {
  const { params, windows: asked } = reportWindows(range, context.schedule);
  const windows = windowsUntilNow(asked, context.nowMs);
  const rows = (
    await tx.client.query<ReportRow & unknown[]>({
      text: PG_REPORT_ROWS_SQL,
      values: [params.fromMs, params.toMs, params.shiftStartMs, params.shiftLengthMs],
      rowMode: 'array',
    })
  ).rows;
  const figures = new ReportSum();
  for (const part of partsByShift(rows, context).values()) figures.add(part);
  const { report: figured, flags, peak } = reportFromSum(figures, range, context);
  const perOperator = await operatorLoad(tx, windows, context.schedule, figures.slots());
  const fromMs = windows[0]?.fromMs ?? 0;
  const toMs = windows.at(-1)?.toMs ?? 0;
  const floods = fromMs < toMs ? await spans(tx, 'flood_start', 'flood_end', fromMs, toMs) : [];
  return {
    ...figured,
    alarmLoad: {
      ...(await alarmLoad(tx, windows, flags, peak, context.nowMs)),
      perOperator,
      worstShift: worstShift(
        perOperator.shifts,
        floods.map(({ startMs, endMs }) => ({ startMs, endMs })),
      ),
    },
  };
}

interface LogRow {
  seq: number;
  at_ms: number;
  actor: string | null;
  detail_audit: string;
  detail_sealed: Buffer;
  kind: string;
}
const EVENTS_SQL = `SELECT seq, at_ms, kind, actor, detail_audit, detail_sealed FROM alarm_log
  WHERE kind = $1 AND at_ms >= $2 AND at_ms < $3 ORDER BY at_ms, seq`;

/** Start/end pairs meeting [fromMs, toMs) (store/report/alarm-load.ts pairs them, as on SQLite). */
async function spans(
  tx: Tx,
  startKind: string,
  endKind: string,
  fromMs: number,
  toMs: number,
): Promise<AlarmSpan[]> {
  const events = async (kind: string, from: number, to: number, limit = ''): Promise<SpanEvent[]> =>
    (await tx.query<LogRow & Record<string, unknown>>(`${EVENTS_SQL}${limit}`, [kind, from, to])).map(
      (r) => ({
        seq: r.seq,
        atMs: r.at_ms,
        start: kind === startKind,
        // A span's detail is its audit form (a feed state), never sealed content.
        detail: () => JSON.parse(r.detail_audit) as Record<string, unknown>,
      }),
    );
  const lastBefore = async (kind: string) =>
    (await tx.one<{ at: number | null }>(
      'SELECT max(at_ms) AS at FROM alarm_log WHERE kind = $1 AND at_ms < $2',
      [kind, fromMs],
    ))!.at;
  const lastStart = await lastBefore(startKind);
  const lastEnd = await lastBefore(endKind);
  const carried =
    lastStart !== null && (lastEnd === null || lastStart > lastEnd)
      ? await events(startKind, (lastEnd ?? -1) + 1, fromMs, ' LIMIT 1')
      : [];
  const result = pairSpans([
    ...carried,
    ...(await events(startKind, fromMs, toMs)),
    ...(await events(endKind, fromMs, toMs)),
  ]);
  const last = result.at(-1);
  if (last && last.endMs === null)
    last.endMs = (await events(endKind, toMs, Number.MAX_SAFE_INTEGER, ' LIMIT 1'))[0]?.atMs ?? null;
  return result;
}

async function alarmLoad(
  tx: Tx,
  windows: readonly ReportWindow[],
  flagAlarms: number,
  peak10Min: Report['alarmLoad']['peak10Min'],
  nowMs: number,
): Promise<Omit<Report['alarmLoad'], 'perOperator' | 'worstShift'>> {
  const fromMs = windows[0]?.fromMs ?? 0;
  const toMs = windows.at(-1)?.toMs ?? 0;
  const read = (kind: string) => tx.query<LogRow & Record<string, unknown>>(EVENTS_SQL, [kind, fromMs, toMs]);
  return alarmLoadOf(windows, {
    flagAlarms,
    peak10Min,
    nowMs,
    feedAlarmTimes: (await read('feed_alarm_start')).map((r) => r.at_ms),
    floods: await spans(tx, 'flood_start', 'flood_end', fromMs, toMs),
    outages: await spans(tx, 'feed_alarm_start', 'feed_alarm_end', fromMs, toMs),
    silences: (await read('silence')).map((r) => ({
      atMs: r.at_ms,
      by: r.actor,
      detail: () =>
        JSON.parse(tx.crypto.open(r.detail_sealed, `alarm_log.detail_json|${r.at_ms}|${r.kind}`)) as Record<
          string,
          unknown
        >,
    })),
  });
}

/** The load per rostered operator, per shift instance (store/report/operator-load.ts). */
async function operatorLoad(
  tx: Tx,
  windows: readonly ReportWindow[],
  schedule: readonly Shift[],
  slots: readonly { slot: number; n: number }[],
): Promise<OperatorLoad> {
  const pieces = shiftPieces(windows, schedule);
  if (pieces.length === 0) return { per10Min: null, rosteredMs: 0, shifts: [] };
  const bySlot = new Map(slots.map((s) => [s.slot, s.n]));
  const arrivals: number[] = [];
  for (const p of pieces) {
    const { n, edges } = slotArrivals(p.fromMs, p.toMs, bySlot);
    let total = n;
    for (const [fromMs, toMs] of edges)
      total += (await tx.one<{ n: number }>(
        'SELECT count(*)::int AS n FROM flags WHERE training = 0 AND received_at_ms >= $1 AND received_at_ms < $2',
        [fromMs, toMs],
      ))!.n;
    arrivals.push(total);
  }
  const feedAlarmTimes = (
    await tx.query<{ at_ms: number }>(
      EVENTS_SQL.replace('seq, at_ms, kind, actor, detail_audit, detail_sealed', 'at_ms'),
      ['feed_alarm_start', pieces[0]!.fromMs, pieces.at(-1)!.toMs],
    )
  ).map((r) => r.at_ms);
  const roster = new Map(
    (
      await tx.query<{ shift_id: string; operators: number }>(
        `SELECT shift_id, count(*)::int AS operators FROM roster
         WHERE shift_id COLLATE "C" >= $1 AND shift_id COLLATE "C" < $2 AND supervisor = 0 GROUP BY shift_id`,
        rosterIdRange(pieces),
      )
    ).map((r) => [r.shift_id, r.operators]),
  );
  return operatorLoadOf(pieces, arrivals, feedAlarmTimes, roster);
}
