// Report parts (report-part.ts) added up into a report's figures: counts summed, subjects counted
// across every part (a repeat may span days), and each group's median and p90 from the samples of
// the cells it unites, exact (report-quantiles.ts).
import { RISKS, type Risk } from '../../../../shared/domain';
import type { Report, StagesStats } from '../../../../shared/report';
import { stageTarget, TIMER_STAGES, type TimerStage } from '../../../../shared/timers';
import { caseNoOf } from './flag-rows';
import { worse, WorstBreaches, type Cell, type ReportPart } from './report-part';
import { medianAndP90Of } from './report-quantiles';
import { countRepeats, type Subjects } from './report-subjects';

function stats(cells: readonly Cell[], targetOf: (stage: TimerStage) => number | null): StagesStats {
  const entries = TIMER_STAGES.map((stage) => {
    let running = 0;
    let breached = 0;
    const times: ArrayLike<number>[] = [];
    for (const cell of cells) {
      const tally = cell.stages[stage];
      if (tally.times.length > 0) times.push(tally.times);
      running += tally.running;
      breached += tally.breached;
    }
    const count = times.reduce((n, t) => n + t.length, 0);
    return [stage, { count, ...medianAndP90Of(times), running, breached, targetMs: targetOf(stage) }];
  });
  return Object.fromEntries(entries) as StagesStats;
}

const riskTarget = (risk: Risk) => (stage: TimerStage) => stageTarget(stage, risk);

function groupBy<K>(cells: readonly Cell[], keyOf: (cell: Cell) => K | null): Map<K, Cell[]> {
  const groups = new Map<K, Cell[]>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  return groups;
}

export class ReportSum {
  private readonly slotCounts = new Map<number, number>();
  private readonly tallyCounts = new Map<string, number>();
  private readonly subjects: Subjects[] = [];
  private readonly cells: Cell[] = [];
  private readonly breachLists: ReportPart['breaches'][] = [];
  private breachTotal = 0;

  add(part: ReportPart): void {
    for (const [slot, n] of part.slots) this.slotCounts.set(slot, (this.slotCounts.get(slot) ?? 0) + n);
    for (const [key, n] of part.tallies) this.tallyCounts.set(key, (this.tallyCounts.get(key) ?? 0) + n);
    this.subjects.push(part.subjects);
    this.cells.push(...part.cells);
    this.breachTotal += part.breaches.total;
    if (part.breaches.worst !== undefined) this.breachLists.push(part.breaches);
  }

  /**
   * The worst REPORT_BREACH_CAP breaches of all the parts. Lists are taken worst first by their worst
   * breach; each is worst first too, so a list stops at its first breach not kept, and the lists stop
   * at the first whose worst is not kept. A year's report reads a handful of its 1,095 kept lists.
   */
  private worstBreaches(): WorstBreaches {
    const kept = new WorstBreaches();
    const lists = [...this.breachLists].sort((a, b) => worse(a.worst!, b.worst!));
    for (const list of lists) {
      if (!kept.admits(list.worst!)) break;
      for (const breach of list.top()) if (!kept.offer(breach)) break;
    }
    return kept;
  }

  /** Flags per 10-minute slot, oldest first (slots without flags absent). */
  slots(): { slot: number; n: number }[] {
    return [...this.slotCounts].map(([slot, n]) => ({ slot, n })).sort((a, b) => a.slot - b.slot);
  }

  /** One tally (report-part.ts tallyKeys), 0 when no flag counted in it. */
  count(key: string): number {
    return this.tallyCounts.get(key) ?? 0;
  }

  /** A column's tallies, most first; null stands for no value, e.g. a flag that could not be placed. */
  keyed(column: string): { key: string | null; count: number }[] {
    const rows: { key: string | null; count: number }[] = [];
    for (const [key, count] of this.tallyCounts)
      if (key === column) rows.push({ key: null, count });
      else if (key.startsWith(`${column}=`)) rows.push({ key: key.slice(column.length + 1), count });
    // Most first; the unplaced (null) after named keys of the same count, then by name: a stable order.
    return rows.sort(
      (a, b) =>
        b.count - a.count ||
        (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
        String(a.key).localeCompare(String(b.key)),
    );
  }

  /** Accounts flagged at least twice (subject_key: a hash, never the account itself). */
  repeats(): Report['repeats'] {
    return countRepeats(this.subjects);
  }

  /** Response times by risk, by each of `shiftKeys` (in that order) and by operator; the breaches. */
  response(shiftKeys: readonly string[]): Report['response'] {
    const none = () => null;
    const byRisk = groupBy(this.cells, (c) => c.risk);
    const byShift = groupBy(this.cells, (c) => c.shiftKey);
    const byOperator = groupBy(this.cells, (c) => c.operator);
    return {
      byRisk: Object.fromEntries(RISKS.map((r) => [r, stats(byRisk.get(r) ?? [], riskTarget(r))])) as Record<
        Risk,
        StagesStats
      >,
      byShift: shiftKeys.map((shiftKey) => ({ shiftKey, stages: stats(byShift.get(shiftKey) ?? [], none) })),
      byOperator: [...byOperator]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operator, cells]) => ({ operator, stages: stats(cells, none) })),
      breaches: {
        total: this.breachTotal,
        items: this.worstBreaches().top.map(({ seq, ...b }) => ({ caseNo: caseNoOf(seq), ...b })),
      },
    };
  }
}
