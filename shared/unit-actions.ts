// What a district control room does with a flag the command centre dispatched to it, as rules for
// the core (which decides) and the unit desk's forms: acknowledge receipt (which is the unit's
// confirmation), record its steps (officers sent, contact made, the outcome), or hand the flag back
// with a reason so the command centre's supervisor routes it again.
import { z } from 'zod';
import { OUTCOMES, type Outcome } from './dispatch';
import type { QueueItem } from './domain';
import type { AccountRole } from './accounts';
import { coded, type CodedMessage } from './errors';

export const UNIT_STEP_KINDS = ['officers_sent', 'contact_made', 'outcome'] as const;
export type UnitStepKind = (typeof UNIT_STEP_KINDS)[number];

const note = z.string().trim().max(500, 'note: at most 500 characters').optional();

/** "SI Meena and two constables": the police's own people, never the student. */
export const officersSchema = z
  .string()
  .trim()
  .min(2, 'officers: at least 2 characters')
  .max(120, 'officers: at most 120 characters')
  .regex(/^[\p{L}\p{M}\p{N} .,/'&-]+$/u, "officers: letters, digits, spaces and . , / ' & - only");

export const unitStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('officers_sent'), officers: officersSchema, note }).strict(),
  z.object({ kind: z.literal('contact_made'), note }).strict(),
  z.object({ kind: z.literal('outcome'), outcome: z.enum(OUTCOMES), note }).strict(),
]);
export type UnitStep = z.infer<typeof unitStepSchema>;

/** "Not in our area: student is in Bundi" is 38; a hand-back must say why. */
export const HAND_BACK_REASON_MIN = 10;
export const handBackReasonSchema = z
  .string()
  .trim()
  .min(HAND_BACK_REASON_MIN, `reason: at least ${HAND_BACK_REASON_MIN} characters`)
  .max(200, 'reason: at most 200 characters');

/** One unit action as the store records it; `unitKey` is the unit it was dispatched to. */
export type UnitAction =
  | { kind: 'receipt'; unitKey: string }
  | { kind: 'step'; unitKey: string; step: UnitStep }
  | { kind: 'hand_back'; unitKey: string; reason: string };

/** The unit's side of the current dispatch, as the queue item carries it (no typed text). */
export const unitProgressSchema = z.object({
  /** Who acknowledged receipt, and how: at a unit desk, or typed in after a telephone call. */
  receivedBy: z.string().nullable(),
  via: z.enum(['console', 'telephone']).nullable(),
  officersSentAtMs: z.number().nullable(),
  contactAtMs: z.number().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeAtMs: z.number().nullable(),
});
export type UnitProgress = z.infer<typeof unitProgressSchema>;

/** A flag a unit handed back, waiting for the supervisor to route it again (no reason: the wall sees it). */
export const handBackSchema = z.object({ unitKey: z.string(), by: z.string(), atMs: z.number() });
export type HandBack = z.infer<typeof handBackSchema>;

type Dispatched = Pick<QueueItem, 'caseNo' | 'state' | 'dispatch'> & {
  dispatch: (QueueItem['dispatch'] & { progress?: UnitProgress | null }) | null;
};

/** Why this unit action cannot be taken on the flag as it stands, or null when it can. */
export function unitActionRefusal(item: Dispatched, action: UnitAction): CodedMessage | null {
  const { caseNo } = item;
  if (item.state !== 'dispatched' || item.dispatch === null || item.dispatch.unitKey !== action.unitKey)
    return coded('unit.not_dispatched', { caseNo });
  const received = item.dispatch.confirmedAtMs !== null;
  if (action.kind === 'receipt') return received ? coded('unit.already_received', { caseNo }) : null;
  if (action.kind === 'hand_back') return null;
  if (!received) return coded('unit.not_received', { caseNo });
  if (action.step.kind === 'outcome' && item.dispatch.progress?.outcome)
    return coded('unit.outcome_recorded', { caseNo });
  return null;
}

/** The outcome a unit recorded, for the command centre's close form to start from. */
export function unitOutcomeOf(item: { dispatch: { progress?: UnitProgress | null } | null }): Outcome | null {
  return item.dispatch?.progress?.outcome ?? null;
}

/** A flag a unit handed back goes to the supervisor: only a supervisor (or administrator) routes it again. */
export function mayRouteAgain(role: AccountRole | undefined): boolean {
  return role === 'supervisor' || role === 'administrator';
}
