// The SQL functions audit_append's trigger (migration 8) calls to chain each entry the store appends,
// and retention's flag_events guard (migration 10) calls to check a reduced detail. They are registered
// on every connection before it migrates or writes: a connection without them cannot write an
// audited change at all ("no such function"), so nothing reaches the store unaudited.
import type Database from 'better-sqlite3-multiple-ciphers';
import { auditAtText, auditHash } from '../audit-hash';
import { auditDetailJson } from '../../../../../shared/audit-detail';

export function registerAuditFunctions(db: Database.Database, desk: string): void {
  const pure = { deterministic: true } as const;
  db.function(
    'audit_hash',
    pure,
    (
      seq: unknown,
      prevHash: unknown,
      at: unknown,
      atMs: unknown,
      actor: unknown,
      deskName: unknown,
      action: unknown,
      target: unknown,
      outcome: unknown,
      detailJson: unknown,
    ) =>
      auditHash({
        seq: Number(seq),
        prev_hash: String(prevHash),
        at: String(at),
        at_ms: Number(atMs),
        actor: String(actor),
        desk: String(deskName),
        action: String(action),
        target: target === null ? null : String(target),
        outcome: String(outcome),
        detail_json: String(detailJson),
      }),
  );
  db.function('audit_at_text', pure, (atMs: unknown) => auditAtText(Number(atMs)));
  db.function('audit_detail', pure, (json: unknown) => auditDetailJson(json === null ? null : String(json)));
  // Not deterministic: the workstation this connection writes from, and the clock.
  db.function('audit_desk', () => desk);
  db.function('audit_now_ms', () => Date.now());
}
