// Retention on PostgreSQL (mirrors sqlite/retention-queries.ts): a closed flag's personal fields are
// erased once closed for the retention period, its de-identified record kept. Per flag: its
// flag_personal row is deleted, its subject key cleared, typed notes and dispatch reasons set to NULL,
// and every event's sealed detail dropped (its audit form, in clear, is all that stays). Quarantined
// records received before the cutoff lose their sealed raw text and id hint.
// What PostgreSQL keeps of a deleted row (a dead tuple until VACUUM, the WAL until it is recycled)
// was ciphertext: nothing erased here was ever in clear on the server.
import type { PurgeResult } from '../store-types';
import { appendFlagEvent } from './pg-flag-rows';
import type { Tx } from './pg-db';

export const PG_PURGE_BATCH = 500;

export async function purgePersonal(
  tx: Tx,
  options: { olderThanMs: number; nowMs: number; by: string; limit?: number },
): Promise<PurgeResult> {
  const { olderThanMs, nowMs, by } = options;
  const limit = options.limit ?? PG_PURGE_BATCH;
  if (!Number.isFinite(olderThanMs) || olderThanMs < 0)
    throw new RangeError('olderThanMs must be a non-negative number');
  if (!by.trim()) throw new RangeError('by: who runs the purge is required');
  const cutoffMs = nowMs - olderThanMs;
  const due = await tx.query<{ id: string }>(
    `SELECT id FROM flags
     WHERE state = 'closed' AND personal_erased_at_ms IS NULL AND closed_at_ms < $1
       AND NOT EXISTS (SELECT 1 FROM follow_ups u WHERE u.flag_id = flags.id AND u.done_at_ms IS NULL)
     ORDER BY closed_at_ms LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [cutoffMs, limit + 1],
  );
  const more = due.length > limit;
  if (more) due.pop();
  const deferred = (await tx.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM flags
     WHERE state = 'closed' AND personal_erased_at_ms IS NULL AND closed_at_ms < $1
       AND EXISTS (SELECT 1 FROM follow_ups u WHERE u.flag_id = flags.id AND u.done_at_ms IS NULL)`,
    [cutoffMs],
  ))!.n;
  const counts = {
    cutoffMs,
    flagsErased: 0,
    personalRowsDeleted: 0,
    eventsRedacted: 0,
    notesErased: 0,
    quarantineErased: 0,
    deferred,
  };
  for (const { id } of due) {
    const personal = await tx.run('DELETE FROM flag_personal WHERE flag_id = $1', [id]);
    await tx.run('UPDATE flags SET subject_key = NULL, personal_erased_at_ms = $1 WHERE id = $2', [
      nowMs,
      id,
    ]);
    const notes =
      (await tx.run(
        'UPDATE follow_ups SET note_sealed = NULL WHERE flag_id = $1 AND note_sealed IS NOT NULL',
        [id],
      )) +
      (await tx.run(
        'UPDATE dispatches SET reason_sealed = NULL WHERE flag_id = $1 AND reason_sealed IS NOT NULL',
        [id],
      ));
    // An event whose detail is all codes lost nothing by its audit form: counted as SQLite counts,
    // only those whose full detail differed from it.
    const sealed = await tx.query<{
      seq: number;
      at_ms: number;
      kind: string;
      detail_audit: string;
      detail_sealed: Buffer;
    }>(
      'SELECT seq, at_ms, kind, detail_audit, detail_sealed FROM flag_events WHERE flag_id = $1 AND detail_sealed IS NOT NULL',
      [id],
    );
    let events = 0;
    for (const e of sealed) {
      const full = tx.crypto.open(e.detail_sealed, `flag_events.detail_json|${id}|${e.at_ms}|${e.kind}`);
      if (full !== e.detail_audit) events++;
    }
    await tx.run(
      'UPDATE flag_events SET detail_sealed = NULL WHERE flag_id = $1 AND detail_sealed IS NOT NULL',
      [id],
    );
    await appendFlagEvent(tx, id, nowMs, 'personal_erased', by, {
      olderThanMs,
      personalRows: personal,
      eventsRedacted: events,
      notesErased: notes,
    });
    counts.flagsErased++;
    counts.personalRowsDeleted += personal;
    counts.eventsRedacted += events;
    counts.notesErased += notes;
  }
  counts.quarantineErased = await tx.run(
    `UPDATE quarantine SET raw_sealed = NULL, id_hint = NULL
     WHERE received_at_ms < $1 AND (raw_sealed IS NOT NULL OR id_hint IS NOT NULL)`,
    [cutoffMs],
  );
  if (counts.quarantineErased > 0)
    tx.audit({
      atMs: nowMs,
      actor: by,
      action: 'quarantine.raw_erased',
      target: null,
      detailJson: JSON.stringify({ olderThanMs, records: counts.quarantineErased }),
    });
  // No WAL of ours to truncate: the server's WAL only ever held ciphertext.
  return { ...counts, more, walTruncated: true };
}
