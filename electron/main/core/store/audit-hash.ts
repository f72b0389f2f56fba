// How an audit entry is hashed into the chain: one function every engine calls, so a trail written
// by any engine verifies with the same `lifeline verify`. SQLite calls it from audit_append's
// trigger, which chains each entry the store appends in the same transaction as the change
// (store/sqlite/register-audit-functions.ts, migration 8); an engine without JavaScript in its
// triggers computes it in the core, inside the transaction that makes the change, under the lock
// that orders the trail (see store.ts). Which entries are written: audit-entries.ts, for both.
import crypto from 'node:crypto';

/** prev_hash of the first entry. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  at_ms: number;
  actor: string;
  desk: string;
  action: string;
  target: string | null;
  outcome: string;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

/** UTC ISO-8601 to the hundredth of a second (truncated, so it never runs ahead of at_ms). */
export function auditAtText(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 22) + 'Z';
}

/**
 * SHA-256 (hex) over prev_hash and the entry's fields. A JSON array is the canonical form: every
 * field keeps its type and boundary, so no two different entries serialise alike.
 */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.prev_hash,
    entry.at,
    entry.at_ms,
    entry.actor,
    entry.desk,
    entry.action,
    entry.target,
    entry.outcome,
    entry.detail_json,
  ]);
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}
