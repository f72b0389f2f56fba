// The SQLite engine's side of the audit trail: appending an entry (audit-entries.ts builds it) in
// the writer's transaction, and the admin reads (store-admin.ts): the trail walked in seq order
// through the seam's checker, the triggers that guard it, the anchors the signed handovers carry,
// and an export of a range recorded in the trail in the same transaction.
import { auditChainChecker, type AuditVerification } from '../audit-chain-check';
import type { AuditInput } from '../audit-entries';
import type { AuditEntry } from '../audit-hash';
import type { AuditExport, AuditExportInput, StoredAnchor } from '../store-admin';
import type { SqliteDatabase } from './open-database';

/**
 * The triggers that keep the trail append-only and chain each entry (migration 8); verify checks they
 * exist. Since migration 26 no trigger feeds the trail: the store writes each entry (appendAudit).
 */
export const AUDIT_TRIGGERS = ['audit_log_no_update', 'audit_log_no_delete', 'audit_append_insert'] as const;

type AppendStatement = ReturnType<typeof prepareAppend>;
const prepareAppend = (db: SqliteDatabase) =>
  db.prepare<[number, string | null, string, string | null, string]>(
    'INSERT INTO audit_append (at_ms, actor, action, target, detail_json) VALUES (?, ?, ?, ?, ?)',
  );
const appendStatements = new WeakMap<SqliteDatabase, AppendStatement>();

/**
 * Appends entries (a null is none) through the audit_append view, whose INSTEAD OF trigger chains
 * each one. Call it in the transaction of the write it records, right after the write: the entry
 * and the change commit or roll back together, and entries keep the order of their writes.
 */
export function appendAudit(db: SqliteDatabase, ...entries: (AuditInput | null)[]): void {
  let insert = appendStatements.get(db);
  if (!insert) {
    insert = prepareAppend(db);
    appendStatements.set(db, insert);
  }
  for (const e of entries) if (e) insert.run(e.atMs, e.actor, e.action, e.target, e.detailJson);
}

/** Walks the trail in order with the seam's checker; stops at the first broken entry. */
export function verifyAuditChain(db: SqliteDatabase): AuditVerification {
  const checker = auditChainChecker();
  for (const row of db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    const broken = checker.add(row);
    if (broken) return broken; // leaving the loop ends the iteration (better-sqlite3 resets it)
  }
  return checker.finish();
}

/** The guarding triggers that are not in the database (dropped: tampering). */
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
