// A report's figures for some of its flags, before they are final: counts per 10-minute slot and
// per breakdown, each flag's subject, and the response samples in cells of (risk, shift, operator).
// Parts add up (report-sum.ts): one is made from the rows a report reads live, and one per settled
// day and shift is kept by report-day-cache.ts. A cell is the finest grouping the report shows, so
// each sample is held once; risk, shift and operator figures are each a union of cells.
import type { Risk } from '../../../../../shared/domain';
import { KOTA_CITY_UNIT } from '../../../../../shared/routing/police-units';
import { REPORT_BREACH_CAP } from '../../../../../shared/report';
import { flagTimers, TIMER_STAGES, type TimerStage } from '../../../../../shared/timers';
import { durationsOf } from './report-quantiles';
import { shiftOfTime, SLOT_MS } from './report-range';
import type { ReportContext } from '../store-types';
import { COL, parseBreakdown, type Breakdown, type ReportRow } from './report-row';
import { subjectsOf, type Subjects } from './report-subjects';

export interface StageTally {
  /** Durations of the stages done, as durationsOf (report-quantiles.ts) makes them: sorted, 32-bit where they fit. */
  times: ArrayLike<number>;
  /** Started and not done as of the report's generation (never in a settled part). */
  running: number;
  /** Done or running, at or past the target. */
  breached: number;
}

export interface Cell {
  risk: Risk;
  shiftKey: string;
  /** Who acknowledged; null when nobody did. */
  operator: string | null;
  stages: Record<TimerStage, StageTally>;
}

export interface Breach {
  seq: number;
  risk: Risk;
  stage: TimerStage;
  receivedAtMs: number;
  elapsedMs: number;
  targetMs: number;
  running: boolean;
}

export interface ReportPart {
  /** Flags per 10-minute slot (slot = floor(ms / 10 min)). */
  slots: Map<number, number>;
  /** Flags per value of each categorical column, under tallyKeys' names. */
  tallies: Map<string, number>;
  /** The subject of each flag that has one, repeated as often as the subject was flagged. */
  subjects: Subjects;
  cells: Cell[];
  /**
   * How many breaches, the worst of them, and the worst REPORT_BREACH_CAP, worst first: read from a
   * kept day only when its worst can make the report's list.
   */
  breaches: { total: number; worst: Breach | undefined; top: () => Iterable<Breach> };
}

/**
 * The tallies a flag of this breakdown counts in: "flags", "risk=high", "district=kota" ("district"
 * alone when it could not be placed), "area=…", "platform=…", "unit=…" (dispatched to, else routed to), "withdrawn", "closed" and the outcome of
 * a closed flag. The report's breakdowns are read off them (report-queries.ts).
 */
export function tallyKeys(b: Breakdown): string[] {
  const named = (column: string, value: string | null) => (value === null ? column : `${column}=${value}`);
  const keys = ['flags', `risk=${b.risk}`, named('district', b.districtKey), named('platform', b.platform)];
  // The map's areas: Kota City (its own police unit) apart from the rest of Kota district.
  keys.push(`area=${b.kotaCity ? KOTA_CITY_UNIT : (b.districtKey ?? 'unplaced')}`);
  keys.push(named('unit', b.unitKey));
  if (b.withdrawn) keys.push('withdrawn');
  if (b.closed) keys.push('closed', named('outcome', b.outcome));
  return keys;
}

/**
 * Worst overshoot first; the case number, then the stage, break ties, so the list is the same on
 * every desk and whichever order its flags were added in.
 */
export const worse = (a: Breach, b: Breach) =>
  b.elapsedMs - b.targetMs - (a.elapsedMs - a.targetMs) ||
  a.seq - b.seq ||
  TIMER_STAGES.indexOf(a.stage) - TIMER_STAGES.indexOf(b.stage);

/**
 * The worst `cap` breaches, without sorting them all: a month can hold tens of thousands (every flag
 * left open past its targets), and the list shows a few hundred.
 */
export class WorstBreaches {
  readonly top: Breach[] = [];
  constructor(private readonly cap = REPORT_BREACH_CAP) {}
  /** Whether the breach is among the worst so far. */
  admits(breach: Breach): boolean {
    const last = this.top[this.cap - 1];
    return last === undefined || worse(last, breach) > 0;
  }

