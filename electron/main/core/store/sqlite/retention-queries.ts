// Retention: a closed flag's personal fields are erased once it has been closed for the retention
// period, while its de-identified record stays (the flags row with its case number, state, outcome,
// times and route; its events; its dispatches; the audit trail). What is erased, per flag:
// - its flag_personal row (subject, content, location, institution, the raw record);
// - flags.subject_key: an unsalted hash of platform and account id, which anyone holding (or
//   enumerating) account ids can recompute, so it would tie the de-identified case back to a person;
//   the cost is that a later flag of the same account no longer lists this one as related;
// - text people typed that may describe the student: follow_ups.note and dispatches.reason (set to
//   NULL), and every event's detail, reduced to what its audit entry holds (audit-detail.ts: codes,
//   numbers, the length of each text), so a close note or a reveal reason survives as its length.
//   The officers' names on a dispatch (called, confirmed_by) are the police's, not the subject's,
//   and stay in the dispatches table.
// Quarantined records received before the cutoff lose their raw text and id hint (their field,
// rule, time, source and hash stay, so counts and redelivery de-duplication still work).
// Each erased flag gets a 'personal_erased' flag event (so an audit entry, flag.personal_erased),
// all in one transaction; then the WAL is checkpointed and truncated. secure_delete is on for every
// connection (open-database.ts), so deleted and overwritten content is zeroed in the file instead of
// lingering in free pages and cells; tests/integration/retention.test.ts decrypts every page of the
// file and of the WAL to prove it.
import type { SqliteDatabase } from './open-database';
import type { PurgeResult } from '../store-types';
import { appendFlagEvent } from './flag-rows';

/** Flags erased per call (one transaction): short enough never to hold the one writer for long. */
export const PURGE_BATCH = 500;

export interface PurgeOptions {
  /** At most this many flags per call (default PURGE_BATCH); `more` says when to call again. */
  limit?: number;
  /** Flags closed at least this long before nowMs are erased. */
  olderThanMs: number;
  nowMs: number;
  /** Who runs the purge (an operator's name, or 'system' for the schedule): the events' actor. */
  by: string;
}

export function purgePersonal(db: SqliteDatabase, options: PurgeOptions): PurgeResult {
  const { olderThanMs, nowMs, by } = options;
  const limit = options.limit ?? PURGE_BATCH;
  let more = false;
  if (!Number.isFinite(olderThanMs) || olderThanMs < 0)
    throw new RangeError('olderThanMs must be a non-negative number');
  if (!by.trim()) throw new RangeError('by: who runs the purge is required');
  const cutoffMs = nowMs - olderThanMs;
  // Already on for every connection (open-database.ts); said again here because this is the step
  // that depends on it.
  db.pragma('secure_delete = ON');

  const result = db
    .transaction((): Omit<PurgeResult, 'walTruncated' | 'more'> => {
      // Closed flags still holding personal fields, due by close time, through their partial index;
      // at most `limit` per call, so the one writer is never held long (the schedule calls again).
      const due = db
        .prepare<{ cutoff: number; limit: number }, { id: string }>(
          `SELECT id FROM flags INDEXED BY flags_retention_due
           WHERE state = 'closed' AND personal_erased_at_ms IS NULL AND closed_at_ms < @cutoff
             AND NOT EXISTS (SELECT 1 FROM follow_ups u WHERE u.flag_id = flags.id AND u.done_at_ms IS NULL)
           ORDER BY closed_at_ms LIMIT @limit`,
        )
        .all({ cutoff: cutoffMs, limit: limit + 1 });
      more = due.length > limit;
      if (more) due.pop();
      const deferred = db
        .prepare<{ cutoff: number }, { n: number }>(
          `SELECT count(*) AS n FROM flags INDEXED BY flags_retention_due
           WHERE state = 'closed' AND personal_erased_at_ms IS NULL AND closed_at_ms < @cutoff
             AND EXISTS (SELECT 1 FROM follow_ups u WHERE u.flag_id = flags.id AND u.done_at_ms IS NULL)`,
        )
        .get({ cutoff: cutoffMs })!.n;
      const counts = {
        cutoffMs,
        flagsErased: 0,
        personalRowsDeleted: 0,
        eventsRedacted: 0,
        notesErased: 0,
        quarantineErased: 0,
        deferred,
      };
      if (due.length > 0) {
        const deletePersonal = db.prepare('DELETE FROM flag_personal WHERE flag_id = ?');
        const clearKey = db.prepare(
          'UPDATE flags SET subject_key = NULL, personal_erased_at_ms = ? WHERE id = ?',
        );
        const clearNotes = db.prepare(
          'UPDATE follow_ups SET note = NULL WHERE flag_id = ? AND note IS NOT NULL',
        );
        const clearReasons = db.prepare(
          'UPDATE dispatches SET reason = NULL WHERE flag_id = ? AND reason IS NOT NULL',
        );
        const redactEvents = db.prepare(
          `UPDATE flag_events SET detail_json = audit_detail(detail_json)
           WHERE flag_id = ? AND detail_json <> audit_detail(detail_json)`,
        );
        for (const { id } of due) {
          const personal = deletePersonal.run(id).changes;
          clearKey.run(nowMs, id);
          const notes = clearNotes.run(id).changes + clearReasons.run(id).changes;
          const events = redactEvents.run(id).changes;
          appendFlagEvent(db, id, nowMs, 'personal_erased', by, {
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
      }
      counts.quarantineErased = db
        .prepare(
          `UPDATE quarantine SET raw_text = '', id_hint = NULL
           WHERE received_at_ms < ? AND (raw_text <> '' OR id_hint IS NOT NULL)`,
        )
        .run(cutoffMs).changes;
      if (counts.quarantineErased > 0)
        db.prepare(
          'INSERT INTO audit_append (at_ms, actor, action, target, detail_json) VALUES (?, ?, ?, NULL, ?)',
        ).run(
          nowMs,
          by,
          'quarantine.raw_erased',
          JSON.stringify({ olderThanMs, records: counts.quarantineErased }),
        );
      return counts;
    })
    .immediate();

  // The pages just rewritten are in the WAL; the file still holds their earlier versions until a
  // checkpoint copies them back. TRUNCATE also empties the WAL, so no old frame survives there.
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  return {
    ...result,
    more,
    walTruncated: checkpoint !== undefined && checkpoint.busy === 0 && checkpoint.log === 0,
  };
}
