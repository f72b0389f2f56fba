// The report as CSV for a spreadsheet: one long table (section, group, metric, value) of the
// aggregates. Case numbers and operators' names are in it; subjects never are (the report holds
// none), and silence reasons are left out because free text may name anyone.
import { RISKS } from './domain';
import type { Report, StagesStats } from './report';
import { HOUR_MS, IST_OFFSET_MS } from './time/ist';
import { TIMER_STAGES } from './timers';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** An instant as IST wall time, e.g. 2026-11-25T22:00+05:30. */
const ist = (ms: number) => `${new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 16)}+05:30`;

/** RFC 4180 quoting; a text cell that a spreadsheet would run as a formula is defused with a quote. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Row = [section: string, group: string | null, metric: string, value: string | number | null];

function stageRows(section: string, group: string, stages: StagesStats): Row[] {
  return TIMER_STAGES.flatMap((stage): Row[] => {
    const s = stages[stage];
    return [
      [section, group, `${stage}_count`, s.count],
      [section, group, `${stage}_median_ms`, s.medianMs],
      [section, group, `${stage}_p90_ms`, s.p90Ms],
      [section, group, `${stage}_running`, s.running],
      [section, group, `${stage}_breached`, s.breached],
      [section, group, `${stage}_target_ms`, s.targetMs],
    ];
  });
}

export function reportCsv(report: Report): string {
  const { totals, timeline, response, alarmLoad } = report;
  const rows: Row[] = [
    ['range', null, 'from', ist(report.fromMs)],
    ['range', null, 'to', ist(report.toMs)],
    ['range', null, 'shift', report.shiftKey ?? 'all'],
    ...Object.entries(totals).map(([metric, value]): Row => ['totals', null, metric, value]),
    ...timeline.hourly.counts.map((n, i): Row => [
      'hourly',
      ist(timeline.hourly.startMs + i * HOUR_MS),
      'flags',
      n,
    ]),
    ...timeline.daily.map((d): Row => ['daily', d.date, 'flags', d.count]),
    ...timeline.hourByWeekday.flatMap((hours, day) =>
      hours.map((n, hour): Row => [
        'hour_by_weekday',
        WEEKDAYS[day]!,
        `${String(hour).padStart(2, '0')}:00`,
        n,
      ]),
    ),
    ...RISKS.map((risk): Row => ['risk', risk, 'flags', report.byRisk[risk]]),
    ...report.byDistrict.map((d): Row => ['district', d.key ?? '(unplaced)', 'flags', d.count]),
    ...report.byPlatform.map((p): Row => ['platform', p.key ?? '(unknown)', 'flags', p.count]),
    ['repeats', null, 'subjects', report.repeats.subjects],
    ['repeats', null, 'flags', report.repeats.flags],
    ...RISKS.flatMap((risk) => stageRows('response_by_risk', risk, response.byRisk[risk])),
    ...response.byShift.flatMap((s) => stageRows('response_by_shift', s.shiftKey, s.stages)),
    ...response.byOperator.flatMap((o) => stageRows('response_by_operator', o.operator, o.stages)),
    ['breaches', null, 'total', response.breaches.total],
    ...response.breaches.items.flatMap((b): Row[] => [
      ['breach', b.caseNo, `${b.stage}_elapsed_ms`, b.elapsedMs],
      ['breach', b.caseNo, `${b.stage}_target_ms`, b.targetMs],
    ]),
    ...Object.entries(report.outcomes).map(([outcome, n]): Row => ['outcome', outcome, 'flags', n]),
    ['alarm_load', null, 'window_ms', alarmLoad.windowMs],
    ['alarm_load', null, 'alarms', alarmLoad.alarms],
    ['alarm_load', null, 'feed_alarms', alarmLoad.feedAlarms],
    ['alarm_load', null, 'per_10_min', alarmLoad.per10Min],
    ['alarm_load', null, 'peak_10_min', alarmLoad.peak10Min?.count ?? 0],
    ['alarm_load', null, 'flood_ms', alarmLoad.floodMs],
    ['alarm_load', null, 'flood_share', alarmLoad.floodShare],
    ['alarm_load', null, 'silences', alarmLoad.silences.count],
    ['alarm_load', null, 'per_10_min_per_operator', alarmLoad.perOperator.per10Min],
    ['alarm_load', null, 'rostered_ms', alarmLoad.perOperator.rosteredMs],
    ...(alarmLoad.worstShift
      ? ([
          ['worst_shift', alarmLoad.worstShift.shiftId, 'alarms', alarmLoad.worstShift.alarms],
          ['worst_shift', alarmLoad.worstShift.shiftId, 'per_10_min', alarmLoad.worstShift.per10Min],
          ['worst_shift', alarmLoad.worstShift.shiftId, 'flood_share', alarmLoad.worstShift.floodShare],
        ] satisfies Row[])
      : []),
    ...alarmLoad.perOperator.shifts.flatMap((s): Row[] => [
      ['shift_load', s.shiftId, 'window_ms', s.windowMs],
      ['shift_load', s.shiftId, 'operators', s.operators],
      ['shift_load', s.shiftId, 'alarms', s.alarms],
      ['shift_load', s.shiftId, 'per_10_min_per_operator', s.per10Min],
    ]),
    ['alarm_load', null, 'feed_uptime_share', alarmLoad.feed.uptimeShare],
    ['alarm_load', null, 'feed_outage_ms', alarmLoad.feed.outageMs],
    ...alarmLoad.feed.outages.map((o): Row => ['feed_outage', ist(o.startMs), 'length_ms', o.lengthMs]),
  ];
  const lines = [
    ['section', 'group', 'metric', 'value'].join(','),
    ...rows.map((r) => r.map(cell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
