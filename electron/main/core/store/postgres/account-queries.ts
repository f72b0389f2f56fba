// Accounts, the session log, devices and units' contact numbers on PostgreSQL. Each change appends
// its audit entry (../audit-entries.ts, as SQLite's store does), in the same transaction, with the
// same action names and details. Names compare without case (lower(name)), as COLLATE NOCASE did.
import {
  accountChangeAudits,
  accountCreatedAudit,
  breakGlassReleaseAudit,
  deviceEnrolledAudit,
  deviceRevokedAudit,
  enrolmentCreatedAudit,
  sessionAudit,
  unitContactAudit,
} from '../audit-entries';
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
import {
  DEVICE_COLUMNS,
  deviceNameTaken,
  deviceSummaryOf,
  ENROLMENT_CODE_COLUMNS,
  checkEnrolmentCode,
  noEnrolledDevice,
  type DeviceRow,
  type EnrolmentCodeRow,
  deviceUnitsOf,
} from '../device-row';
import { coded, ContractError } from '../../../../../shared/errors';
import type {
  AccountRecord,
  DeviceSummary,
  EnrolmentInput,
  RedeemResult,
  SessionKind,
  UnitContact,
} from '../store-types';
import { deviceUnitsColumn } from '../device-units';
import type { Tx } from './pg-db';

export async function countAccounts(tx: Tx): Promise<number> {
  return (await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM accounts'))!.n;
}

export async function getAccount(tx: Tx, name: string): Promise<AccountRecord | null> {
  const row = await tx.one<AccountRow & Record<string, unknown>>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(name) = lower($1)`,
    [name],
  );
  return row ? accountOf(row) : null;
}

export async function listAccounts(tx: Tx, nowMs: number): Promise<AccountSummary[]> {
  const rows = await tx.query<AccountRow & Record<string, unknown>>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY lower(name)`,
  );
  return rows.map((a) => accountSummaryOf(accountOf(a), nowMs));
}

export async function createAccount(
  tx: Tx,
  account: { name: string; role: AccountRole; passwordHash: string; units?: readonly string[] },
  by: string,
  atMs: number,
  options: { onlyIfFirst?: boolean } = {},
): Promise<AccountSummary> {
  const units = unitsColumn(account.role, account.units);
  // Serialises first-account creation across cores: two desks cannot both be first.
  await tx.run('LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE');
  if (options.onlyIfFirst && (await countAccounts(tx)) > 0)
    throw new ContractError('conflict', coded('account.admin_exists', {}));
  if (await getAccount(tx, account.name))
    throw new ContractError('conflict', coded('account.exists', { name: account.name }), 'name');
  await tx.run(
    `INSERT INTO accounts (name, role, password_hash, locked_at_ms, created_at_ms, created_by, changed_at_ms, changed_by, units)
     VALUES ($1, $2, $3, NULL, $4, $5, $4, $5, $6)`,
    [account.name, account.role, account.passwordHash, atMs, by, units],
  );
  tx.audit(accountCreatedAudit(account.name, account.role, unitsOfColumn(units), by, atMs));
  return accountSummaryOf(
    { name: account.name, role: account.role, locked_at_ms: null, units: unitsOfColumn(units) },
    atMs,
  );
}

export async function updateAccount(
  tx: Tx,
  name: string,
  change: AccountChange,
  by: string,
  atMs: number,
): Promise<AccountSummary> {
  const current = await getAccount(tx, name);
  if (!current) throw new ContractError('not_found', coded('account.not_found', { name }), 'name');
  const { next, units } = changedAccount(current, change);
  await tx.run(
    `UPDATE accounts SET role = $1, locked_at_ms = $2, password_hash = $3, units = $4, changed_at_ms = $5,
       changed_by = $6
     WHERE name = $7`,
    [next.role, next.locked_at_ms, next.password_hash, units, atMs, by, current.name],
  );
  tx.audit(...accountChangeAudits(current.name, current, next, by, atMs));
  return accountSummaryOf({ name: current.name, ...next }, atMs);
}

