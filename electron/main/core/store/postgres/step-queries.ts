// A flag's steps on PostgreSQL: dispatch, confirmation, close and its undo, welfare check-ins, the
// reveal and the room's own events. Each is one transaction that locks the flag's row, checks its
// state by shared/'s rules, writes the step and appends its event (mirrors sqlite/dispatch-queries.ts,
// follow-up-queries.ts, reveal-queries.ts, room-queries.ts).
import {
  confirmRefusal,
  dispatchReasonMissing,
  dispatchRefusal,
  type CloseDetails,
  type DispatchDetails,
  type Outcome,
} from '../../../../../shared/dispatch';
import type { PersonalDetail, QueueItem } from '../../../../../shared/domain';
import { coded, ContractError } from '../../../../../shared/errors';
import { caseNoOf } from '../../../../../shared/case-number';
import {
  DEFAULT_FOLLOW_UP_AFTER_MS,
  OUTCOMES_WITH_FOLLOW_UP,
  type FollowUpDetails,
} from '../../../../../shared/follow-ups';
import type { RequestResult, RequestStamp } from '../store-types';
import { assertClosable, assertFollowUpDue, closedEventDetail, undoCloseStep } from '../flag-steps';
import { toQueueItem, type FlagRow } from '../flag-row';
import { appendFlagEvent as event, flagRow } from './pg-flag-rows';
import type { Tx } from './pg-db';
import { personalAad } from './ingest-queries';

const current = async (tx: Tx, id: string) => toQueueItem(await flagRow(tx, id, false));

