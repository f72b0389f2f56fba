// Dispatch: the desk hands a flag to a police unit, the unit confirms, the room records the outcome
// and closes. The requests' rules live here, for main (which decides) and the desk's forms.
import { z } from 'zod';
import { personNameSchema } from './person-name';
import type { FlagState, Risk } from './domain';
import { coded, type CodedMessage } from './errors';
import { unitOf, type UnitRegistry } from './routing/unit-registry';

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

/** The shortest reason that says something ("duplicate of LC-000123" is 23). */
export const CLOSE_REASON_MIN = 10;

/**
 * A close can be taken back for this long, by the operator who made it only: long enough to catch a
 * wrong click, short enough that nobody else has started to rely on the close.
 */
export const CLOSE_UNDO_MS = 2 * 60_000;

const personName = (field: string) => personNameSchema(field, { withSlash: true });

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
  /** Why a flag of imminent or high risk is closed with no unit sent (closeNeedsReason). */
  reason: z
    .string()
    .trim()
    .min(CLOSE_REASON_MIN, `reason: at least ${CLOSE_REASON_MIN} characters`)
    .max(200, 'reason: at most 200 characters')
    .optional(),
});
export type CloseDetails = z.infer<typeof closeDetailsSchema>;

/** Why this flag cannot move to the asked step now, or null when it can. */
export function dispatchRefusal(caseNo: string, state: FlagState): CodedMessage | null {
  if (state === 'new') return coded('dispatch.not_acknowledged', { caseNo });
  if (state === 'dispatched') return coded('dispatch.already_dispatched', { caseNo });
  if (state === 'closed') return coded('dispatch.closed', { caseNo });
  return null;
}

/**
 * Why the unit's confirmation (the telephone path) cannot be recorded now, or null when it can: only
 * a dispatched flag is awaiting one, and its latest dispatch is confirmed once.
 */
export function confirmRefusal(
  caseNo: string,
  state: FlagState,
  confirmedAtMs: number | null,
): CodedMessage | null {
  if (state !== 'dispatched') return coded('dispatch.confirm_not_dispatched', { caseNo });
  if (confirmedAtMs !== null) return coded('dispatch.already_confirmed', { caseNo });
  return null;
}

/**
 * Closing a flag of imminent or high risk with no unit sent is the close that could cost a life if
 * wrong: it needs a written reason (and the desk asks for confirmation before sending it).
 */
export function closeNeedsReason(flag: { risk: Risk; state: FlagState }): boolean {
  return flag.state === 'acknowledged' && (flag.risk === 'imminent' || flag.risk === 'high');
}

export function closeRefusal(
  flag: { caseNo: string; risk: Risk; state: FlagState },
  details: Pick<CloseDetails, 'outcome' | 'reason'>,
): CodedMessage | null {
  const { caseNo, state } = flag;
  if (state === 'new') return coded('close.not_acknowledged', { caseNo });
  if (state === 'closed') return coded('close.already_closed', { caseNo });
  if (state === 'acknowledged' && !OUTCOMES_WITHOUT_DISPATCH.includes(details.outcome))
    return coded('close.needs_dispatch', { caseNo, outcome: details.outcome });
  if (closeNeedsReason(flag) && !details.reason?.trim())
    return coded('close.reason_required', { caseNo, risk: flag.risk });
  return null;
}

/** The step a flag goes back to when its close is undone: dispatched if a unit was sent, else acknowledged. */
export const stateAfterUndoClose = (dispatchedAtMs: number | null): 'acknowledged' | 'dispatched' =>
  dispatchedAtMs === null ? 'acknowledged' : 'dispatched';

/**
 * Why this close cannot be undone by this operator now, or null when it can. `lastClose` is the
 * flag's latest 'closed' event (who and when).
 */
export function undoCloseRefusal(
  caseNo: string,
  state: FlagState,
  lastClose: { actor: string | null; atMs: number } | null,
  operator: string,
  nowMs: number,
): CodedMessage | null {
  if (state !== 'closed' || lastClose === null) return coded('undo_close.not_closed', { caseNo });
  if (lastClose.actor !== operator) return coded('undo_close.other_operator', { caseNo });
  if (nowMs - lastClose.atMs > CLOSE_UNDO_MS) return coded('undo_close.too_late', { caseNo });
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

/**
 * Why a dispatch may not name this unit: not in the registry, or no longer active (a retired unit
 * keeps its past, but its area is another's now). Checked by the core against the registry in force.
 */
export function dispatchUnitRefusal(registry: UnitRegistry, unitKey: string): CodedMessage | null {
  const unit = unitOf(registry, unitKey);
  if (!unit) return coded('dispatch.unknown_unit', { unitKey });
  if (!unit.active) return coded('dispatch.inactive_unit', { unitKey });
  return null;
}
