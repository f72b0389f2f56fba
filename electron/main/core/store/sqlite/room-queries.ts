// The room's store block: what each acting command answered (so a retry after a lost answer gets the
// same answer and never acts twice), the room's own flag events (a takeover), and the read that
// answers a retried reveal without recording a second one.
import type { PersonalDetail } from '../../../../../shared/domain';
import { coded, ContractError } from '../../../../../shared/errors';
import type { RequestResult } from '../store-types';
import { appendFlagEvent } from './flag-rows';
import type { SqliteDatabase } from './open-database';

export function getRequestResult(db: SqliteDatabase, requestId: string): RequestResult | null {
  return (
    db
      .prepare<[string], RequestResult>(
        `SELECT request_id AS requestId, channel, actor, at_ms AS atMs, result_json AS resultJson
         FROM request_results WHERE request_id = ?`,
      )
      .get(requestId) ?? null
  );
}

/** Keeps the first answer: a second write for the same id (a race the core already prevents) is ignored. */
export function putRequestResult(db: SqliteDatabase, entry: RequestResult): void {
  db.prepare(
    `INSERT INTO request_results (request_id, channel, actor, at_ms, result_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (request_id) DO NOTHING`,
  ).run(entry.requestId, entry.channel, entry.actor, entry.atMs, entry.resultJson);
}

export function purgeRequestResults(db: SqliteDatabase, olderThanMs: number): number {
  return db.prepare('DELETE FROM request_results WHERE at_ms < ?').run(olderThanMs).changes;
}

/** A room event in a flag's history (copied to the audit trail by migration 6's trigger). */
export function recordFlagEvent(
  db: SqliteDatabase,
  id: string,
  atMs: number,
  kind: string,
  actor: string,
  detail: object,
): void {
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM flags WHERE id = ?').get(id);
  if (!exists) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
  appendFlagEvent(db, id, atMs, kind, actor, detail);
}

interface PersonalRow {
  subject_json: string;
  content_json: string | null;
  location_json: string | null;
  institution: string | null;
}

/**
 * The personal fields again, for a reveal whose answer was lost on the way: the first attempt
 * recorded the reveal (who, when, why); the operator has still seen them only once.
 */
export function readPersonalDetail(db: SqliteDatabase, id: string): PersonalDetail {
  const row = db
    .prepare<[string], PersonalRow>(
      'SELECT subject_json, content_json, location_json, institution FROM flag_personal WHERE flag_id = ?',
    )
    .get(id);
  if (!row) throw new ContractError('not_found', coded('reveal.not_held', { id }), 'id');
  const parsed = (json: string | null) =>
    json === null ? null : (JSON.parse(json) as Record<string, unknown>);
  return {
    id,
    subject: parsed(row.subject_json) ?? {},
    content: parsed(row.content_json),
    location: parsed(row.location_json),
    institution: row.institution,
  };
}
