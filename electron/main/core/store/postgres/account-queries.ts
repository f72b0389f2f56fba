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
import { coded, ContractError } from '../../../../../shared/errors';
import type {
  AccountRecord,
  DeviceKind,
  DeviceSummary,
  EnrolmentInput,
  RedeemResult,
  SessionKind,
  UnitContact,
} from '../store-types';
import { deviceUnitsColumn } from '../device-units';
import type { Tx } from './pg-db';

const summary = (
  a: Pick<AccountRecord, 'name' | 'role' | 'locked_at_ms' | 'units'>,
  nowMs: number,
): AccountSummary => ({
  name: a.name,
  role: a.role,
  locked: isLockedOut(a.locked_at_ms, nowMs),
  ...(a.units ? { units: a.units } : {}),
});

type AccountRow = Omit<AccountRecord, 'units'> & { units: string | null };
const ACCOUNT_COLUMNS = 'name, role, password_hash, locked_at_ms, units';
const fromRow = (row: AccountRow): AccountRecord => ({
  ...row,
  units: row.units === null ? null : (JSON.parse(row.units) as string[]),
});

/**
 * A unit account has its units and no other account has any (migration 3's CHECK says the same, as
 * SQLite's 21); the ids themselves were checked against the unit table by the caller (shared/units.ts).
 */
function unitsFor(role: AccountRole, units: readonly string[] | null | undefined): string | null {
  if (role === 'unit') {
    if (!units || units.length === 0)
      throw new ContractError('invalid_request', coded('account.units_required', {}), 'units');
    return JSON.stringify([...units]);
  }
  if (units && units.length > 0)
    throw new ContractError('invalid_request', coded('account.units_only_for_unit', {}), 'units');
  return null;
}
const parsedUnits = (units: string | null) => (units === null ? null : (JSON.parse(units) as string[]));

export async function countAccounts(tx: Tx): Promise<number> {
  return (await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM accounts'))!.n;
}

export async function getAccount(tx: Tx, name: string): Promise<AccountRecord | null> {
  const row = await tx.one<AccountRow & Record<string, unknown>>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(name) = lower($1)`,
    [name],
  );
  return row ? fromRow(row) : null;
}

export async function listAccounts(tx: Tx, nowMs: number): Promise<AccountSummary[]> {
  const rows = await tx.query<AccountRow & Record<string, unknown>>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY lower(name)`,
  );
  return rows.map((a) => summary(fromRow(a), nowMs));
}

export async function createAccount(
  tx: Tx,
  account: { name: string; role: AccountRole; passwordHash: string; units?: readonly string[] },
  by: string,
  atMs: number,
  options: { onlyIfFirst?: boolean } = {},
): Promise<AccountSummary> {
  const units = unitsFor(account.role, account.units);
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
  tx.audit(accountCreatedAudit(account.name, account.role, parsedUnits(units), by, atMs));
  return summary(
    { name: account.name, role: account.role, locked_at_ms: null, units: parsedUnits(units) },
    atMs,
  );
}

