// The alarm-management figures (shared/domain.ts AlarmKpis) from what each engine counts and reads
// of its flags and alarm log: one computation, so the engines cannot drift apart.
import { RISKS, type AlarmKpis, type Risk } from '../../../../shared/domain';
import { median, percentile } from './report/report-quantiles';

const TEN_MINUTES_MS = 600_000;

export interface AlarmKpiReads {
  flagAlarms: number;
  feedAlarms: number;
  silences: number;
  /** Each acknowledgement in the range: the flag's risk and its time to acknowledge, ascending. */
  acks: readonly { risk: Risk; ms: number }[];
  /** The flood starts and ends logged before toMs, in log order (seq). */
  floodEvents: readonly { at_ms: number; kind: string }[];
}

/** Flood time inside [fromMs, toMs) from the log's start/end pairs (an open flood runs to toMs). */
function floodMs(events: AlarmKpiReads['floodEvents'], fromMs: number, toMs: number): number {
  let total = 0;
  let start: number | null = null;
  for (const e of events) {
    if (e.kind === 'flood_start' && start === null) start = e.at_ms;
    else if (e.kind === 'flood_end' && start !== null) {
      total += Math.max(0, Math.min(e.at_ms, toMs) - Math.max(start, fromMs));
      start = null;
    }
  }
  if (start !== null) total += Math.max(0, toMs - Math.max(start, fromMs));
  return total;
}

export function alarmKpisOf(fromMs: number, toMs: number, reads: AlarmKpiReads): AlarmKpis {
  const timeToAcknowledge = Object.fromEntries(
    RISKS.map((risk) => {
      const times = reads.acks.filter((a) => a.risk === risk).map((a) => a.ms);
      return [risk, { count: times.length, medianMs: median(times), p95Ms: percentile(times, 0.95) }];
    }),
  ) as AlarmKpis['timeToAcknowledge'];
  const span = Math.max(1, toMs - fromMs);
  const flood = floodMs(reads.floodEvents, fromMs, toMs);
  const alarms = reads.flagAlarms + reads.feedAlarms;
  return {
    fromMs,
    toMs,
    alarms,
    alarmsPer10Min: (alarms * TEN_MINUTES_MS) / span,
    floodMs: flood,
    floodShare: flood / span,
    silences: reads.silences,
    timeToAcknowledge,
  };
}
