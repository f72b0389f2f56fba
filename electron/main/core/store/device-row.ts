// An enrolled device and its enrolment code as both engines keep them, and when a code may be used:
// one mapping and one rule, so the engines cannot disagree on what a device looks like or which
// code enrols one.
import { ContractError } from '../../../../shared/errors';
import type { DeviceKind, DeviceSummary, RedeemResult } from './store-types';

export interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceKind;
  enrolled_by: string;
  enrolled_at_ms: number;
  revoked_at_ms: number | null;
  revoked_by: string | null;
  /** A district control room's desk: its units as a JSON array; null for a room device. */
  units: string | null;
}
export const DEVICE_COLUMNS = 'id, name, kind, enrolled_by, enrolled_at_ms, revoked_at_ms, revoked_by, units';

/** The units column of a device or an enrolment code, read back. */
export const deviceUnitsOf = (units: string | null): string[] | null =>
  units === null ? null : (JSON.parse(units) as string[]);

export const deviceSummaryOf = (r: DeviceRow): DeviceSummary => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  enrolledBy: r.enrolled_by,
  enrolledAtMs: r.enrolled_at_ms,
  revokedAtMs: r.revoked_at_ms,
  revokedBy: r.revoked_by,
  units: deviceUnitsOf(r.units),
});

export interface EnrolmentCodeRow {
  device_name: string;
  kind: DeviceKind;
  created_by: string;
  expires_at_ms: number;
  used_at_ms: number | null;
  withdrawn_at_ms: number | null;
  units: string | null;
}
export const ENROLMENT_CODE_COLUMNS =
  'device_name, kind, created_by, expires_at_ms, used_at_ms, withdrawn_at_ms, units';

/**
 * Whether this code may enrol a device at atMs: a code is used once, before it expires, unless
 * withdrawn. (That the name is still free is the engine's read: 'name_taken'.)
 */
export function checkEnrolmentCode(
  code: EnrolmentCodeRow | null | undefined,
  atMs: number,
): { ok: true; code: EnrolmentCodeRow } | Extract<RedeemResult, { ok: false }> {
  if (!code) return { ok: false, reason: 'unknown', name: null };
  const name = code.device_name;
  if (code.used_at_ms !== null) return { ok: false, reason: 'used', name };
  if (code.withdrawn_at_ms !== null) return { ok: false, reason: 'withdrawn', name };
  if (atMs >= code.expires_at_ms) return { ok: false, reason: 'expired', name };
  return { ok: true, code };
}

/** The administrator's refusals (lifeline device …: host-side, worded for the command line). */
export const deviceNameTaken = (name: string) =>
  new ContractError(
    'conflict',
    `--name ${name}: a device of that name is enrolled. Revoke it first, or choose another name.`,
    'name',
  );
export const noEnrolledDevice = (name: string) =>
  new ContractError('not_found', `--name ${name}: no enrolled device of that name.`, 'name');
