// Resume tokens (migration 23): a logon session a desk may take up again after a lost link or a
// core restart. Keyed by the token's hash; the token itself is never stored.
import type { ResumeTokenRecord } from '../store-types';
import type { SqliteDatabase } from './open-database';

interface Row {
  tokenHash: string;
  binding: string;
  account: string;
  locked: number;
  lastActivityMs: number;
  lastSeenMs: number;
  issuedAtMs: number;
}

export function saveResumeToken(db: SqliteDatabase, r: ResumeTokenRecord): void {
  db.prepare(
    `INSERT INTO resume_tokens
       (token_hash, binding, account, locked, last_activity_ms, last_seen_ms, issued_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (token_hash) DO UPDATE SET locked = excluded.locked,
       last_activity_ms = excluded.last_activity_ms, last_seen_ms = excluded.last_seen_ms`,
  ).run(r.tokenHash, r.binding, r.account, r.locked ? 1 : 0, r.lastActivityMs, r.lastSeenMs, r.issuedAtMs);
}

export function findResumeToken(db: SqliteDatabase, tokenHash: string): ResumeTokenRecord | null {
  const row = db
    .prepare<[string], Row>(
      `SELECT token_hash AS tokenHash, binding, account, locked, last_activity_ms AS lastActivityMs,
         last_seen_ms AS lastSeenMs, issued_at_ms AS issuedAtMs
       FROM resume_tokens WHERE token_hash = ?`,
    )
    .get(tokenHash);
  return row ? { ...row, locked: row.locked === 1 } : null;
}

export function deleteResumeToken(db: SqliteDatabase, tokenHash: string): void {
  db.prepare('DELETE FROM resume_tokens WHERE token_hash = ?').run(tokenHash);
}

export function pruneResumeTokens(db: SqliteDatabase, seenBeforeMs: number): number {
  return db.prepare('DELETE FROM resume_tokens WHERE last_seen_ms < ?').run(seenBeforeMs).changes;
}
