// The audit trail's hash chain: how an entry is hashed and how the whole trail is checked. Each
// entry's hash covers its own fields and the previous entry's hash, so changing, removing or
// reordering any entry breaks every link after it. Plain Node: used by the store's SQL functions
// (register-audit-functions.ts) and by `lifeline verify`.
import type Database from 'better-sqlite3-multiple-ciphers';
import { auditHash, GENESIS_PREV_HASH, type AuditEntry } from '../store/audit-hash';

// How one entry is hashed is the seam's (store/audit-hash.ts), so every engine chains alike.
export { auditAtText, auditHash, GENESIS_PREV_HASH, type AuditEntry } from '../store/audit-hash';

/** The triggers that make the trail append-only and feed it (migration 8); verify checks they exist. */
export const AUDIT_TRIGGERS = [
  'audit_log_no_update',
  'audit_log_no_delete',
  'audit_append_insert',
  'audit_flag_events',
  'audit_alarm_log',
  'audit_roster_insert',
  'audit_roster_update',
  'audit_roster_delete',
  'audit_handover_signed',
  'audit_handover_received',
  'audit_session_log',
  'audit_account_created',
  'audit_account_role',
  'audit_account_lock',
  'audit_account_password',
  'audit_unit_contact_set',
  'audit_unit_contact_changed',
  'audit_unit_registry_saved',
] as const;

export type AuditVerification =
  | { ok: true; entries: number; head: { seq: number; at: string; hash: string } }
  | { ok: false; entries: number; firstBrokenSeq: number; firstBrokenAt: string; reason: string };

/** Walks the trail in order; stops at the first entry that is missing, altered or out of chain. */
export function verifyAuditChain(db: Database.Database): AuditVerification {
  let previous: AuditEntry | null = null;
  let entries = 0;
  for (const row of db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    const broken = (reason: string): AuditVerification => ({
      ok: false,
      entries,
      firstBrokenSeq: row.seq,
      firstBrokenAt: row.at,
      reason,
    });
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (row.seq !== expectedSeq) {
      const gap =
        row.seq - 1 > expectedSeq ? `entries ${expectedSeq}–${row.seq - 1} are` : `entry ${expectedSeq} is`;
      return broken(`${gap} missing before it`);
    }
    if (row.prev_hash !== (previous ? previous.hash : GENESIS_PREV_HASH))
      return broken('its link to the previous entry does not match');
    if (auditHash(row) !== row.hash) return broken('its contents do not match its hash');
    previous = row;
    entries++;
  }
  // Migration 8 writes the first entry itself: a trail without one was emptied.
  if (previous === null)
    return { ok: false, entries, firstBrokenSeq: 1, firstBrokenAt: '-', reason: 'the trail is empty' };
  return {
    ok: true,
    entries,
    head: { seq: previous.seq, at: previous.at, hash: previous.hash },
  };
}

/** The append-only and feeding triggers that are not in the database (dropped: tampering). */
export function missingAuditTriggers(db: Database.Database): string[] {
  const present = new Set(
    db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
      .all()
      .map((r) => r.name),
  );
  return AUDIT_TRIGGERS.filter((name) => !present.has(name));
}
