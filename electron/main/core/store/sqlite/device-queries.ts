// Enrolled devices of the room and their one-time enrolment codes. Only SHA-256 hashes of codes and
// credentials are stored (both are random secrets, so a plain hash is enough: there is nothing to
// guess). Creation, enrolment and revocation are audited here (audit-entries.ts) in the same
// transaction; a refused enrolment and connects are audited by the caller (nothing changes here).
import {
  DEVICE_COLUMNS,
  deviceNameTaken,
  deviceSummaryOf,
  deviceUnitsOf,
  ENROLMENT_CODE_COLUMNS,
  checkEnrolmentCode,
  noEnrolledDevice,
  type DeviceRow,
  type EnrolmentCodeRow,
} from '../device-row';
import type { DeviceSummary, EnrolmentInput, RedeemResult } from '../store-types';
import { deviceUnitsColumn } from '../device-units';
import type { SqliteDatabase } from './open-database';
import { deviceEnrolledAudit, deviceRevokedAudit, enrolmentCreatedAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';

const liveDevice = (db: SqliteDatabase, name: string) =>
  db
    .prepare<[string], DeviceRow>(
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE name = ? AND revoked_at_ms IS NULL`,
    )
    .get(name);

/** A new code for a device not enrolled yet; an earlier unused code for the same name is withdrawn. */
export function createEnrolment(db: SqliteDatabase, input: EnrolmentInput): { expiresAtMs: number } {
  const units = deviceUnitsColumn(input.kind, input.units);
  return db.transaction(() => {
    if (liveDevice(db, input.name)) throw deviceNameTaken(input.name);
    db.prepare(
      `UPDATE device_enrolments SET withdrawn_at_ms = ?
        WHERE device_name = ? AND used_at_ms IS NULL AND withdrawn_at_ms IS NULL`,
    ).run(input.atMs, input.name);
    const expiresAtMs = input.atMs + input.ttlMs;
    db.prepare(
      `INSERT INTO device_enrolments (code_hash, device_name, kind, created_by, created_at_ms, expires_at_ms, units)
        VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.codeHash, input.name, input.kind, input.by, input.atMs, expiresAtMs, units);
    appendAudit(
      db,
      enrolmentCreatedAudit(input.name, input.kind, expiresAtMs, input.units ?? null, input.by, input.atMs),
    );
    return { expiresAtMs };
  })();
}

/** Uses a code once: the device is created with its credential's hash, and the code is spent. */
export function redeemEnrolment(
  db: SqliteDatabase,
  codeHash: string,
  credentialHash: string,
  atMs: number,
): RedeemResult {
  return db.transaction((): RedeemResult => {
    const found = db
      .prepare<[string], EnrolmentCodeRow>(
        `SELECT ${ENROLMENT_CODE_COLUMNS} FROM device_enrolments WHERE code_hash = ?`,
      )
      .get(codeHash);
    const checked = checkEnrolmentCode(found, atMs);
    if (!checked.ok) return checked;
    const { code } = checked;
    const name = code.device_name;
    if (liveDevice(db, name)) return { ok: false, reason: 'name_taken', name };
    db.prepare('UPDATE device_enrolments SET used_at_ms = ? WHERE code_hash = ?').run(atMs, codeHash);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO devices (name, kind, credential_hash, enrolled_by, enrolled_at_ms, units)
          VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(name, code.kind, credentialHash, code.created_by, atMs, code.units);
    const row = db
      .prepare<[number], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`)
      .get(Number(lastInsertRowid))!;
    appendAudit(
      db,
      deviceEnrolledAudit(name, code.kind, row.id, deviceUnitsOf(row.units), code.created_by, atMs),
    );
    return { ok: true, device: deviceSummaryOf(row) };
  })();
}

/** The device holding this credential, revoked or not (the caller refuses a revoked one). */
export function findDeviceByCredential(db: SqliteDatabase, credentialHash: string): DeviceSummary | null {
  const row = db
    .prepare<[string], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE credential_hash = ?`)
    .get(credentialHash);
  return row ? deviceSummaryOf(row) : null;
}

export function listDevices(db: SqliteDatabase): DeviceSummary[] {
  return db
    .prepare<[], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY name, id`)
    .all()
    .map(deviceSummaryOf);
}

/** Revokes the enrolled device of this name and withdraws any code still open for the name. */
export function revokeDevice(db: SqliteDatabase, name: string, by: string, atMs: number): DeviceSummary {
  return db.transaction(() => {
    const device = liveDevice(db, name);
    db.prepare(
      `UPDATE device_enrolments SET withdrawn_at_ms = ?
        WHERE device_name = ? AND used_at_ms IS NULL AND withdrawn_at_ms IS NULL`,
    ).run(atMs, name);
    if (!device) throw noEnrolledDevice(name);
    db.prepare('UPDATE devices SET revoked_at_ms = ?, revoked_by = ? WHERE id = ?').run(atMs, by, device.id);
    appendAudit(db, deviceRevokedAudit(device.name, device.kind, device.id, by, atMs));
    return deviceSummaryOf({ ...device, revoked_at_ms: atMs, revoked_by: by });
  })();
}
