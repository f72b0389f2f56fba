// Report parts (report-part.ts) added up into a report's figures: counts summed, subjects counted
// across every part (a repeat may span days), and each group's median and p90 from the samples of
// the cells it unites, exact (report-quantiles.ts).
import { RISKS, type Risk } from '../../../../../shared/domain';
import type { Report, StagesStats } from '../../../../../shared/report';
import { stageTarget, TIMER_STAGES, type TimerStage } from '../../../../../shared/timers';
import { caseNoOf } from '../../../../../shared/case-number';
import { worse, WorstBreaches, type Cell, type ReportPart } from './report-part';
import { medianAndP90ByGroup } from './report-quantiles';
import { countRepeats, type Subjects } from './report-subjects';

/**
 * Each group's figures per stage. Cell c counts in the groups groupsOf[c]; all groupings are
 * counted together, so each cell's samples are read once per stage (report-quantiles.ts).
 */
function stagesByGroup(
  cells: readonly Cell[],
  groupsOf: readonly (readonly number[])[],
  groups: number,
  targetOf: (group: number, stage: TimerStage) => number | null,
): StagesStats[] {
  const byStage = TIMER_STAGES.map((stage) => {
    const tallies = cells.map((cell) => cell.stages[stage]);
    const quantiles = medianAndP90ByGroup(
      tallies.map((t) => t.times),
      groupsOf,
      groups,
    );
    const running = new Array<number>(groups).fill(0);
    const breached = new Array<number>(groups).fill(0);
    tallies.forEach((tally, c) => {
      for (const group of groupsOf[c]!) {
        running[group]! += tally.running;
        breached[group]! += tally.breached;
      }
    });
    return { quantiles, running, breached };
  });
  return Array.from(
    { length: groups },
    (_, group) =>
      Object.fromEntries(
        TIMER_STAGES.map((stage, s) => {
          const { quantiles, running, breached } = byStage[s]!;
          const { count, medianMs, p90Ms } = quantiles[group]!;
          return [
            stage,
            {
              count,
              medianMs,
              p90Ms,
              running: running[group]!,
              breached: breached[group]!,
              targetMs: targetOf(group, stage),
            },
          ];
        }),
      ) as StagesStats,
  );
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
    // Groups in one numbering: the risks, then the shifts asked for, then the operators by name.
    const operators = [...new Set(this.cells.flatMap((c) => (c.operator === null ? [] : [c.operator])))].sort(
      (a, b) => a.localeCompare(b),
    );
    const numbered = (keys: readonly string[], from: number) =>
      new Map(keys.map((key, i) => [key, from + i]));
    const riskGroup = numbered(RISKS, 0);
    const shiftGroup = numbered(shiftKeys, RISKS.length);
    const operatorGroup = numbered(operators, RISKS.length + shiftKeys.length);
    const groupsOf = this.cells.map((cell) =>
      [
        riskGroup.get(cell.risk),
        shiftGroup.get(cell.shiftKey),
        cell.operator === null ? undefined : operatorGroup.get(cell.operator),
      ].filter((group) => group !== undefined),
    );
    const stages = stagesByGroup(
      this.cells,
      groupsOf,
      RISKS.length + shiftKeys.length + operators.length,
      (group, stage) => (group < RISKS.length ? stageTarget(stage, RISKS[group]!) : null),
    );
    return {
      byRisk: Object.fromEntries(RISKS.map((risk, i) => [risk, stages[i]!])) as Record<Risk, StagesStats>,
      byShift: shiftKeys.map((shiftKey, i) => ({ shiftKey, stages: stages[RISKS.length + i]! })),
      byOperator: operators.map((operator, i) => ({
        operator,
        stages: stages[RISKS.length + shiftKeys.length + i]!,
      })),
      breaches: {
        total: this.breachTotal,
        items: this.worstBreaches().top.map(({ seq, ...b }) => ({ caseNo: caseNoOf(seq), ...b })),
      },
    };
  }
}
