// The shift clock as the views show it. The rule itself (which shift, when the handover warning
// starts) lives only in shared/shifts/schedule.ts; this only guards and rounds for display.
import { shiftClock, type Shift, type ShiftClock } from '../../../shared/shifts/schedule';

/** The clock, or null while the schedule is not known yet (or not usable). */
export function shiftClockOrNull(
  schedule: readonly Shift[] | null | undefined,
  nowMs: number,
): ShiftClock | null {
  if (!schedule || schedule.length === 0) return null;
  try {
    return shiftClock(schedule, nowMs);
  } catch {
    return null;
  }
}

/** A countdown shown to the minute rounds up: 40 s left is "1 min", never "0 min". */
export function countdownMs(ms: number): number {
  return Math.ceil(Math.max(0, ms) / 60_000) * 60_000;
}

/** The shift's i18n key for its name; a configured key without a translation shows as itself. */
const shiftNameKey = (key: string) => `shift.name.${key}`;

/** The shift's name in the language `t` translates to (a key without a translation, as itself). */
export const shiftName = (t: (key: string, options: { defaultValue: string }) => string, key: string) =>
  t(shiftNameKey(key), { defaultValue: key });
