// Welfare check-ins: scheduled in the close's transaction, surfaced into the queue when due (one at a
// time per flag, earliest first), and done when the desk records the outcome. Each step is a flag
// event, so other desks and the audit see it like any other change.
import type { Outcome } from '../../../../../shared/dispatch';
import type { QueueItem } from '../../../../../shared/domain';
import { OUTCOMES_WITH_FOLLOW_UP, type FollowUpDetails } from '../../../../../shared/follow-ups';
import { assertFollowUpDue } from '../flag-steps';
import { toQueueItem, type FlagRow } from '../flag-row';
import { appendFlagEvent as event, flagRow } from './flag-rows';
import type { SqliteDatabase } from './open-database';

export function scheduleFollowUps(
  db: SqliteDatabase,
  row: FlagRow,
  outcome: Outcome,
  closedAtMs: number,
  afterMs: readonly number[],
): void {
  if (!OUTCOMES_WITH_FOLLOW_UP.includes(outcome)) return;
  const insert = db.prepare(
    'INSERT INTO follow_ups (flag_id, sequence, after_ms, due_at_ms, training) VALUES (?, ?, ?, ?, ?)',
  );
  afterMs.forEach((after, index) => insert.run(row.id, index + 1, after, closedAtMs + after, row.training));
}

interface WaitingRow {
  flag_id: string;
  sequence: number;
  after_ms: number;
  due_at_ms: number;
}

/**
 * Brings every check-in that has fallen due into the queue, unless its flag already shows one (the
 * next waits for that outcome: a desk back after a week off sees one check-in per flag, not three).
 */
export function surfaceDueFollowUps(db: SqliteDatabase, nowMs: number): QueueItem[] {
  return db.transaction(() => {
    const due = db
      .prepare<[number], WaitingRow>(
        `SELECT f.flag_id, f.sequence, f.after_ms, f.due_at_ms FROM follow_ups f
         WHERE f.surfaced_at_ms IS NULL AND f.due_at_ms <= ?
           AND f.sequence = (SELECT min(sequence) FROM follow_ups w WHERE w.flag_id = f.flag_id AND w.done_at_ms IS NULL)
           AND (SELECT follow_up_sequence FROM flags WHERE id = f.flag_id) IS NULL
         ORDER BY f.due_at_ms`,
      )
      .all(nowMs);
    const markSurfaced = db.prepare(
      'UPDATE follow_ups SET surfaced_at_ms = ? WHERE flag_id = ? AND sequence = ?',
    );
    const showOnFlag = db.prepare(
      'UPDATE flags SET follow_up_sequence = ?, follow_up_after_ms = ?, follow_up_due_at_ms = ? WHERE id = ?',
    );
    return due.map((f) => {
      markSurfaced.run(nowMs, f.flag_id, f.sequence);
      showOnFlag.run(f.sequence, f.after_ms, f.due_at_ms, f.flag_id);
      event(db, f.flag_id, nowMs, 'follow_up_due', null, { sequence: f.sequence, afterMs: f.after_ms });
      return toQueueItem(flagRow(db, f.flag_id));
    });
  })();
}

export function recordFollowUp(
  db: SqliteDatabase,
  id: string,
  sequence: number,
  operator: string,
  details: FollowUpDetails,
  atMs: number,
): QueueItem {
  return db.transaction(() => {
    const row = flagRow(db, id);
    assertFollowUpDue(id, row.follow_up_sequence, sequence);
    db.prepare(
      'UPDATE follow_ups SET outcome = ?, note = ?, done_by = ?, done_at_ms = ? WHERE flag_id = ? AND sequence = ?',
    ).run(details.outcome, details.note ?? null, operator, atMs, id, sequence);
    db.prepare(
      'UPDATE flags SET follow_up_sequence = NULL, follow_up_after_ms = NULL, follow_up_due_at_ms = NULL WHERE id = ?',
    ).run(id);
    event(db, id, atMs, 'follow_up_done', operator, {
      sequence,
      outcome: details.outcome,
      note: details.note ?? null,
    });
    return toQueueItem(flagRow(db, id));
  })();
}
