// A district control room's actions on a flag dispatched to it (shared/unit-actions.ts) on
// PostgreSQL: receipt, its steps, a hand-back. One transaction that locks the flag's row, checks it
// as it stands, writes the current dispatch's row and the flag's columns, and appends the flag event
// with its audit entry (mirrors sqlite/unit-queries.ts). The officers' names are sealed, bound to the
// dispatch (keyring.ts's DISPATCH_KEY); a hand-back's reason and a step's note only in the event.
import { unitActionRefusal, type UnitAction } from '../../../../../shared/unit-actions';
import type { QueueItem } from '../../../../../shared/domain';
import { ContractError } from '../../../../../shared/errors';
import { toQueueItem } from '../flag-row';
import { appendFlagEvent as event, flagRow } from './pg-flag-rows';
import type { Tx } from './pg-db';
import type { ReportRange, UnitDispatchRow } from '../store-types';

export async function recordUnitAction(
  tx: Tx,
  id: string,
  action: UnitAction,
  by: string,
  atMs: number,
): Promise<QueueItem> {
  const refusal = unitActionRefusal(toQueueItem(await flagRow(tx, id)), action);
  if (refusal) throw new ContractError('conflict', refusal, 'id');
  const latest = await tx.one<{ seq: number; dispatched_at_ms: number }>(
    'SELECT seq, dispatched_at_ms FROM dispatches WHERE flag_id = $1 ORDER BY seq DESC LIMIT 1',
    [id],
  );
  const seq = latest?.seq ?? null;
  const { unitKey } = action;
  if (action.kind === 'receipt') {
    await tx.run(
      `UPDATE dispatches SET confirmed_by = $1, confirmed_at_ms = $2, confirmation_recorded_by = $1,
         received_via = 'console' WHERE seq = $3`,
      [by, atMs, seq],
    );
    await tx.run(
      `UPDATE flags SET confirmed_at_ms = $1, received_by = $2, received_via = 'console' WHERE id = $3`,
      [atMs, by, id],
    );
    await event(tx, id, atMs, 'unit_received', by, { unitKey, via: 'console' });
  } else if (action.kind === 'hand_back') {
    await tx.run('UPDATE dispatches SET handed_back_by = $1, handed_back_at_ms = $2 WHERE seq = $3', [
      by,
      atMs,
      seq,
    ]);
    // Back to the step before the dispatch, for the supervisor to route again; the dispatch row stays.
    await tx.run(
      `UPDATE flags SET state = 'acknowledged', dispatch_unit_key = NULL, dispatched_at_ms = NULL,
         confirmed_at_ms = NULL, received_by = NULL, received_via = NULL, officers_sent_at_ms = NULL,
         contact_at_ms = NULL, unit_outcome = NULL, unit_outcome_at_ms = NULL,
         handed_back_unit_key = $1, handed_back_by = $2, handed_back_at_ms = $3
       WHERE id = $4`,
      [unitKey, by, atMs, id],
    );
    await event(tx, id, atMs, 'handed_back', by, { unitKey, reason: action.reason });
  } else {
    const { step } = action;
    if (step.kind === 'officers_sent') {
      const aad = `dispatches.officers|${id}|${latest?.dispatched_at_ms ?? ''}`;
      await tx.run('UPDATE dispatches SET officers_sealed = $1, officers_sent_at_ms = $2 WHERE seq = $3', [
        tx.crypto.seal(step.officers, aad),
        atMs,
        seq,
      ]);
      await tx.run('UPDATE flags SET officers_sent_at_ms = $1 WHERE id = $2', [atMs, id]);
    } else if (step.kind === 'contact_made') {
      await tx.run('UPDATE dispatches SET contact_at_ms = $1 WHERE seq = $2', [atMs, seq]);
      await tx.run('UPDATE flags SET contact_at_ms = $1 WHERE id = $2', [atMs, id]);
    } else {
      await tx.run('UPDATE dispatches SET unit_outcome = $1, unit_outcome_at_ms = $2 WHERE seq = $3', [
        step.outcome,
        atMs,
        seq,
      ]);
      await tx.run('UPDATE flags SET unit_outcome = $1, unit_outcome_at_ms = $2 WHERE id = $3', [
        step.outcome,
        atMs,
        id,
      ]);
    }
    await event(tx, id, atMs, 'unit_step', by, {
      unitKey,
      step: step.kind,
      ...(step.kind === 'officers_sent' ? { officers: step.officers } : {}),
      ...(step.kind === 'outcome' ? { outcome: step.outcome } : {}),
      note: step.note ?? null,
    });
  }
  return toQueueItem(await flagRow(tx, id, false));
}

/** The rows of the per-unit figures, as sqlite/unit-report-queries.ts: one per dispatch in the range, live flags only. */
export async function unitDispatchRows(tx: Tx, range: ReportRange): Promise<UnitDispatchRow[]> {
  return tx.query<UnitDispatchRow & Record<string, unknown>>(
    `SELECT d.unit_key AS "unitKey", d.dispatched_at_ms AS "dispatchedAtMs",
       d.confirmed_at_ms AS "receivedAtMs", d.received_via AS via, d.contact_at_ms AS "contactAtMs",
       d.unit_outcome_at_ms AS "outcomeAtMs", d.handed_back_at_ms AS "handedBackAtMs"
     FROM dispatches d JOIN flags f ON f.id = d.flag_id
     WHERE d.dispatched_at_ms >= $1 AND d.dispatched_at_ms < $2 AND f.training = 0
     ORDER BY d.seq`,
    [range.fromMs, range.toMs],
  );
}
