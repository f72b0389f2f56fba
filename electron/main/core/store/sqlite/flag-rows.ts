// A flag's row read on SQLite (its layout and QueueItem mapping: ../flag-row.ts), and the flag event
// every step appends.
import { coded, ContractError } from '../../../../../shared/errors';
import { QUEUE_COLUMNS, type FlagRow } from '../flag-row';
import type { SqliteDatabase } from './open-database';
import { flagEventAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';

export function flagRow(db: SqliteDatabase, id: string): FlagRow {
  const row = db.prepare<[string], FlagRow>(`SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = ?`).get(id);
  if (!row) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
  return row;
}

/** Every step a person or the system takes on a flag is one of these: the history, other desks' refresh, the audit. */
export function appendFlagEvent(
  db: SqliteDatabase,
  id: string,
  atMs: number,
  kind: string,
  actor: string | null,
  detail: object,
) {
  const detailJson = JSON.stringify(detail);
  const write = () => {
    db.prepare(
      'INSERT INTO flag_events (flag_id, at_ms, kind, actor, detail_json) VALUES (?, ?, ?, ?, ?)',
    ).run(id, atMs, kind, actor, detailJson);
    appendAudit(db, flagEventAudit(id, atMs, kind, actor, detailJson));
  };
  // The event and its audit entry are one: in the caller's transaction, or in one of their own.
  if (db.inTransaction) write();
  else db.transaction(write)();
}