  /** Keeps the breach if it is among the worst so far; false when it is not (nor any better one). */
  offer(breach: Breach): boolean {
    if (!this.admits(breach)) return false;
    let lo = 0;
    let hi = this.top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (worse(this.top[mid]!, breach) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.top.splice(lo, 0, breach);
    if (this.top.length > this.cap) this.top.pop();
    return true;
  }
}

const newStages = (): Record<TimerStage, StageTally & { times: number[] }> =>
  Object.fromEntries(
    TIMER_STAGES.map((s) => [s, { times: [], running: 0, breached: 0 }]),
  ) as unknown as Record<TimerStage, StageTally & { times: number[] }>;

/** A part being filled from rows of REPORT_ROWS_SQL. */
class PartBuilder {
  readonly slots = new Map<number, number>();
  readonly breakdown = new Map<string, number>();
  readonly subjectIds: number[] = [];
  readonly subjectKeys: string[] = [];
  readonly cells = new Map<string, Cell & { stages: ReturnType<typeof newStages> }>();
  readonly breaches = new WorstBreaches();
  breachTotal = 0;

  cell(risk: Risk, shiftKey: string, operator: string | null) {
    const key = `${risk}\u001f${operator ?? ''}\u001f${operator === null ? 0 : 1}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { risk, shiftKey, operator, stages: newStages() }));
    return cell;
  }

  part(): ReportPart {
    // Rows were counted by their whole breakdown text (one map entry per row); each distinct text is
    // split into its columns' tallies once.
    const tallies = new Map<string, number>();
    for (const [text, n] of this.breakdown)
      for (const key of tallyKeys(parseBreakdown(text))) tallies.set(key, (tallies.get(key) ?? 0) + n);
    return {
      slots: this.slots,
      tallies,
      subjects: subjectsOf(this.subjectIds, this.subjectKeys),
      cells: [...this.cells.values()].map((cell) => ({
        ...cell,
        stages: Object.fromEntries(
          TIMER_STAGES.map((stage) => [
            stage,
            { ...cell.stages[stage], times: durationsOf(cell.stages[stage].times) },
          ]),
        ) as unknown as Cell['stages'],
      })),
      breaches: { total: this.breachTotal, worst: this.breaches.top[0], top: () => this.breaches.top },
    };
  }
}

/**
 * Adds rows of REPORT_ROWS_SQL into one part per shift (by the IST time each flag was received):
 * the one pass over the rows. Running stages are timed to context.nowMs.
 */
export function partsByShift(rows: Iterable<ReportRow>, context: ReportContext): Map<string, ReportPart> {
  const shiftOf = shiftOfTime(context.schedule);
  const builders = new Map<string, PartBuilder>();
  for (const row of rows) {
    const receivedAtMs = row[COL.receivedAtMs] as number;
    const shiftKey = shiftOf(receivedAtMs);
    let part = builders.get(shiftKey);
    if (!part) builders.set(shiftKey, (part = new PartBuilder()));
    const slot = Math.floor(receivedAtMs / SLOT_MS);
    part.slots.set(slot, (part.slots.get(slot) ?? 0) + 1);
    const key = row[COL.breakdown] as string;
    part.breakdown.set(key, (part.breakdown.get(key) ?? 0) + 1);
    const subject = row[COL.subject] as number | string | null;
    if (typeof subject === 'number') part.subjectIds.push(subject);
    else if (subject !== null) part.subjectKeys.push(subject);
    addTimes(part, row, receivedAtMs, shiftKey, context.nowMs);
  }
  return new Map([...builders].map(([shiftKey, builder]) => [shiftKey, builder.part()]));
}

function addTimes(part: PartBuilder, row: ReportRow, receivedAtMs: number, shiftKey: string, nowMs: number) {
  const seq = row[COL.seq] as number;
  const risk = row[COL.risk] as Risk;
  const closedAtMs = row[COL.closedAtMs] as number | null;
  const cell = part.cell(risk, shiftKey, row[COL.acknowledgedBy] as string | null);
  const timers = flagTimers(
    {
      risk,
      receivedAtMs,
      acknowledgedAtMs: row[COL.acknowledgedAtMs] as number | null,
      dispatchedAtMs: row[COL.dispatchedAtMs] as number | null,
      confirmedAtMs: row[COL.confirmedAtMs] as number | null,
      closedAtMs,
    },
    nowMs,
  );
  for (const timer of timers) {
    // Not started (no dispatch to confirm), or left undone when the flag was closed (a false
    // positive needs no dispatch): nothing to time.
    if (timer.elapsedMs === null || (timer.doneAtMs === null && closedAtMs !== null)) continue;
    const tally = cell.stages[timer.stage];
    if (timer.doneAtMs === null) tally.running++;
    else tally.times.push(timer.elapsedMs);
    if (!timer.breached) continue;
    tally.breached++;
    part.breachTotal++;
    part.breaches.offer({
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