export async function dispatchFlag(
  tx: Tx,
  id: string,
  operator: string,
  details: DispatchDetails,
  atMs: number,
): Promise<QueueItem> {
  const row = await flagRow(tx, id);
  const refusal = dispatchRefusal(caseNoOf(row.seq), row.state);
  if (refusal) throw new ContractError('conflict', refusal, 'id');
  // Which units may receive a dispatch is the registry's, checked by the core (dispatchUnitRefusal).
  if (dispatchReasonMissing(details.unitKey, row.unit_key, details.reason))
    throw new ContractError('invalid_request', coded('dispatch.reason_required', {}), 'reason');
  const aad = (column: string) => `dispatches.${column}|${id}|${atMs}`;
  await tx.run(
    `INSERT INTO dispatches (flag_id, unit_key, routed_unit_key, reason_sealed, called_sealed, means,
       unit_reference_sealed, dispatched_by, dispatched_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      details.unitKey,
      row.unit_key,
      tx.crypto.seal(details.reason ?? null, aad('reason')),
      tx.crypto.seal(details.called, aad('called')),
      details.means,
      tx.crypto.seal(details.unitReference ?? null, aad('unit_reference')),
      operator,
      atMs,
    ],
  );
  await tx.run(
    `UPDATE flags SET state = 'dispatched', dispatch_unit_key = $1, dispatched_at_ms = $2, confirmed_at_ms = NULL,
       received_by = NULL, received_via = NULL, officers_sent_at_ms = NULL, contact_at_ms = NULL,
       unit_outcome = NULL, unit_outcome_at_ms = NULL,
       handed_back_unit_key = NULL, handed_back_by = NULL, handed_back_at_ms = NULL
     WHERE id = $3`,
    [details.unitKey, atMs, id],
  );
  await event(tx, id, atMs, 'dispatched', operator, {
    unitKey: details.unitKey,
    routedUnitKey: row.unit_key,
    reason: details.reason ?? null,
    called: details.called,
    means: details.means,
    unitReference: details.unitReference ?? null,
  });
  return current(tx, id);
}

export async function confirmDispatch(
  tx: Tx,
  id: string,
  operator: string,
  confirmedBy: string,
  atMs: number,
): Promise<QueueItem> {
  const row = await flagRow(tx, id);
  const refusal = confirmRefusal(caseNoOf(row.seq), row.state, row.confirmed_at_ms);
  if (refusal) throw new ContractError('conflict', refusal, 'id');
  await tx.run(
    `UPDATE dispatches SET confirmed_by = $1, confirmed_at_ms = $2, confirmation_recorded_by = $3,
       received_via = 'telephone'
     WHERE seq = (SELECT max(seq) FROM dispatches WHERE flag_id = $4)`,
    [confirmedBy, atMs, operator, id],
  );
  // The telephone path, for units without a console: marked as such (a unit desk's receipt is 'console').
  await tx.run(
    `UPDATE flags SET confirmed_at_ms = $1, received_by = $2, received_via = 'telephone' WHERE id = $3`,
    [atMs, confirmedBy, id],
  );
  await event(tx, id, atMs, 'unit_confirmed', operator, {
    confirmedBy,
    unitKey: row.dispatch_unit_key,
    via: 'telephone',
  });
  return current(tx, id);
}

async function scheduleFollowUps(
  tx: Tx,
  row: FlagRow,
  outcome: Outcome,
  closedAtMs: number,
  afterMs: readonly number[],
) {
  if (!OUTCOMES_WITH_FOLLOW_UP.includes(outcome)) return;
  for (const [index, after] of afterMs.entries())
    await tx.run(
      'INSERT INTO follow_ups (flag_id, sequence, after_ms, due_at_ms, training) VALUES ($1, $2, $3, $4, $5)',
      [row.id, index + 1, after, closedAtMs + after, row.training],
    );
}

export async function closeFlag(
  tx: Tx,
  id: string,
  operator: string,
  details: CloseDetails,
  atMs: number,
  followUpAfterMs: readonly number[] = DEFAULT_FOLLOW_UP_AFTER_MS,
): Promise<QueueItem> {
  const row = await flagRow(tx, id);
  assertClosable(row, details);
  await tx.run(`UPDATE flags SET state = 'closed', closed_at_ms = $1, outcome = $2 WHERE id = $3`, [
    atMs,
    details.outcome,
    id,
  ]);
  await event(tx, id, atMs, 'closed', operator, closedEventDetail(details));
  await scheduleFollowUps(tx, row, details.outcome, atMs, followUpAfterMs);
  return current(tx, id);
}

export async function undoClose(tx: Tx, id: string, operator: string, atMs: number): Promise<QueueItem> {
  const row = await flagRow(tx, id);
  const lastClose = await tx.one<{
    actor: string | null;
    at_ms: number;
    detail_audit: string;
    detail_sealed: Buffer | null;
  }>(
    `SELECT actor, at_ms, detail_audit, detail_sealed FROM flag_events WHERE flag_id = $1 AND kind = 'closed'
     ORDER BY seq DESC LIMIT 1`,
    [id],
  );
  const { back, detail } = undoCloseStep(
    row,
    lastClose
      ? { actor: lastClose.actor, atMs: lastClose.at_ms, auditDetailJson: lastClose.detail_audit }
      : null,
    operator,
    atMs,
  );
  await tx.run(
    `UPDATE flags SET state = $1, closed_at_ms = NULL, outcome = NULL,
       follow_up_sequence = NULL, follow_up_after_ms = NULL, follow_up_due_at_ms = NULL WHERE id = $2`,
    [back, id],
  );
  await tx.run('DELETE FROM follow_ups WHERE flag_id = $1 AND done_at_ms IS NULL', [id]);
  await event(tx, id, atMs, 'close_undone', operator, detail);
  return current(tx, id);
}

export async function surfaceDueFollowUps(tx: Tx, nowMs: number): Promise<QueueItem[]> {
  const due = await tx.query<{ flag_id: string; sequence: number; after_ms: number; due_at_ms: number }>(
    `SELECT f.flag_id, f.sequence, f.after_ms, f.due_at_ms FROM follow_ups f
     WHERE f.surfaced_at_ms IS NULL AND f.due_at_ms <= $1
       AND f.sequence = (SELECT min(sequence) FROM follow_ups w WHERE w.flag_id = f.flag_id AND w.done_at_ms IS NULL)
       AND (SELECT follow_up_sequence FROM flags WHERE id = f.flag_id) IS NULL
     ORDER BY f.due_at_ms`,
    [nowMs],
  );
  const items: QueueItem[] = [];
  for (const f of due) {
    await tx.run('UPDATE follow_ups SET surfaced_at_ms = $1 WHERE flag_id = $2 AND sequence = $3', [
      nowMs,
      f.flag_id,
      f.sequence,
    ]);
    await tx.run(
      'UPDATE flags SET follow_up_sequence = $1, follow_up_after_ms = $2, follow_up_due_at_ms = $3 WHERE id = $4',
      [f.sequence, f.after_ms, f.due_at_ms, f.flag_id],
    );
    await event(tx, f.flag_id, nowMs, 'follow_up_due', null, { sequence: f.sequence, afterMs: f.after_ms });
    items.push(await current(tx, f.flag_id));
  }
  return items;
}

export async function recordFollowUp(
  tx: Tx,
  id: string,
  sequence: number,
  operator: string,
  details: FollowUpDetails,
  atMs: number,
): Promise<QueueItem> {
  const row = await flagRow(tx, id);
  assertFollowUpDue(id, row.follow_up_sequence, sequence);
  await tx.run(
    'UPDATE follow_ups SET outcome = $1, note_sealed = $2, done_by = $3, done_at_ms = $4 WHERE flag_id = $5 AND sequence = $6',
    [
      details.outcome,
      tx.crypto.seal(details.note ?? null, `follow_ups.note|${id}/${sequence}`),
      operator,
      atMs,
      id,
      sequence,
    ],
  );
  await tx.run(
    'UPDATE flags SET follow_up_sequence = NULL, follow_up_after_ms = NULL, follow_up_due_at_ms = NULL WHERE id = $1',
    [id],
  );
  await event(tx, id, atMs, 'follow_up_done', operator, {
    sequence,
    outcome: details.outcome,
    note: details.note ?? null,
  });
  return current(tx, id);
}

export async function readPersonalDetail(tx: Tx, id: string): Promise<PersonalDetail> {
  const row = await tx.one<{
    subject_sealed: Buffer;
    content_sealed: Buffer | null;
    location_sealed: Buffer | null;
    institution_sealed: Buffer | null;
  }>(
    'SELECT subject_sealed, content_sealed, location_sealed, institution_sealed FROM flag_personal WHERE flag_id = $1',
    [id],
  );
  if (!row) throw new ContractError('not_found', coded('reveal.not_held', { id }), 'id');
  const open = (sealed: Buffer | null, column: string) => tx.crypto.open(sealed, personalAad(column, id));
  const parsed = (json: string | null) =>
    json === null ? null : (JSON.parse(json) as Record<string, unknown>);
  return {
    id,
    subject: parsed(open(row.subject_sealed, 'subject_json')) ?? {},
    content: parsed(open(row.content_sealed, 'content_json')),
    location: parsed(open(row.location_sealed, 'location_json')),
    institution: open(row.institution_sealed, 'institution'),
  };
}

export async function revealFlag(tx: Tx, id: string, operator: string, reason: string, atMs: number) {
  const detail = await readPersonalDetail(tx, id);
  await event(tx, id, atMs, 'revealed', operator, { reason });
  return detail;
}

export async function recordFlagEvent(
  tx: Tx,
  id: string,
  atMs: number,
  kind: string,
  actor: string,
  detail: object,
) {
  const exists = await tx.one('SELECT id FROM flags WHERE id = $1', [id]);
  if (!exists) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
  await event(tx, id, atMs, kind, actor, detail);
}

export async function getRequestResult(tx: Tx, requestId: string): Promise<RequestResult | null> {
  const row = await tx.one<{
    request_id: string;
    channel: string;
    actor: string;
    at_ms: number;
    result_sealed: Buffer;
  }>('SELECT request_id, channel, actor, at_ms, result_sealed FROM request_results WHERE request_id = $1', [
    requestId,
  ]);
  if (!row) return null;
  return {
    requestId: row.request_id,
    channel: row.channel,
    actor: row.actor,
    atMs: row.at_ms,
    resultJson: tx.crypto.open(row.result_sealed, `request_results.result_json|${requestId}`),
  };
}

export async function putRequestResult(tx: Tx, e: RequestResult): Promise<void> {
  await tx.run(
    `INSERT INTO request_results (request_id, channel, actor, at_ms, result_sealed) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (request_id) DO NOTHING`,
    [
      e.requestId,
      e.channel,
      e.actor,
      e.atMs,
      tx.crypto.seal(e.resultJson, `request_results.result_json|${e.requestId}`),
    ],
  );
}

export async function purgeRequestResults(tx: Tx, olderThanMs: number): Promise<number> {
  return tx.run('DELETE FROM request_results WHERE at_ms < $1', [olderThanMs]);
}

/**
 * An acting method with a request stamp (store.ts STAMP_ARGUMENT): the action and the record of its
 * answer in the action's one transaction, so a core dying before COMMIT leaves neither. An id with
 * an answer already is refused before anything is done; a concurrent core inserting the same id
 * first makes the INSERT fail on the primary key, rolling this action back — the same refusal.
 */
export async function withRequestStamp<T>(
  tx: Tx,
  stamp: RequestStamp | undefined,
  answer: (result: T) => unknown | Promise<unknown>,
  act: () => Promise<T>,
): Promise<T> {
  if (!stamp) return act();
  if (await tx.one('SELECT 1 FROM request_results WHERE request_id = $1', [stamp.requestId]))
    throw new ContractError('conflict', coded('request.id_reused', {}), 'requestId');
  const result = await act();
  const resultJson = JSON.stringify(await answer(result));
  try {
    await tx.run(
      `INSERT INTO request_results (request_id, channel, actor, at_ms, result_sealed) VALUES ($1, $2, $3, $4, $5)`,
      [
        stamp.requestId,
        stamp.channel,
        stamp.actor,
        stamp.atMs,
        tx.crypto.seal(resultJson, `request_results.result_json|${stamp.requestId}`),
      ],
    );
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new ContractError('conflict', coded('request.id_reused', {}), 'requestId');
    throw error;
  }
  return result;
}
