// Dispatch: the desk hands a flag to a police unit, the unit confirms, the room records the outcome
// and closes. The requests' rules live here, for main (which decides) and the desk's forms.
import { z } from 'zod';
import type { FlagState } from './domain';

export const DISPATCH_MEANS = ['phone', 'radio', 'cctns', 'in_person', 'other'] as const;
export type DispatchMeans = (typeof DISPATCH_MEANS)[number];

export const OUTCOMES = [
  'contacted',
  'welfare_check_done',
  'counselling_referral',
  'hospitalised',
  'false_positive',
  'duplicate',
  'could_not_locate',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Closing without any unit having been sent is only right when there was nothing to send for. */
export const OUTCOMES_WITHOUT_DISPATCH: readonly Outcome[] = ['false_positive', 'duplicate'];

const personName = (field: string) =>
  z
    .string()
    .trim()
    .min(2, `${field}: at least 2 characters`)
    .max(64, `${field}: at most 64 characters`)
    .regex(/^[\p{L}\p{M}\p{N} .'/-]+$/u, `${field}: letters, digits, spaces, . ' / - only`);

export const dispatchDetailsSchema = z.object({
  unitKey: z.string().regex(/^[a-z0-9-]{2,48}$/, 'unitKey: a unit from the table'),
  /** Required when the unit is not the one routing named. */
  reason: z.string().trim().max(200, 'reason: at most 200 characters').optional(),
  called: personName('called'),
  means: z.enum(DISPATCH_MEANS),
  unitReference: z
    .string()
    .trim()
    .max(40, 'unitReference: at most 40 characters')
    .regex(/^[\p{L}\p{N} ./#-]*$/u, 'unitReference: letters, digits, spaces, . / # - only')
    .optional(),
});
export type DispatchDetails = z.infer<typeof dispatchDetailsSchema>;

export const confirmationSchema = z.object({ confirmedBy: personName('confirmedBy') });

export const closeDetailsSchema = z.object({
  outcome: z.enum(OUTCOMES),
  note: z.string().trim().max(500, 'note: at most 500 characters').optional(),
});
export type CloseDetails = z.infer<typeof closeDetailsSchema>;

/** Why this flag cannot move to the asked step now, or null when it can. */
export function dispatchRefusal(state: FlagState): string | null {
  if (state === 'new') return 'acknowledge it first';
  if (state === 'dispatched') return 'it is already dispatched';
  if (state === 'closed') return 'it is closed';
  return null;
}

export function closeRefusal(state: FlagState, outcome: Outcome): string | null {
  if (state === 'new') return 'acknowledge it first';
  if (state === 'closed') return 'it is already closed';
  if (state === 'acknowledged' && !OUTCOMES_WITHOUT_DISPATCH.includes(outcome))
    return `"${outcome}" needs a dispatch first; without one only false positive or duplicate`;
  return null;
}

/**
 * Sending to another unit than the one routing chose needs a reason, so the room (and the audit)
 * can see why. The desk checks it before asking; every engine refuses a dispatch without it.
 */
export function dispatchReasonMissing(
  chosenUnitKey: string,
  routedUnitKey: string | null,
  reason: string | null | undefined,
): boolean {
  return chosenUnitKey !== routedUnitKey && !reason?.trim();
}
