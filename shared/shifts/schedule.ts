// The room's shift schedule and the arithmetic on it, in India Standard Time whatever the machine's
// time zone. The schedule is configuration: validated so that shifts have no gaps, no overlaps and
// cover the 24 hours.
import { z } from 'zod';
import { IST_OFFSET_MS, istDate } from '../time/ist';

const DAY_MIN = 24 * 60;
const MINUTE_MS = 60_000;
export const HANDOVER_WARNING_MS = 30 * MINUTE_MS;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (00:00–23:59)');

export const shiftSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,23}$/, 'a lowercase key (a–z, 0–9, -)'),
  start: hhmm,
  end: hhmm,
});
export type Shift = z.infer<typeof shiftSchema>;

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const lengthOf = (s: Shift) => (minutesOf(s.end) - minutesOf(s.start) + DAY_MIN) % DAY_MIN || DAY_MIN;

export const scheduleSchema = z
  .array(shiftSchema)
  .min(1, 'at least one shift')
  .max(6, 'at most six shifts')
  .superRefine((shifts, ctx) => {
    const keys = new Set(shifts.map((s) => s.key));
    if (keys.size !== shifts.length) ctx.addIssue({ code: 'custom', message: 'shift keys must be unique' });
    const sorted = [...shifts].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    sorted.forEach((shift, i) => {
      const next = sorted[(i + 1) % sorted.length]!;
      if (shift.end !== next.start) {
        const kind =
          (minutesOf(next.start) - minutesOf(shift.end) + DAY_MIN) % DAY_MIN < DAY_MIN / 2
            ? 'a gap'
            : 'an overlap';
        ctx.addIssue({
          code: 'custom',
          path: [shifts.indexOf(shift), 'end'],
          message: `${kind} between "${shift.key}" (ends ${shift.end}) and "${next.key}" (starts ${next.start})`,
        });
      }
    });
    const total = shifts.reduce((sum, s) => sum + lengthOf(s), 0);
    if (total !== DAY_MIN)
      ctx.addIssue({ code: 'custom', message: `the shifts cover ${total / 60} h, not 24 h` });
  });

/** Three 8-hour shifts, 06:00–14:00, 14:00–22:00, 22:00–06:00 IST. */
export const DEFAULT_SCHEDULE: readonly Shift[] = [
  { key: 'morning', start: '06:00', end: '14:00' },
  { key: 'evening', start: '14:00', end: '22:00' },
  { key: 'night', start: '22:00', end: '06:00' },
];

/** One occurrence of a shift: the "night" of 25 Nov runs 25 Nov 22:00 → 26 Nov 06:00 IST. */
export interface ShiftInstance {
  /** `YYYY-MM-DD:key`, the IST date on which the shift starts. */
  id: string;
  key: string;
  startMs: number;
  endMs: number;
}

function istMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - IST_OFFSET_MS;
}

export function instanceOf(schedule: readonly Shift[], date: string, key: string): ShiftInstance {
  const shift = schedule.find((s) => s.key === key);
  if (!shift) throw new RangeError(`no shift "${key}"`);
  const startMs = istMidnight(date) + minutesOf(shift.start) * MINUTE_MS;
  return { id: `${date}:${key}`, key, startMs, endMs: startMs + lengthOf(shift) * MINUTE_MS };
}

export function parseInstanceId(schedule: readonly Shift[], id: string): ShiftInstance | null {
  const match = /^(\d{4}-\d{2}-\d{2}):([a-z][a-z0-9-]*)$/.exec(id);
  if (!match || !schedule.some((s) => s.key === match[2])) return null;
  return instanceOf(schedule, match[1]!, match[2]!);
}

/** The shift instance running at `ms` (a shift that started yesterday evening counts). */
export function shiftAt(schedule: readonly Shift[], ms: number): ShiftInstance {
  const today = istDate(ms);
  const yesterday = istDate(ms - 24 * 3600_000);
  for (const date of [today, yesterday]) {
    for (const shift of schedule) {
      const instance = instanceOf(schedule, date, shift.key);
      if (instance.startMs <= ms && ms < instance.endMs) return instance;
    }
  }
  throw new RangeError('the schedule does not cover this time'); // unreachable for a valid schedule
}

export function previousShift(schedule: readonly Shift[], instance: ShiftInstance): ShiftInstance {
  return shiftAt(schedule, instance.startMs - 1);
}

export interface ShiftClock {
  current: ShiftInstance;
  next: ShiftInstance;
  msToHandover: number;
  /** From 30 minutes before the change. */
  handoverWarning: boolean;
}

export function shiftClock(schedule: readonly Shift[], ms: number): ShiftClock {
  const current = shiftAt(schedule, ms);
  const msToHandover = current.endMs - ms;
  return {
    current,
    next: shiftAt(schedule, current.endMs),
    msToHandover,
    handoverWarning: msToHandover <= HANDOVER_WARNING_MS,
  };
}

/**
 * The schedule as configuration text: `morning=06:00-14:00,evening=14:00-22:00,night=22:00-06:00`.
 * Returns the validated schedule or the first broken rule in words.
 */
export function parseScheduleText(
  text: string,
): { ok: true; schedule: Shift[] } | { ok: false; error: string } {
  const shifts: unknown[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([^=]+)=([^-]+)-(.+)$/.exec(part);
    if (!match) return { ok: false, error: `"${part}" is not key=HH:MM-HH:MM` };
    shifts.push({ key: match[1]!.trim(), start: match[2]!.trim(), end: match[3]!.trim() });
  }
  const result = scheduleSchema.safeParse(shifts);
  return result.success
    ? { ok: true, schedule: result.data }
    : { ok: false, error: result.error.issues[0]!.message };
}

export const rosterEntrySchema = z.object({
  desk: z.string().trim().min(1, 'desk: required').max(32, 'desk: at most 32 characters'),
  operator: z
    .string()
    .trim()
    .min(2, 'operator: at least 2 characters')
    .max(64, 'operator: at most 64 characters'),
  supervisor: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** Who is on which desk in one shift; exactly one shift supervisor, no desk twice. */
export const rosterSchema = z
  .array(rosterEntrySchema)
  .max(50)
  .superRefine((entries, ctx) => {
    const desks = new Set(entries.map((e) => e.desk));
    if (desks.size !== entries.length) ctx.addIssue({ code: 'custom', message: 'each desk appears once' });
    if (entries.length > 0 && entries.filter((e) => e.supervisor).length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'exactly one shift supervisor' });
    }
  });
