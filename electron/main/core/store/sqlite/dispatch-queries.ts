// Dispatch, the unit's confirmation and close: each one transaction that checks the flag's state,
// writes the step and appends its flag event (who, when, what), so no step is lost or done twice.
import {
  confirmRefusal,
  dispatchReasonMissing,
  dispatchRefusal,
  type CloseDetails,
  type DispatchDetails,
} from '../../../../../shared/dispatch';
import type { QueueItem } from '../../../../../shared/domain';
import { coded, ContractError } from '../../../../../shared/errors';
import { assertClosable, closedEventDetail, undoCloseStep } from '../flag-steps';
import { toQueueItem } from '../flag-row';
import { appendFlagEvent as event, flagRow } from './flag-rows';
import { caseNoOf } from '../../../../../shared/case-number';
import { scheduleFollowUps } from './follow-up-queries';
import { DEFAULT_FOLLOW_UP_AFTER_MS } from '../../../../../shared/follow-ups';
import type { SqliteDatabase } from './open-database';

export function dispatchFlag(
  db: SqliteDatabase,
  id: string,
  operator: string,
  details: DispatchDetails,
  atMs: number,
): QueueItem {
  return db.transaction(() => {
    const row = flagRow(db, id);
    const refusal = dispatchRefusal(caseNoOf(row.seq), row.state);
    if (refusal) throw new ContractError('conflict', refusal, 'id');
    // Which units may receive a dispatch is the registry's, checked by the core (dispatchUnitRefusal).
    if (dispatchReasonMissing(details.unitKey, row.unit_key, details.reason))
      throw new ContractError('invalid_request', coded('dispatch.reason_required', {}), 'reason');
    db.prepare(
      `INSERT INTO dispatches (flag_id, unit_key, routed_unit_key, reason, called, means, unit_reference,
        dispatched_by, dispatched_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      details.unitKey,
      row.unit_key,
      details.reason ?? null,
      details.called,
      details.means,
      details.unitReference ?? null,
      operator,
      atMs,
    );
    db.prepare(
      `UPDATE flags SET state = 'dispatched', dispatch_unit_key = ?, dispatched_at_ms = ?, confirmed_at_ms = NULL,
         received_by = NULL, received_via = NULL, officers_sent_at_ms = NULL, contact_at_ms = NULL,
         unit_outcome = NULL, unit_outcome_at_ms = NULL,
         handed_back_unit_key = NULL, handed_back_by = NULL, handed_back_at_ms = NULL
       WHERE id = ?`,
    ).run(details.unitKey, atMs, id);
    event(db, id, atMs, 'dispatched', operator, {
      unitKey: details.unitKey,
      routedUnitKey: row.unit_key,
      reason: details.reason ?? null,
      called: details.called,
      means: details.means,
      unitReference: details.unitReference ?? null,
    });
    return toQueueItem(flagRow(db, id));
  })();
}

export function confirmDispatch(
  db: SqliteDatabase,
  id: string,
  operator: string,
  confirmedBy: string,
  atMs: number,
): QueueItem {
  return db.transaction(() => {
    const row = flagRow(db, id);
    const refusal = confirmRefusal(caseNoOf(row.seq), row.state, row.confirmed_at_ms);
    if (refusal) throw new ContractError('conflict', refusal, 'id');
    db.prepare(
      `UPDATE dispatches SET confirmed_by = ?, confirmed_at_ms = ?, confirmation_recorded_by = ?,
         received_via = 'telephone'
       WHERE seq = (SELECT max(seq) FROM dispatches WHERE flag_id = ?)`,
    ).run(confirmedBy, atMs, operator, id);
    // The telephone path, for units without a console: marked as such (a unit desk's receipt is 'console').
    db.prepare(
      `UPDATE flags SET confirmed_at_ms = ?, received_by = ?, received_via = 'telephone' WHERE id = ?`,
    ).run(atMs, confirmedBy, id);
    event(db, id, atMs, 'unit_confirmed', operator, {
      confirmedBy,
      unitKey: row.dispatch_unit_key,
      via: 'telephone',
    });
    return toQueueItem(flagRow(db, id));
  })();
}

export function closeFlag(
  db: SqliteDatabase,
  id: string,
  operator: string,
  details: CloseDetails,
  atMs: number,
  followUpAfterMs: readonly number[] = DEFAULT_FOLLOW_UP_AFTER_MS,
): QueueItem {
  return db.transaction(() => {
    const row = flagRow(db, id);
    assertClosable(row, details);
    db.prepare(`UPDATE flags SET state = 'closed', closed_at_ms = ?, outcome = ? WHERE id = ?`).run(
      atMs,
      details.outcome,
      id,
    );
    event(db, id, atMs, 'closed', operator, closedEventDetail(details));
    scheduleFollowUps(db, row, details.outcome, atMs, followUpAfterMs);
    return toQueueItem(flagRow(db, id));
  })();
}

/**
 * Takes a close back (a wrong click): the flag returns to the step it was at, its check-ins are
 * unscheduled, and a 'close_undone' event is appended — the 'closed' event stays in the history.
 */
export function undoClose(db: SqliteDatabase, id: string, operator: string, atMs: number): QueueItem {
  return db.transaction(() => {
    const row = flagRow(db, id);
    const lastClose = db
      .prepare<[string], { actor: string | null; at_ms: number; detail_json: string }>(
        `SELECT actor, at_ms, detail_json FROM flag_events WHERE flag_id = ? AND kind = 'closed'
         ORDER BY seq DESC LIMIT 1`,
      )
      .get(id);
    const { back, detail } = undoCloseStep(
      row,
      lastClose
        ? { actor: lastClose.actor, atMs: lastClose.at_ms, auditDetailJson: lastClose.detail_json }
        : null,
      operator,
      atMs,
    );
    db.prepare(
      `UPDATE flags SET state = ?, closed_at_ms = NULL, outcome = NULL,
         follow_up_sequence = NULL, follow_up_after_ms = NULL, follow_up_due_at_ms = NULL WHERE id = ?`,
    ).run(back, id);
    // Check-ins the close scheduled and nobody has answered: there is no close to follow up now.
    db.prepare('DELETE FROM follow_ups WHERE flag_id = ? AND done_at_ms IS NULL').run(id);
    event(db, id, atMs, 'close_undone', operator, detail);
    return toQueueItem(flagRow(db, id));
  })();
}