export async function updateAccount(
  tx: Tx,
  name: string,
  change: {
    role?: AccountRole;
    lockedAtMs?: number | null;
    passwordHash?: string;
    units?: readonly string[] | null;
  },
  by: string,
  atMs: number,
): Promise<AccountSummary> {
  const current = await getAccount(tx, name);
  if (!current) throw new ContractError('not_found', coded('account.not_found', { name }), 'name');
  const role = change.role ?? current.role;
  // A role change away from unit drops the units; to unit (or a unit's new units) needs them.
  const units = unitsFor(
    role,
    change.units !== undefined ? change.units : role === 'unit' ? current.units : null,
  );
  const next = {
    role,
    locked_at_ms: change.lockedAtMs === undefined ? current.locked_at_ms : change.lockedAtMs,
    password_hash: change.passwordHash ?? current.password_hash,
    units: parsedUnits(units),
  };
  await tx.run(
    `UPDATE accounts SET role = $1, locked_at_ms = $2, password_hash = $3, units = $4, changed_at_ms = $5,
       changed_by = $6
     WHERE name = $7`,
    [next.role, next.locked_at_ms, next.password_hash, units, atMs, by, current.name],
  );
  tx.audit(...accountChangeAudits(current.name, current, next, by, atMs));
  return summary({ name: current.name, ...next }, atMs);
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
interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceKind;
  enrolled_by: string;
  enrolled_at_ms: number;
  revoked_at_ms: number | null;
  revoked_by: string | null;
  units: string | null;
}
const DEVICE_COLUMNS = 'id, name, kind, enrolled_by, enrolled_at_ms, revoked_at_ms, revoked_by, units';
const device = (r: DeviceRow): DeviceSummary => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  enrolledBy: r.enrolled_by,
  enrolledAtMs: r.enrolled_at_ms,
  revokedAtMs: r.revoked_at_ms,
  revokedBy: r.revoked_by,
  units: parsedUnits(r.units),
});
const liveDevice = (tx: Tx, name: string) =>
  tx.one<DeviceRow & Record<string, unknown>>(
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE name = $1 AND revoked_at_ms IS NULL`,
    [name],
  );

export async function createEnrolment(
  tx: Tx,
  input: EnrolmentInput,
): Promise<{ expiresAtMs: number }> {
  const units = deviceUnitsColumn(input.kind, input.units);
  if (await liveDevice(tx, input.name))
    throw new ContractError(
      'conflict',
      `--name ${input.name}: a device of that name is enrolled. Revoke it first, or choose another name.`,
      'name',
    );
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
    enrolmentCreatedAudit(input.name, input.kind, expiresAtMs, parsedUnits(units), input.by, input.atMs),
  );
  return { expiresAtMs };
}

export async function redeemEnrolment(
  tx: Tx,
  codeHash: string,
  credentialHash: string,
  atMs: number,
): Promise<RedeemResult> {
  const code = await tx.one<{
    device_name: string;
    kind: DeviceKind;
    created_by: string;
    expires_at_ms: number;
    used_at_ms: number | null;
    withdrawn_at_ms: number | null;
    units: string | null;
  }>(
    `SELECT device_name, kind, created_by, expires_at_ms, used_at_ms, withdrawn_at_ms, units
     FROM device_enrolments WHERE code_hash = $1 FOR UPDATE`,
    [codeHash],
  );
  if (!code) return { ok: false, reason: 'unknown', name: null };
  const name = code.device_name;
  if (code.used_at_ms !== null) return { ok: false, reason: 'used', name };
  if (code.withdrawn_at_ms !== null) return { ok: false, reason: 'withdrawn', name };
  if (atMs >= code.expires_at_ms) return { ok: false, reason: 'expired', name };
  if (await liveDevice(tx, name)) return { ok: false, reason: 'name_taken', name };
  await tx.run('UPDATE device_enrolments SET used_at_ms = $1 WHERE code_hash = $2', [atMs, codeHash]);
  const row = (await tx.one<DeviceRow & Record<string, unknown>>(
    `INSERT INTO devices (name, kind, credential_hash, enrolled_by, enrolled_at_ms, units)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${DEVICE_COLUMNS}`,
    [name, code.kind, credentialHash, code.created_by, atMs, code.units],
  ))!;
  tx.audit(deviceEnrolledAudit(name, code.kind, row.id, parsedUnits(code.units), code.created_by, atMs));
  return { ok: true, device: device(row) };
}

export async function findDeviceByCredential(tx: Tx, credentialHash: string): Promise<DeviceSummary | null> {
  const row = await tx.one<DeviceRow & Record<string, unknown>>(
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE credential_hash = $1`,
    [credentialHash],
  );
  return row ? device(row) : null;
}

export async function listDevices(tx: Tx): Promise<DeviceSummary[]> {
  return (
    await tx.query<DeviceRow & Record<string, unknown>>(
      `SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY name, id`,
    )
  ).map(device);
}

export async function revokeDevice(tx: Tx, name: string, by: string, atMs: number): Promise<DeviceSummary> {
  const live = await liveDevice(tx, name);
  await tx.run(
    `UPDATE device_enrolments SET withdrawn_at_ms = $1 WHERE device_name = $2 AND used_at_ms IS NULL AND withdrawn_at_ms IS NULL`,
    [atMs, name],
  );
  if (!live) throw new ContractError('not_found', `--name ${name}: no enrolled device of that name.`, 'name');
  await tx.run('UPDATE devices SET revoked_at_ms = $1, revoked_by = $2 WHERE id = $3', [atMs, by, live.id]);
  tx.audit(deviceRevokedAudit(live.name, live.kind, live.id, by, atMs));
  return device({ ...live, revoked_at_ms: atMs, revoked_by: by });
}
