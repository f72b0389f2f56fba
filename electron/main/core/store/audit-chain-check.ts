// How the audit trail is checked, entry by entry: one checker every engine feeds with its trail in
// seq order (SQLite iterates its rows, PostgreSQL reads a cursor in batches), so `lifeline verify`
// says the same of a trail whichever engine keeps it. Incremental, so no engine holds a year's trail
// in memory to check it.
import { auditHash, GENESIS_PREV_HASH, type AuditEntry } from './audit-hash';

export type AuditVerification =
  | { ok: true; entries: number; head: { seq: number; at: string; hash: string } }
  | { ok: false; entries: number; firstBrokenSeq: number; firstBrokenAt: string; reason: string };

export interface AuditChainChecker {
  /** The next entry in seq order; the verdict when it breaks the chain (stop there), else null. */
  add(row: AuditEntry): AuditVerification | null;
  /** The verdict after the last entry. */
  finish(): AuditVerification;
}

/** Stops at the first entry that is missing, altered or out of chain. */
export function auditChainChecker(): AuditChainChecker {
  let previous: AuditEntry | null = null;
  let entries = 0;
  return {
    add(row) {
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
      return null;
    },
    finish() {
      // Every engine writes the first entry when it creates its schema: a trail without one was emptied.
      if (previous === null)
        return { ok: false, entries, firstBrokenSeq: 1, firstBrokenAt: '-', reason: 'the trail is empty' };
      return { ok: true, entries, head: { seq: previous.seq, at: previous.at, hash: previous.hash } };
    },
  };
}

/** The whole check over entries in seq order (an engine's synchronous iteration of its trail). */
export function verifyAuditEntries(rows: Iterable<AuditEntry>): AuditVerification {
  const checker = auditChainChecker();
  for (const row of rows) {
    const broken = checker.add(row);
    if (broken) return broken;
  }
  return checker.finish();
}
