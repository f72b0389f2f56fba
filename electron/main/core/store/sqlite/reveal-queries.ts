// The reveal of a flag's personal fields: read and recorded in one transaction, so no identity is
// ever shown without its flag event (who, when, why) — which the audit trail copies.
import type { PersonalDetail } from '../../../../../shared/domain';
import { coded, ContractError } from '../../../../../shared/errors';
import { appendFlagEvent } from './flag-rows';
import type { SqliteDatabase } from './open-database';

interface PersonalRow {
  subject_json: string;
  content_json: string | null;
  location_json: string | null;
  institution: string | null;
}

const parsed = (json: string | null) =>
  json === null ? null : (JSON.parse(json) as Record<string, unknown>);

/**
 * The personal fields of a flag, read without recording anything: only for revealFlag below, in its
 * transaction, and for a reveal retried after its answer was lost (room-queries.ts), whose first
 * attempt recorded the reveal (who, when, why).
 */
export function readPersonalDetail(db: SqliteDatabase, id: string): PersonalDetail {
  const row = db
    .prepare<[string], PersonalRow>(
      'SELECT subject_json, content_json, location_json, institution FROM flag_personal WHERE flag_id = ?',
    )
    .get(id);
  if (!row) throw new ContractError('not_found', coded('reveal.not_held', { id }), 'id');
  return {
    id,
    subject: parsed(row.subject_json) ?? {},
    content: parsed(row.content_json),
    location: parsed(row.location_json),
    institution: row.institution,
  };
}

export function revealFlag(
  db: SqliteDatabase,
  id: string,
  operator: string,
  reason: string,
  atMs: number,
): PersonalDetail {
  return db.transaction(() => {
    const detail = readPersonalDetail(db, id);
    appendFlagEvent(db, id, atMs, 'revealed', operator, { reason });
    return detail;
  })();
}
