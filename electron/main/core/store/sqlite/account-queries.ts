// Accounts and the session log. Every change here is audited (audit-entries.ts), in the same
// transaction; the password hash never leaves this file except to be verified.
import {
  failuresLock,
  isLockedOut,
  lockHasExpired,
  LOCKOUT,
  type AccountRole,
  type AccountSummary,
} from '../../../../../shared/accounts';
import {
  ACCOUNT_COLUMNS,
  accountOf,
  accountSummaryOf,
  changedAccount,
  unitsColumn,
  unitsOfColumn,
  type AccountChange,
  type AccountRow,
} from '../account-row';
import { coded, ContractError } from '../../../../../shared/errors';
import type { SqliteDatabase } from './open-database';
import { accountChangeAudits, accountCreatedAudit, sessionAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';
import type { AccountRecord, SessionKind } from '../store-types';

export function countAccounts(db: SqliteDatabase): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts').get()!.n;
}

export function getAccount(db: SqliteDatabase, name: string): AccountRecord | null {
  const row = db
    .prepare<[string], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE name = ?`)
    .get(name);
  return row ? accountOf(row) : null;
}

/** Locked means locked at nowMs: a lock that has run its time shows as open. */
export function listAccounts(db: SqliteDatabase, nowMs: number): AccountSummary[] {
  return db
    .prepare<[], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY name`)
    .all()
    .map((a) => accountSummaryOf(accountOf(a), nowMs));
}

export function createAccount(
  db: SqliteDatabase,
  account: { name: string; role: AccountRole; passwordHash: string; units?: readonly string[] },
  by: string,
  atMs: number,
  options: { onlyIfFirst?: boolean } = {},
): AccountSummary {
  const units = unitsColumn(account.role, account.units);
  return db.transaction(() => {
    // The first-run check and the insert in one transaction: two desks cannot both be first.
    if (options.onlyIfFirst && countAccounts(db) > 0)
      throw new ContractError('conflict', coded('account.admin_exists', {}));
    if (getAccount(db, account.name))
      throw new ContractError('conflict', coded('account.exists', { name: account.name }), 'name');
    db.prepare(
      `INSERT INTO accounts (name, role, password_hash, locked_at_ms, created_at_ms, created_by, changed_at_ms, changed_by, units)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
    ).run(account.name, account.role, account.passwordHash, atMs, by, atMs, by, units);
    appendAudit(db, accountCreatedAudit(account.name, account.role, unitsOfColumn(units), by, atMs));
    return accountSummaryOf(
      { name: account.name, role: account.role, locked_at_ms: null, units: unitsOfColumn(units) },
      atMs,
    );
  })();
}

export function updateAccount(
  db: SqliteDatabase,
  name: string,
  change: AccountChange,
  by: string,
  atMs: number,
): AccountSummary {
  return db.transaction(() => {
    const current = getAccount(db, name);
    if (!current) throw new ContractError('not_found', coded('account.not_found', { name }), 'name');
    const { next, units } = changedAccount(current, change);
    db.prepare(
      `UPDATE accounts SET role = ?, locked_at_ms = ?, password_hash = ?, units = ?, changed_at_ms = ?, changed_by = ?
       WHERE name = ?`,
    ).run(next.role, next.locked_at_ms, next.password_hash, units, atMs, by, current.name);
    appendAudit(db, ...accountChangeAudits(current.name, current, next, by, atMs));
    return accountSummaryOf({ name: current.name, ...next }, atMs);
  })();
}

export function logSession(
  db: SqliteDatabase,
  name: string,
  kind: SessionKind,
  desk: string,
  atMs: number,
): void {
  db.transaction(() => {
    db.prepare('INSERT INTO session_log (at_ms, name, kind, desk) VALUES (?, ?, ?, ?)').run(
      atMs,
      name,
      kind,
      desk,
    );
    appendAudit(db, sessionAudit(name, kind, desk, atMs));
  })();
}

/**
 * Failed logons and desk unlocks since the later of `sinceMs` and the account's last good logon or
 * release (a lock that ran out is released when next looked at, so it resets the count too).
 */
export function countLogonFailures(db: SqliteDatabase, name: string, sinceMs: number): number {
  const lastGood =
    db
      .prepare<[string], { at: number | null }>(
        `SELECT max(at_ms) AS at FROM session_log WHERE name = ? AND kind = 'logon'`,
      )
      .get(name)?.at ?? null;
  const released =
    db
      .prepare<[string], { at: number | null }>(
        'SELECT changed_at_ms AS at FROM accounts WHERE name = ? AND locked_at_ms IS NULL',
      )
      .get(name)?.at ?? null;
  // Inclusive of the reset point (a failure in the same millisecond as a release still counts).
  const resetAt = Math.max(lastGood ?? -Infinity, released ?? -Infinity);
  return db
    .prepare<[string, number, number], { n: number }>(
      `SELECT count(*) AS n FROM session_log
       WHERE name = ? AND kind IN ('logon_failed', 'unlock_failed') AND at_ms > ? AND at_ms >= ?`,
    )
    .get(name, sinceMs, Number.isFinite(resetAt) ? resetAt : -1)!.n;
}

/**
 * Clears a lock that has run its time (LOCKOUT.lockMs), as 'system' at atMs: the audit trail shows
 * account.released by system, and the failure count starts again from here.
 */
export function clearExpiredLock(db: SqliteDatabase, name: string, atMs: number): void {
  const account = getAccount(db, name);
  if (account && lockHasExpired(account.locked_at_ms, atMs))
    updateAccount(db, account.name, { lockedAtMs: null }, 'system', atMs);
}

/**
 * A failed logon (at a desk or on the command line) or desk unlock, and the lockout rule
 * (shared/accounts.ts): the LOCKOUT.failures-th failure within LOCKOUT.windowMs locks an existing
 * account for LOCKOUT.lockMs. Failures while locked are logged but do not count. True when the
 * account is locked after this failure (just now, or still).
 */
export function recordLogonFailure(
  db: SqliteDatabase,
  name: string,
  desk: string,
  atMs: number,
  kind: 'logon_failed' | 'unlock_failed' = 'logon_failed',
): boolean {
  return db.transaction(() => {
    clearExpiredLock(db, name, atMs);
    const account = getAccount(db, name);
    logSession(db, account?.name ?? name, kind, desk, atMs);
    if (!account) return false;
    if (isLockedOut(account.locked_at_ms, atMs)) return true;
    if (!failuresLock(countLogonFailures(db, account.name, atMs - LOCKOUT.windowMs))) return false;
    updateAccount(db, account.name, { lockedAtMs: atMs }, 'system', atMs);
    return true;
  })();
}