export async function logSession(
  tx: Tx,
  name: string,
  kind: SessionKind,
  desk: string,
  atMs: number,
): Promise<void> {
  await tx.run('INSERT INTO session_log (at_ms, name, kind, desk) VALUES ($1, $2, $3, $4)', [
    atMs,
    name,
    kind,
    desk,
  ]);
  tx.audit(sessionAudit(name, kind, desk, atMs));
}

async function countLogonFailures(tx: Tx, name: string, sinceMs: number): Promise<number> {
  const lastGood = (
    await tx.one<{ at: number | null }>(
      `SELECT max(at_ms) AS at FROM session_log WHERE lower(name) = lower($1) AND kind = 'logon'`,
      [name],
    )
  )?.at;
  const released = (
    await tx.one<{ at: number | null }>(
      'SELECT changed_at_ms AS at FROM accounts WHERE lower(name) = lower($1) AND locked_at_ms IS NULL',
      [name],
    )
  )?.at;
  const resetAt = Math.max(lastGood ?? -Infinity, released ?? -Infinity);
  return (await tx.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM session_log
     WHERE lower(name) = lower($1) AND kind IN ('logon_failed', 'unlock_failed') AND at_ms > $2 AND at_ms >= $3`,
    [name, sinceMs, Number.isFinite(resetAt) ? resetAt : -1],
  ))!.n;
}

export async function recordLogonFailure(
  tx: Tx,
  name: string,
  desk: string,
  atMs: number,
  kind: 'logon_failed' | 'unlock_failed' = 'logon_failed',
): Promise<boolean> {
  const before = await getAccount(tx, name);
  if (before && lockHasExpired(before.locked_at_ms, atMs))
    await updateAccount(tx, before.name, { lockedAtMs: null }, 'system', atMs);
  const account = await getAccount(tx, name);
  await logSession(tx, account?.name ?? name, kind, desk, atMs);
  if (!account) return false;
  if (isLockedOut(account.locked_at_ms, atMs)) return true;
  if (!failuresLock(await countLogonFailures(tx, account.name, atMs - LOCKOUT.windowMs))) return false;
  await updateAccount(tx, account.name, { lockedAtMs: atMs }, 'system', atMs);
  return true;
}

export async function breakGlassRelease(tx: Tx, name: string, by: string, desk: string, atMs: number) {
  const account = await getAccount(tx, name);
  if (!account) throw new ContractError('not_found', coded('account.not_found', { name }), 'name');
  const wasLocked = isLockedOut(account.locked_at_ms, atMs);
  tx.audit(breakGlassReleaseAudit(account.name, by, desk, wasLocked, atMs));
  await updateAccount(tx, account.name, { lockedAtMs: null }, by, atMs);
  return { name: account.name, wasLocked };
}

export async function listUnitContacts(tx: Tx): Promise<UnitContact[]> {
  return tx.query<UnitContact & Record<string, unknown>>(
    `SELECT unit_key AS "unitKey", contact, changed_by AS "changedBy", changed_at_ms AS "changedAtMs"
     FROM unit_contacts ORDER BY unit_key`,
  );
}

export async function setUnitContact(
  tx: Tx,
  unitKey: string,
  contact: string,
  by: string,
  atMs: number,
): Promise<UnitContact> {
  await tx.run(
    `INSERT INTO unit_contacts (unit_key, contact, changed_by, changed_at_ms) VALUES ($1, $2, $3, $4)
     ON CONFLICT (unit_key) DO UPDATE SET contact = excluded.contact, changed_by = excluded.changed_by,
       changed_at_ms = excluded.changed_at_ms`,
    [unitKey, contact, by, atMs],
  );
  tx.audit(unitContactAudit(unitKey, contact, by, atMs));
  return { unitKey, contact, changedBy: by, changedAtMs: atMs };
}

// Devices (sqlite/device-queries.ts): hashes only.
const liveDevice = (tx: Tx, name: string) =>
  tx.one<DeviceRow & Record<string, unknown>>(
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE name = $1 AND revoked_at_ms IS NULL`,
    [name],
  );

export async function createEnrolment(tx: Tx, input: EnrolmentInput): Promise<{ expiresAtMs: number }> {
  const units = deviceUnitsColumn(input.kind, input.units);
  if (await liveDevice(tx, input.name)) throw deviceNameTaken(input.name);
  await tx.run(
    `UPDATE device_enrolments SET withdrawn_at_ms = $1 WHERE device_name = $2 AND used_at_ms IS NULL AND withdrawn_at_ms IS NULL`,
    [input.atMs, input.name],
  );
  const expiresAtMs = input.atMs + input.ttlMs;
  await tx.run(
    `INSERT INTO device_enrolments (code_hash, device_name, kind, created_by, created_at_ms, expires_at_ms, units)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [input.codeHash, input.name, input.kind, input.by, input.atMs, expiresAtMs, units],
  );
  tx.audit(
    enrolmentCreatedAudit(input.name, input.kind, expiresAtMs, deviceUnitsOf(units), input.by, input.atMs),
  );
  return { expiresAtMs };
}

export async function redeemEnrolment(
  tx: Tx,
  codeHash: string,
  credentialHash: string,
  atMs: number,
): Promise<RedeemResult> {
  const found = await tx.one<EnrolmentCodeRow & Record<string, unknown>>(
    `SELECT ${ENROLMENT_CODE_COLUMNS} FROM device_enrolments WHERE code_hash = $1 FOR UPDATE`,
    [codeHash],
  );
  const checked = checkEnrolmentCode(found, atMs);
  if (!checked.ok) return checked;
  const { code } = checked;
  const name = code.device_name;
  if (await liveDevice(tx, name)) return { ok: false, reason: 'name_taken', name };
  await tx.run('UPDATE device_enrolments SET used_at_ms = $1 WHERE code_hash = $2', [atMs, codeHash]);
  const row = (await tx.one<DeviceRow & Record<string, unknown>>(
    `INSERT INTO devices (name, kind, credential_hash, enrolled_by, enrolled_at_ms, units)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${DEVICE_COLUMNS}`,
    [name, code.kind, credentialHash, code.created_by, atMs, code.units],
  ))!;
  tx.audit(deviceEnrolledAudit(name, code.kind, row.id, deviceUnitsOf(code.units), code.created_by, atMs));
  return { ok: true, device: deviceSummaryOf(row) };
}

export async function findDeviceByCredential(tx: Tx, credentialHash: string): Promise<DeviceSummary | null> {
  const row = await tx.one<DeviceRow & Record<string, unknown>>(
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE credential_hash = $1`,
    [credentialHash],
  );
  return row ? deviceSummaryOf(row) : null;
}

export async function listDevices(tx: Tx): Promise<DeviceSummary[]> {
  return (
    await tx.query<DeviceRow & Record<string, unknown>>(
      `SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY name, id`,
    )
  ).map(deviceSummaryOf);
}

export async function revokeDevice(tx: Tx, name: string, by: string, atMs: number): Promise<DeviceSummary> {
  const live = await liveDevice(tx, name);
  await tx.run(
    `UPDATE device_enrolments SET withdrawn_at_ms = $1 WHERE device_name = $2 AND used_at_ms IS NULL AND withdrawn_at_ms IS NULL`,
    [atMs, name],
  );
  if (!live) throw noEnrolledDevice(name);
  await tx.run('UPDATE devices SET revoked_at_ms = $1, revoked_by = $2 WHERE id = $3', [atMs, by, live.id]);
  tx.audit(deviceRevokedAudit(live.name, live.kind, live.id, by, atMs));
  return deviceSummaryOf({ ...live, revoked_at_ms: atMs, revoked_by: by });
}
