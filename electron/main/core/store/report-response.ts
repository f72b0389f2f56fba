// Response times of a report: time to acknowledge, dispatch, unit confirmation and close, median
// and p90 per risk, shift and operator, against the targets of shared/timers.ts, and the breaches.
// Percentiles need the samples: each row of the report's one read (report-rows.ts) is added here,
// and the figures are made when the last one is in.
import { RISKS, type Risk } from '../../../../shared/domain';
import { REPORT_BREACH_CAP, type ReportBreach, type StagesStats } from '../../../../shared/report';
import { DEFAULT_TARGETS, flagTimers, TIMER_STAGES, type TimerStage } from '../../../../shared/timers';
import { median, percentile } from './alarm-queries';
import { caseNoOf } from './flag-rows';
import { shiftOfTime, type ReportContext } from './report-range';
import { COL, type ReportRow } from './report-rows';

interface StageSamples {
  times: number[];
  running: number;
  breached: number;
}
type Group = Record<TimerStage, StageSamples>;
const newGroup = (): Group =>
  Object.fromEntries(
    TIMER_STAGES.map((s) => [s, { times: [], running: 0, breached: 0 }]),
  ) as unknown as Group;

function groupIn(groups: Map<string, Group>, key: string): Group {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = newGroup()));
  return group;
}

function stats(group: Group, targetOf: (stage: TimerStage) => number | null): StagesStats {
  const entries = TIMER_STAGES.map((stage) => {
    const { times, running, breached } = group[stage];
    const sorted = Float64Array.from(times).sort();
    return [
      stage,
      {
        count: sorted.length,
        medianMs: median(sorted),
        p90Ms: percentile(sorted, 0.9),
        running,
        breached,
        targetMs: targetOf(stage),
      },
    ];
  });
  return Object.fromEntries(entries) as StagesStats;
}

type Breach = Omit<ReportBreach, 'caseNo'> & { seq: number };
/** Worst overshoot first; the case number breaks ties so the list is the same on every desk. */
const worse = (a: Breach, b: Breach) =>
  b.elapsedMs - b.targetMs - (a.elapsedMs - a.targetMs) || a.seq - b.seq;

/**
 * The worst `cap` breaches and how many there were, without sorting them all: a month can hold tens
 * of thousands (every flag left open past its targets), and the list shows a few hundred.
 */
class WorstBreaches {
  readonly top: Breach[] = [];
  total = 0;
  constructor(private readonly cap: number) {}
  /** Counts a breach; true when one this far over its target would make the list (then add it). */
  counts(overMs: number, seq: number): boolean {
    this.total++;
    const last = this.top[this.cap - 1];
    if (this.top.length < this.cap || last === undefined) return true;
    const lastOverMs = last.elapsedMs - last.targetMs;
    return overMs > lastOverMs || (overMs === lastOverMs && seq < last.seq);
  }
  add(breach: Breach): void {
    let lo = 0;
    let hi = this.top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (worse(this.top[mid]!, breach) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.top.splice(lo, 0, breach);
    if (this.top.length > this.cap) this.top.pop();
  }
}

const riskTarget = (risk: Risk) => (stage: TimerStage) =>
  ({
    acknowledge: DEFAULT_TARGETS.acknowledgeMs[risk],
    dispatch: DEFAULT_TARGETS.dispatchMs[risk],
    confirm: DEFAULT_TARGETS.confirmMs,
    close: DEFAULT_TARGETS.closeMs[risk],
  })[stage];

export function responseCollector(context: ReportContext, shiftKey: string | undefined) {
  const shiftOf = shiftOfTime(context.schedule);
  const byRisk = new Map<string, Group>(RISKS.map((r) => [r, newGroup()]));
  const shiftKeys = shiftKey === undefined ? context.schedule.map((s) => s.key) : [shiftKey];
  const byShift = new Map<string, Group>(shiftKeys.map((k) => [k, newGroup()]));
  const byOperator = new Map<string, Group>();
  const breaches = new WorstBreaches(REPORT_BREACH_CAP);

  function add(row: ReportRow): void {
    const seq = row[COL.seq] as number;
    const risk = row[COL.risk] as Risk;
    const receivedAtMs = row[COL.receivedAtMs] as number;
    const closedAtMs = row[COL.closedAtMs] as number | null;
    const acknowledgedBy = row[COL.acknowledgedBy] as string | null;
    const timers = flagTimers(
      {
        risk,
        receivedAtMs,
        acknowledgedAtMs: row[COL.acknowledgedAtMs] as number | null,
        dispatchedAtMs: row[COL.dispatchedAtMs] as number | null,
        confirmedAtMs: row[COL.confirmedAtMs] as number | null,
        closedAtMs,
      },
      context.nowMs,
    );
    const groups = [byRisk.get(risk)!, groupIn(byShift, shiftOf(receivedAtMs))];
    if (acknowledgedBy !== null) groups.push(groupIn(byOperator, acknowledgedBy));
    for (const timer of timers) {
      // Not started (no dispatch to confirm), or left undone when the flag was closed (a false
      // positive needs no dispatch): nothing to time.
      if (timer.elapsedMs === null || (timer.doneAtMs === null && closedAtMs !== null)) continue;
      for (const group of groups) {
        const samples = group[timer.stage];
        if (timer.doneAtMs === null) samples.running++;
        else samples.times.push(timer.elapsedMs);
        if (timer.breached) samples.breached++;
      }
      if (timer.breached && breaches.counts(timer.elapsedMs - timer.targetMs, seq))
        breaches.add({
          seq,
          risk,
          stage: timer.stage,
          receivedAtMs,
          elapsedMs: timer.elapsedMs,
          targetMs: timer.targetMs,
          running: timer.doneAtMs === null,
        });
    }
  }

  function result() {
    const none = () => null;
    return {
      byRisk: Object.fromEntries(RISKS.map((r) => [r, stats(byRisk.get(r)!, riskTarget(r))])) as Record<
        Risk,
        StagesStats
      >,
      byShift: [...byShift].map(([key, group]) => ({ shiftKey: key, stages: stats(group, none) })),
      byOperator: [...byOperator]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operator, group]) => ({ operator, stages: stats(group, none) })),
      breaches: {
        total: breaches.total,
        items: breaches.top.map(({ seq, ...b }) => ({ caseNo: caseNoOf(seq), ...b })),
      },
    };
  }

  return { add, result };
}
