// The SQLite engine's side of the audit trail's admin reads (store-admin.ts): the trail walked in
// seq order through the seam's checker, the triggers that guard it, the anchors the signed
// handovers carry, and an export of a range recorded in the trail in the same transaction.
import { auditChainChecker, type AuditVerification } from '../audit-chain-check';
import type { AuditEntry } from '../audit-hash';
import type { AuditExport, AuditExportInput, StoredAnchor } from '../store-admin';
import type { SqliteDatabase } from './open-database';

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

/** Walks the trail in order with the seam's checker; stops at the first broken entry. */
export function verifyAuditChain(db: SqliteDatabase): AuditVerification {
  const checker = auditChainChecker();
  for (const row of db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    const broken = checker.add(row);
    if (broken) return broken; // leaving the loop ends the iteration (better-sqlite3 resets it)
  }
  return checker.finish();
}

/** The append-only and feeding triggers that are not in the database (dropped: tampering). */
export function missingAuditTriggers(db: SqliteDatabase): string[] {
  const present = new Set(
    db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
      .all()
      .map((r) => r.name),
  );
  return AUDIT_TRIGGERS.filter((name) => !present.has(name));
}

/** The anchors stored with the signed handovers (summaries signed before anchors existed have none). */
export function storedAnchors(db: SqliteDatabase): StoredAnchor[] {
  const rows = db
    .prepare<[], { shift_id: string; seq: number | null; hash: string | null }>(
      `SELECT shift_id,
              json_extract(summary_json, '$.auditAnchor.seq') AS seq,
              json_extract(summary_json, '$.auditAnchor.hash') AS hash
       FROM handovers WHERE json_valid(summary_json) ORDER BY signed_at_ms`,
    )
    .all();
  return rows
    .filter((r) => typeof r.seq === 'number' && typeof r.hash === 'string')
    .map((r) => ({ source: `handover ${r.shift_id}`, seq: r.seq!, hash: r.hash! }));
}

/** The entries at these seqs and those with these hashes (primary-key and hash lookups). */
export function findAuditEntries(
  db: SqliteDatabase,
  query: { seqs: readonly number[]; hashes: readonly string[] },
): { seq: number; hash: string }[] {
  const bySeq = db.prepare<[number], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE seq = ?',
  );
  const byHash = db.prepare<[string], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE hash = ? LIMIT 1',
  );
  return [...query.seqs.map((seq) => bySeq.get(seq)), ...query.hashes.map((hash) => byHash.get(hash))].filter(
    (row): row is { seq: number; hash: string } => row !== undefined,
  );
}

/**
 * The entries of a time range, the audit.exported entry recording the read, the whole chain's check
 * and its head: one IMMEDIATE transaction, so the record and the read are one.
 */
export function exportAudit(db: SqliteDatabase, input: AuditExportInput): AuditExport {
  return db
    .transaction((): AuditExport => {
      const entries = db
        .prepare<[number, number], AuditEntry>(
          'SELECT * FROM audit_log WHERE at_ms >= ? AND at_ms < ? ORDER BY seq',
        )
        .all(input.fromMs, input.toMs);
      db.prepare(
        'INSERT INTO audit_append (at_ms, actor, action, target, detail_json) VALUES (?, ?, ?, NULL, ?)',
      ).run(
        input.atMs,
        input.actor,
        'audit.exported',
        JSON.stringify({ ...input.detail, count: entries.length }),
      );
      const chain = verifyAuditChain(db);
      const head = db
        .prepare<[], Pick<AuditEntry, 'seq' | 'at' | 'hash'>>(
          'SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
        )
        .get()!;
      return { entries, chain, head };
    })
    .immediate();
}
