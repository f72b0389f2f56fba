// Alarms per 10 minutes per operator (ISA-18.2's load on one person), alike for every engine: each
// shift instance that meets the report's windows divides its alarms — flag arrivals plus feed
// alarms, as the room's figure counts them — by the operators on its roster. Arrivals come from the
// report's 10-minute slots; only a shift edge that falls inside a slot (a schedule may start at
// 06:05) is left to the engine to count exactly. A shift with nobody rostered is listed, never
// guessed at.
import type { Report } from '../../../../../shared/report';
import { shiftAt, type Shift } from '../../../../../shared/shifts/schedule';
import { SLOT_MS, type ReportWindow } from './report-range';

export type OperatorLoad = Report['alarmLoad']['perOperator'];

/** A shift instance clipped to one of the report's windows. */
export interface ShiftPiece {
  shiftId: string;
  shiftKey: string;
  startMs: number;
  fromMs: number;
  toMs: number;
}

/** The shift instances meeting the windows, each clipped to its window. */
export function shiftPieces(windows: readonly ReportWindow[], schedule: readonly Shift[]): ShiftPiece[] {
  const result: ShiftPiece[] = [];
  for (const w of windows) {
    for (let t = w.fromMs; t < w.toMs;) {
      const instance = shiftAt(schedule, t);
      const toMs = Math.min(instance.endMs, w.toMs);
      result.push({
        shiftId: instance.id,
        shiftKey: instance.key,
        startMs: instance.startMs,
        fromMs: t,
        toMs,
      });
      t = toMs;
    }
  }
  return result;
}

/**
 * The arrivals of [fromMs, toMs) that the report's whole slots hold (bySlot: slot → count), and the
 * edges (each within one slot) the engine must count exactly.
 */
export function slotArrivals(
  fromMs: number,
  toMs: number,
  bySlot: ReadonlyMap<number, number>,
): { n: number; edges: [number, number][] } {
  const first = Math.ceil(fromMs / SLOT_MS);
  const end = Math.floor(toMs / SLOT_MS);
  if (first >= end) return { n: 0, edges: fromMs < toMs ? [[fromMs, toMs]] : [] };
  let n = 0;
  for (let slot = first; slot < end; slot++) n += bySlot.get(slot) ?? 0;
  const edges = (
    [
      [fromMs, first * SLOT_MS],
      [end * SLOT_MS, toMs],
    ] as [number, number][]
  ).filter(([a, b]) => a < b);
  return { n, edges };
}

/** The ranged roster read: ids sort by date first, so one range from the first piece's date to the last's. */
export const rosterIdRange = (pieces: readonly ShiftPiece[]): [string, string] => [
  pieces[0]!.shiftId.slice(0, 10),
  `${pieces.at(-1)!.shiftId.slice(0, 10)};`,
];

/**
 * The load from each piece's flag arrivals (in piece order), the feed alarms' start times, and the
 * operators rostered per shift instance id.
 */
export function operatorLoadOf(
  pieces: readonly ShiftPiece[],
  arrivals: readonly number[],
  feedAlarmTimes: readonly number[],
  roster: ReadonlyMap<string, number>,
): OperatorLoad {
  let rosteredMs = 0;
  let perOperatorAlarms = 0;
  const shifts = pieces.map((p, i) => {
    const windowMs = p.toMs - p.fromMs;
    const operators = roster.get(p.shiftId) ?? 0;
    const alarms = arrivals[i]! + feedAlarmTimes.filter((t) => p.fromMs <= t && t < p.toMs).length;
    if (operators > 0) {
      rosteredMs += windowMs;
      perOperatorAlarms += alarms / operators;
    }
    const per10Min = operators > 0 ? (alarms / operators) * (SLOT_MS / windowMs) : null;
    return {
      shiftId: p.shiftId,
      shiftKey: p.shiftKey,
      startMs: p.startMs,
      fromMs: p.fromMs,
      windowMs,
      operators,
      alarms,
      per10Min,
    };
  });
  return { per10Min: rosteredMs > 0 ? (perOperatorAlarms * SLOT_MS) / rosteredMs : null, rosteredMs, shifts };
}
