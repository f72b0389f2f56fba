// Resume tokens on PostgreSQL (as store/sqlite/resume-queries.ts): keyed by the token's hash; the
// token itself is never stored. The account name is matched case-blind where it is looked up (the
// core compares names as accounts do), so it is kept as given.
import type { ResumeTokenRecord } from '../store-types';
import type { Tx } from './pg-db';

export async function saveResumeToken(tx: Tx, r: ResumeTokenRecord): Promise<void> {
  await tx.run(
    `INSERT INTO resume_tokens
       (token_hash, binding, account, locked, last_activity_ms, last_seen_ms, issued_at_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (token_hash) DO UPDATE SET locked = excluded.locked,
       last_activity_ms = excluded.last_activity_ms, last_seen_ms = excluded.last_seen_ms`,
    [r.tokenHash, r.binding, r.account, r.locked, r.lastActivityMs, r.lastSeenMs, r.issuedAtMs],
  );
}

export async function findResumeToken(tx: Tx, tokenHash: string): Promise<ResumeTokenRecord | null> {
  const row = await tx.one<ResumeTokenRecord & Record<string, unknown>>(
    `SELECT token_hash AS "tokenHash", binding, account, locked, last_activity_ms AS "lastActivityMs",
       last_seen_ms AS "lastSeenMs", issued_at_ms AS "issuedAtMs"
     FROM resume_tokens WHERE token_hash = $1`,
    [tokenHash],
  );
  return row ?? null;
}

export async function deleteResumeToken(tx: Tx, tokenHash: string): Promise<void> {
  await tx.run('DELETE FROM resume_tokens WHERE token_hash = $1', [tokenHash]);
}

export async function pruneResumeTokens(tx: Tx, seenBeforeMs: number): Promise<number> {
  return tx.run('DELETE FROM resume_tokens WHERE last_seen_ms < $1', [seenBeforeMs]);
}
