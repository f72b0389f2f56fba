// The alarm load's worst shift. A mean over 30 days hides a flood: "0.01 per 10 minutes, 0.0 % in
// flood" minutes after one. So the report also names the shift that carried the most alarms, with
// its own rate and its own share of time in flood (ISA-18.2 judges load per shift and per peak,
// not per month). Pure: the SQL files read the alarms and flood spans, this decides.
import type { Report } from '../../../../../shared/report';
import { SLOT_MS } from './report-range';

type ShiftLoad = Report['alarmLoad']['perOperator']['shifts'][number];
export type WorstShift = NonNullable<Report['alarmLoad']['worstShift']>;

/** A flood as the alarm log pairs it; endMs null while it is still on. */
export interface FloodSpan {
  startMs: number;
  endMs: number | null;
}

/** Time of the floods inside [fromMs, toMs); a flood still on runs to toMs. */
export function floodWithin(floods: readonly FloodSpan[], fromMs: number, toMs: number): number {
  return floods.reduce(
    (sum, f) => sum + Math.max(0, Math.min(f.endMs ?? toMs, toMs) - Math.max(f.startMs, fromMs)),
    0,
  );
}

/**
 * The shift (its part within the report) with the most alarms; on a tie the one with more time in
 * flood, then the later one (the freshest is the likelier to be asked about). Ranked by count, not
 * by rate: a shift cut to a few minutes by the range's edge would otherwise win with one alarm.
 * Null when no shift carried an alarm or a flood.
 */
export function worstShift(shifts: readonly ShiftLoad[], floods: readonly FloodSpan[]): WorstShift | null {
  let worst: WorstShift | null = null;
  for (const s of shifts) {
    if (s.windowMs <= 0) continue;
    const floodMs = floodWithin(floods, s.fromMs, s.fromMs + s.windowMs);
    if (s.alarms === 0 && floodMs === 0) continue;
    const candidate: WorstShift = {
      shiftId: s.shiftId,
      startMs: s.startMs,
      windowMs: s.windowMs,
      alarms: s.alarms,
      per10Min: (s.alarms * SLOT_MS) / s.windowMs,
      floodMs,
      floodShare: floodMs / s.windowMs,
    };
    if (
      worst === null ||
      candidate.alarms > worst.alarms ||
      (candidate.alarms === worst.alarms && candidate.floodMs >= worst.floodMs)
    )
      worst = candidate;
  }
  return worst;
}
