// A district control room's actions on a flag dispatched to it (shared/unit-actions.ts): receipt,
// its steps, a hand-back. Each is one transaction that checks the flag as it stands, writes the
// current dispatch's row and the flag's columns, and appends the flag event (copied to the audit
// trail by trigger), so the chain is in both and no step is lost or done twice.
import { unitActionRefusal, type UnitAction } from '../../../../../shared/unit-actions';
import type { QueueItem } from '../../../../../shared/domain';
import { ContractError } from '../../../../../shared/errors';
import { toQueueItem } from '../flag-row';
import { appendFlagEvent as event, flagRow } from './flag-rows';
import type { SqliteDatabase } from './open-database';

const LATEST_DISPATCH = '(SELECT max(seq) FROM dispatches WHERE flag_id = ?)';

export function recordUnitAction(
  db: SqliteDatabase,
  id: string,
  action: UnitAction,
  by: string,
  atMs: number,
): QueueItem {
  return db.transaction(() => {
    const refusal = unitActionRefusal(toQueueItem(flagRow(db, id)), action);
    if (refusal) throw new ContractError('conflict', refusal, 'id');
    const { unitKey } = action;
    if (action.kind === 'receipt') {
      db.prepare(
        `UPDATE dispatches SET confirmed_by = ?, confirmed_at_ms = ?, confirmation_recorded_by = ?,
           received_via = 'console' WHERE seq = ${LATEST_DISPATCH}`,
      ).run(by, atMs, by, id);
      db.prepare(
        `UPDATE flags SET confirmed_at_ms = ?, received_by = ?, received_via = 'console' WHERE id = ?`,
      ).run(atMs, by, id);
      event(db, id, atMs, 'unit_received', by, { unitKey, via: 'console' });
    } else if (action.kind === 'hand_back') {
      db.prepare(
        `UPDATE dispatches SET handed_back_by = ?, handed_back_at_ms = ? WHERE seq = ${LATEST_DISPATCH}`,
      ).run(by, atMs, id);
      // Back to the step before the dispatch, for the supervisor to route again; the dispatch row stays.
      db.prepare(
        `UPDATE flags SET state = 'acknowledged', dispatch_unit_key = NULL, dispatched_at_ms = NULL,
           confirmed_at_ms = NULL, received_by = NULL, received_via = NULL, officers_sent_at_ms = NULL,
           contact_at_ms = NULL, unit_outcome = NULL, unit_outcome_at_ms = NULL,
           handed_back_unit_key = ?, handed_back_by = ?, handed_back_at_ms = ?
         WHERE id = ?`,
      ).run(unitKey, by, atMs, id);
      event(db, id, atMs, 'handed_back', by, { unitKey, reason: action.reason });
    } else {
      const { step } = action;
      if (step.kind === 'officers_sent') {
        db.prepare(
          `UPDATE dispatches SET officers = ?, officers_sent_at_ms = ? WHERE seq = ${LATEST_DISPATCH}`,
        ).run(step.officers, atMs, id);
        db.prepare('UPDATE flags SET officers_sent_at_ms = ? WHERE id = ?').run(atMs, id);
      } else if (step.kind === 'contact_made') {
        db.prepare(`UPDATE dispatches SET contact_at_ms = ? WHERE seq = ${LATEST_DISPATCH}`).run(atMs, id);
        db.prepare('UPDATE flags SET contact_at_ms = ? WHERE id = ?').run(atMs, id);
      } else {
        db.prepare(
          `UPDATE dispatches SET unit_outcome = ?, unit_outcome_at_ms = ? WHERE seq = ${LATEST_DISPATCH}`,
        ).run(step.outcome, atMs, id);
        db.prepare('UPDATE flags SET unit_outcome = ?, unit_outcome_at_ms = ? WHERE id = ?').run(
          step.outcome,
          atMs,
          id,
        );
      }
      event(db, id, atMs, 'unit_step', by, {
        unitKey,
        step: step.kind,
        ...(step.kind === 'officers_sent' ? { officers: step.officers } : {}),
        ...(step.kind === 'outcome' ? { outcome: step.outcome } : {}),
        note: step.note ?? null,
      });
    }
    return toQueueItem(flagRow(db, id));
  })();
}
