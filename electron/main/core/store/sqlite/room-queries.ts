// The room's store block: what each acting command answered (so a retry after a lost answer gets the
// same answer and never acts twice), the room's own flag events (a takeover), and the read that
// answers a retried reveal without recording a second one.
import { coded, ContractError } from '../../../../../shared/errors';
import type { RequestResult, RequestStamp } from '../store-types';
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

/**
 * An acting method with a request stamp: the action and the record of its answer in one IMMEDIATE
 * transaction (the action's own transaction nests as a savepoint), so a crash or a failure before
 * the commit leaves neither, and a retry finds the answer whenever the action is on file. An id that
 * has an answer already is refused before anything is done. Without a stamp, just the action.
 */
export function withRequestStamp<T>(
  db: SqliteDatabase,
  stamp: RequestStamp | undefined,
  answer: (result: T) => unknown,
  act: () => T,
): T {
  if (!stamp) return act();
  return db
    .transaction(() => {
      if (getRequestResult(db, stamp.requestId))
        throw new ContractError('conflict', coded('request.id_reused', {}), 'requestId');
      const result = act();
      db.prepare(
        'INSERT INTO request_results (request_id, channel, actor, at_ms, result_json) VALUES (?, ?, ?, ?, ?)',
      ).run(stamp.requestId, stamp.channel, stamp.actor, stamp.atMs, JSON.stringify(answer(result)));
      return result;
    })
    .immediate();
}

export function purgeRequestResults(db: SqliteDatabase, olderThanMs: number): number {
  return db.prepare('DELETE FROM request_results WHERE at_ms < ?').run(olderThanMs).changes;
}

/** A room event in a flag's history (and in the audit trail, as flag.<kind>: appendFlagEvent). */
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

/** The personal fields again, for a reveal whose answer was lost on the way (reveal-queries.ts). */
export { readPersonalDetail } from './reveal-queries';
