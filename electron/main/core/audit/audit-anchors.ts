// Anchors: copies of the audit chain's head kept outside the database. The chain alone proves only
// that the trail is consistent with itself; whoever holds the database key can drop the
// append-only triggers, delete entries, recompute every hash after them and restore the triggers,
// and the rewritten chain verifies. An anchor — an entry's seq and hash written down elsewhere
// before the rewrite — no longer matches afterwards: each hash covers every entry before it, so
// the trail still holding that hash at that seq proves nothing up to it was removed or altered.
// Each signed handover carries the head at signing (printed, kept by the incoming supervisor); a
// note of `lifeline verify`'s last line is one too.
import type { StoreVerifier } from '../store/store-admin';

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

/**
 * Whether the trail still holds each anchor: at its seq when known (a primary-key lookup), else
 * anywhere. Meaningful together with a whole-chain check (StoreVerifier.verifyAuditTrail): an intact chain that
 * holds the anchor's hash holds every entry before it unchanged.
 */
export async function checkAnchors(
  store: Pick<StoreVerifier, 'handoverAnchors' | 'findAuditEntries'>,
  given: readonly string[],
): Promise<AnchorCheck[]> {
  const stored = await store.handoverAnchors();
  const found = await store.findAuditEntries({ seqs: stored.map((a) => a.seq), hashes: [...given] });
  const hashAt = new Map(found.map((e) => [e.seq, e.hash]));
  const seqOf = new Map(found.map((e) => [e.hash, e.seq]));
  const checks: AnchorCheck[] = [];
  for (const anchor of stored) {
    const current = hashAt.get(anchor.seq);
    checks.push({
      ...anchor,
      ok: current === anchor.hash,
      ...(current === anchor.hash
        ? {}
        : {
            reason:
              current === undefined
                ? 'the trail no longer reaches that entry'
                : 'that entry has a different hash now: the trail was rewritten at or before it',
          }),
    });
  }
  for (const hash of given) {
    const seq = seqOf.get(hash);
    checks.push({
      source: 'given',
      hash,
      seq: seq ?? null,
      ok: seq !== undefined,
      ...(seq !== undefined
        ? {}
        : { reason: 'no entry has that hash: the trail was rewritten, or the anchor is mistyped' }),
    });
  }
  return checks;
}
