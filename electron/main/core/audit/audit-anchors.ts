// Anchors: copies of the audit chain's head kept outside the database. The chain alone proves only
// that the trail is consistent with itself; whoever holds the database key can drop the
// append-only triggers, delete entries, recompute every hash after them and restore the triggers,
// and the rewritten chain verifies. An anchor — an entry's seq and hash written down elsewhere
// before the rewrite — no longer matches afterwards: each hash covers every entry before it, so
// the trail still holding that hash at that seq proves nothing up to it was removed or altered.
// Each signed handover carries the head at signing (printed, kept by the incoming supervisor); a
// note of `lifeline verify`'s last line is one too.
import type { SqliteDatabase } from '../store/sqlite/open-database';

export interface AnchorCheck {
  /** Where the anchor comes from: 'given' (--anchor) or 'handover <shift id>'. */
  source: string;
  hash: string;
  /** The entry the anchor names, when known (stored anchors); found: where the hash is. */
  seq: number | null;
  ok: boolean;
  reason?: string;
}

const HASH = /^[0-9a-f]{64}$/;

/** A hash as typed or pasted: case and surrounding blanks do not matter; anything else is refused. */
export function parseAnchor(text: string): string | null {
  const hash = text.trim().toLowerCase();
  return HASH.test(hash) ? hash : null;
}

/** The anchors stored with the signed handovers (summaries signed before anchors existed have none). */
export function storedAnchors(db: SqliteDatabase): { source: string; seq: number; hash: string }[] {
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

/**
 * Whether the trail still holds each anchor: at its seq when known (a primary-key lookup), else
 * anywhere. Meaningful together with a whole-chain check (verifyAuditChain): an intact chain that
 * holds the anchor's hash holds every entry before it unchanged.
 */
export function checkAnchors(db: SqliteDatabase, given: readonly string[]): AnchorCheck[] {
  const bySeq = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?');
  const byHash = db.prepare<[string], { seq: number }>('SELECT seq FROM audit_log WHERE hash = ? LIMIT 1');
  const checks: AnchorCheck[] = [];
  for (const anchor of storedAnchors(db)) {
    const found = bySeq.get(anchor.seq)?.hash;
    checks.push({
      ...anchor,
      ok: found === anchor.hash,
      ...(found === anchor.hash
        ? {}
        : {
            reason:
              found === undefined
                ? 'the trail no longer reaches that entry'
                : 'that entry has a different hash now: the trail was rewritten at or before it',
          }),
    });
  }
  for (const hash of given) {
    const found = byHash.get(hash);
    checks.push({
      source: 'given',
      hash,
      seq: found?.seq ?? null,
      ok: found !== undefined,
      ...(found
        ? {}
        : { reason: 'no entry has that hash: the trail was rewritten, or the anchor is mistyped' }),
    });
  }
  return checks;
}
