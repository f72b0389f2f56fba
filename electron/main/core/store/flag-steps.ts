// What both engines do around a step on a flag, apart from their SQL: which shared rule refuses it
// and how the refusal reaches the desk (the error's kind and field), and what the step's event says.
import { caseNoOf } from '../../../../shared/case-number';
import type { FlagState, Risk } from '../../../../shared/domain';
import {
  closeRefusal,
  stateAfterUndoClose,
  undoCloseRefusal,
  type CloseDetails,
} from '../../../../shared/dispatch';
import { ContractError } from '../../../../shared/errors';
import { followUpRefusal } from '../../../../shared/follow-ups';

/** Throws when the flag may not be closed so (shared/dispatch.ts closeRefusal). */
export function assertClosable(
  row: { seq: number; risk: Risk; state: FlagState },
  details: CloseDetails,
): void {
  const refusal = closeRefusal({ caseNo: caseNoOf(row.seq), risk: row.risk, state: row.state }, details);
  if (!refusal) return;
  // A missing reason is the request's to fix; anything else is the flag's state.
  const missingReason = refusal.code === 'close.reason_required';
  throw new ContractError(
    missingReason ? 'invalid_request' : 'conflict',
    refusal,
    missingReason ? 'reason' : 'outcome',
  );
}

/** The 'closed' event's detail. */
export const closedEventDetail = (details: CloseDetails) => ({
  outcome: details.outcome,
  note: details.note ?? null,
  // Only when given (closeNeedsReason): every other close keeps the event's earlier shape.
  ...(details.reason ? { reason: details.reason } : {}),
});

/**
 * Undoing a close: throws when this operator may not now (shared/dispatch.ts undoCloseRefusal);
 * else the state the flag goes back to and the 'close_undone' event's detail. `lastClose` is the
 * flag's latest 'closed' event, its detail in the audit form (the outcome is a code, kept there).
 */
export function undoCloseStep(
  row: { seq: number; state: FlagState; dispatched_at_ms: number | null },
  lastClose: { actor: string | null; atMs: number; auditDetailJson: string } | null,
  operator: string,
  atMs: number,
) {
  const refusal = undoCloseRefusal(caseNoOf(row.seq), row.state, lastClose, operator, atMs);
  if (refusal) throw new ContractError('conflict', refusal, 'id');
  const back = stateAfterUndoClose(row.dispatched_at_ms);
  const closed = JSON.parse(lastClose!.auditDetailJson) as { outcome?: string };
  return { back, detail: { outcome: closed.outcome ?? null, closedAtMs: lastClose!.atMs, state: back } };
}

/** Throws unless the check-in the desk names is the one due (shared/follow-ups.ts followUpRefusal). */
export function assertFollowUpDue(id: string, dueSequence: number | null, sequence: number): void {
  const refusal = followUpRefusal(id, dueSequence, sequence);
  if (refusal) throw new ContractError('conflict', refusal, dueSequence === null ? 'id' : 'sequence');
}
