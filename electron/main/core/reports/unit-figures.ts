// The per-unit figures (shared/unit-report.ts) from one row per dispatch: pure, so every engine
// asks its store for the rows and gives them here.
import {
  UNIT_TARGETS,
  type UnitFigures,
  type UnitReport,
  type UnitStageStats,
} from '../../../../shared/unit-report';
import { medianAndP90 } from '../store/report/report-quantiles';

import type { UnitDispatchRow } from '../store/store';

function stage(
  rows: UnitDispatchRow[],
  doneAt: (r: UnitDispatchRow) => number | null,
  targetMs: number,
  nowMs: number,
): UnitStageStats {
  const done: number[] = [];
  let running = 0;
  let breached = 0;
  for (const row of rows) {
    const at = doneAt(row);
    if (at !== null) done.push(at - row.dispatchedAtMs);
    // A hand-back ends the unit's clock: the flag is no longer its to act on.
    else if (row.handedBackAtMs === null) {
      running++;
      if (nowMs - row.dispatchedAtMs >= targetMs) breached++;
    }
    if (at !== null && at - row.dispatchedAtMs >= targetMs) breached++;
  }
  return { count: done.length, ...medianAndP90(Float64Array.from(done)), running, breached, targetMs };
}

export function unitFigures(rows: readonly UnitDispatchRow[], nowMs: number): UnitFigures[] {
  const byUnit = new Map<string, UnitDispatchRow[]>();
  for (const row of rows) byUnit.set(row.unitKey, [...(byUnit.get(row.unitKey) ?? []), row]);
  const figures = [...byUnit].map(([unitKey, list]) => ({
    unitKey,
    dispatches: list.length,
    viaConsole: list.filter((r) => r.via === 'console').length,
    viaTelephone: list.filter((r) => r.via === 'telephone').length,
    handBacks: list.filter((r) => r.handedBackAtMs !== null).length,
    receipt: stage(list, (r) => r.receivedAtMs, UNIT_TARGETS.receiptMs, nowMs),
    contact: stage(list, (r) => r.contactAtMs, UNIT_TARGETS.contactMs, nowMs),
    outcome: stage(list, (r) => r.outcomeAtMs, UNIT_TARGETS.outcomeMs, nowMs),
  }));
  // The slowest to receive first: where the superintendent looks.
  return figures.sort(
    (a, b) =>
      (b.receipt.medianMs ?? Infinity) - (a.receipt.medianMs ?? Infinity) ||
      a.unitKey.localeCompare(b.unitKey),
  );
}

/** The per-unit report over a range, from the store's rows. */
export function unitReportOf(
  rows: readonly UnitDispatchRow[],
  range: { fromMs: number; toMs: number },
  nowMs: number,
): UnitReport {
  return { fromMs: range.fromMs, toMs: range.toMs, generatedAtMs: nowMs, units: unitFigures(rows, nowMs) };
}
