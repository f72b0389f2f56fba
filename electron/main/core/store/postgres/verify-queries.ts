// The PostgreSQL engine's side of `lifeline verify` and `lifeline export` (store-admin.ts
// StoreVerifier, StoreAdmin.exportAudit): the trail walked through the seam's checker, the
// append-only triggers, the signed handovers' anchors (opened with the console key: a handover's
// summary is sealed) and the export's read-and-record in one transaction. Page-level integrity is
// the server's own business (data checksums, pg_amcheck), so checkStorage says so instead of
// pretending to check it.
import type { AuditEntry } from '../audit-hash';
import { auditChainChecker } from '../audit-chain-check';
import type { AuditExport, AuditExportInput, StoreVerifier, StoredAnchor } from '../store-admin';
import type { PgDb, Tx } from './pg-db';
import { schemaVersion } from './migrations';

/** The triggers that make the PostgreSQL store's history append-only (migrations.ts). */
export const PG_APPEND_ONLY_TRIGGERS = [
  'audit_log_append_only',
  'flag_events_append_only',
  'alarm_log_append_only',
  'handovers_receipt_only',
] as const;

/** Rows of the trail are walked in pages, so a year's trail is never held in memory at once. */
const PAGE = 5000;

async function walkTrail(tx: Tx) {
  const checker = auditChainChecker();
  let after = 0;
  for (;;) {
    const rows = await tx.query<AuditEntry & Record<string, unknown>>(
      'SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2',
      [after, PAGE],
    );
    for (const row of rows) {
      const broken = checker.add(row);
      if (broken) return broken;
    }
    if (rows.length < PAGE) return checker.finish();
    after = rows[rows.length - 1]!.seq;
  }
}

async function storedAnchors(tx: Tx): Promise<StoredAnchor[]> {
  const rows = await tx.query<{ shift_id: string; summary_sealed: Buffer }>(
    'SELECT shift_id, summary_sealed FROM handovers ORDER BY signed_at_ms',
  );
  return rows.flatMap((row) => {
    const summary = JSON.parse(
      tx.crypto.open(row.summary_sealed, `handovers.summary_json|${row.shift_id}`),
    ) as {
      auditAnchor?: { seq?: unknown; hash?: unknown };
    };
    const anchor = summary.auditAnchor;
    return typeof anchor?.seq === 'number' && typeof anchor.hash === 'string'
      ? [{ source: `handover ${row.shift_id}`, seq: anchor.seq, hash: anchor.hash }]
      : [];
  });
}

export function postgresVerifier(db: PgDb): StoreVerifier {
  const read = <T>(fn: (tx: Tx) => Promise<T>) => db.tx(fn, { readOnly: true });
  return {
    schemaVersion: () => read((tx) => schemaVersion(tx.client)),
    checkStorage: async () => [
      {
        name: 'storage',
        problems: [],
        note: "pages are the server's to check (data checksums, pg_amcheck)",
      },
    ],
    verifyAuditTrail: () => read(walkTrail),
    missingAuditGuards: () =>
      read(async (tx) => {
        // A disabled trigger guards nothing: it counts as missing.
        const present = new Set(
          (
            await tx.query<{ tgname: string }>(
              `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'`,
            )
          ).map((r) => r.tgname),
        );
        return PG_APPEND_ONLY_TRIGGERS.filter((name) => !present.has(name));
      }),
    handoverAnchors: () => read(storedAnchors),
    findAuditEntries: (query) =>
      read((tx) =>
        tx.query<{ seq: number; hash: string }>(
          'SELECT seq, hash FROM audit_log WHERE seq = ANY($1::bigint[]) OR hash = ANY($2::text[]) ORDER BY seq',
          [query.seqs, query.hashes],
        ),
      ),
    close: () => db.close(),
  };
}

/**
 * The entries of a time range and the audit.exported record of the read in one transaction; the
 * record is chained at commit (pg-db.ts), so the chain's check and head are read after it.
 */
export async function exportAudit(db: PgDb, input: AuditExportInput): Promise<AuditExport> {
  const entries = await db.tx(async (tx) => {
    const rows = await tx.query<AuditEntry & Record<string, unknown>>(
      'SELECT * FROM audit_log WHERE at_ms >= $1 AND at_ms < $2 ORDER BY seq',
      [input.fromMs, input.toMs],
    );
    tx.audit({
      atMs: input.atMs,
      actor: input.actor,
      action: 'audit.exported',
      target: null,
      detailJson: JSON.stringify({ ...input.detail, count: rows.length }),
    });
    return rows;
  });
  const chain = await db.tx(walkTrail, { readOnly: true });
  // The head is this export's own entry, found by what it records: another core may have chained
  // entries after it by now, and the export states the entry that records it.
  const head = await db.tx(
    (tx) =>
      tx.one<{ seq: number; at: string; hash: string }>(
        `SELECT seq, at, hash FROM audit_log WHERE action = 'audit.exported' AND actor = $1 AND at_ms = $2
         ORDER BY seq DESC LIMIT 1`,
        [input.actor, input.atMs],
      ),
    { readOnly: true },
  );
  if (!head) throw new Error('the export was not recorded in the audit trail');
  return { entries, chain, head };
}
