// Welfare check-ins after a closed intervention: a student the police reached is asked after again
// a day, three days and a week later. The rules live here for main (which schedules) and the desk.
import { z } from 'zod';
import type { Outcome } from './dispatch';
import { coded, type CodedMessage } from './errors';

const HOUR_MS = 3600_000;
/** When the check-ins fall due, counted from the close (24 h, 72 h, 7 days). */
export const DEFAULT_FOLLOW_UP_AFTER_MS: readonly number[] = [24 * HOUR_MS, 72 * HOUR_MS, 7 * 24 * HOUR_MS];

/** Closes that reached a person get check-ins; a false positive, duplicate or no-trace does not. */
export const OUTCOMES_WITH_FOLLOW_UP: readonly Outcome[] = [
  'contacted',
  'welfare_check_done',
  'counselling_referral',
  'hospitalised',
];

export const FOLLOW_UP_OUTCOMES = [
  'safe_and_well',
  'support_ongoing',
  'needs_intervention',
  'not_reached',
] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const followUpDetailsSchema = z.object({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: z.string().trim().max(500, 'note: at most 500 characters').optional(),
});
export type FollowUpDetails = z.infer<typeof followUpDetailsSchema>;

/** The check-in schedule as configured: 1–10 distinct offsets, each from 1 second (drills) to 90 days. */
export const followUpScheduleSchema = z
  .array(
    z
      .number()
      .int('followUpAfterMs: whole milliseconds')
      .min(1000, 'followUpAfterMs: at least 1 second')
      .max(90 * 24 * HOUR_MS, 'followUpAfterMs: at most 90 days'),
  )
  .max(10, 'followUpAfterMs: at most 10 check-ins')
  .refine((list) => list.every((ms, i) => i === 0 || ms > list[i - 1]!), {
    error: 'followUpAfterMs: each check-in later than the one before',
  });

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: HOUR_MS, d: 24 * HOUR_MS };

/** Configuration text like "24h,72h,7d" (s, m, h, d); the error names the part and the rule. */
export function parseFollowUpText(
  text: string,
): { ok: true; afterMs: number[] } | { ok: false; error: string } {
  const afterMs: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(part);
    if (!match) return { ok: false, error: `"${part}": a number and s, m, h or d, e.g. 24h` };
    afterMs.push(Math.round(Number(match[1]) * UNIT_MS[match[2]!]!));
  }
  const parsed = followUpScheduleSchema.safeParse(afterMs);
  return parsed.success ? { ok: true, afterMs } : { ok: false, error: parsed.error.issues[0]!.message };
}

/**
 * A check-in's offset from the close in its largest whole unit (3 days, 24 hours; drills: minutes,
 * seconds). The desk words it in its language (renderer/ui/format/span.ts).
 */
export function followUpSpan(afterMs: number): { unit: 'days' | 'hours' | 'minutes' | 'seconds'; n: number } {
  const hours = afterMs / HOUR_MS;
  if (hours >= 48 && Number.isInteger(hours / 24)) return { unit: 'days', n: hours / 24 };
  if (hours >= 1) return { unit: 'hours', n: Math.round(hours) };
  if (afterMs >= 60_000) return { unit: 'minutes', n: Math.round(afterMs / 60_000) };
  return { unit: 'seconds', n: Math.round(afterMs / 1000) }; // drills only
}

/**
 * Why this check-in cannot be recorded now, or null when it can: one is due on the flag, and it is
 * the one the desk names (so a late click cannot record one for the next).
 */
export function followUpRefusal(
  id: string,
  dueSequence: number | null,
  sequence: number,
): CodedMessage | null {
  if (dueSequence === null) return coded('followup.none_due', { id });
  if (dueSequence !== sequence) return coded('followup.wrong_sequence', { id, sequence, due: dueSequence });
  return null;
}
