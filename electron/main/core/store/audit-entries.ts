// Which writes are audited, and as what: the one table "change → audit entry" both engines use
// (issue #19). Each engine writes the entry in the transaction of the change it records — SQLite
// through its audit_append view (which chains it in place), PostgreSQL through tx.audit (chained at
// commit) — so the same action leaves the same action, target and detail on either. The detail here
// is the full one; what of it may be kept is shared/audit-detail.ts's, applied where it is chained.
// SQLite's triggers made these entries up to migration 25: the forms below are theirs, unchanged.
import type { AccountRole } from '../../../../shared/accounts';

export interface AuditInput {
  atMs: number;
  /** null is the system (stored as 'system'). */
  actor: string | null;
  action: string;
  target: string | null;
  /** The full detail: reduced to its audit form (codes, numbers, lengths) before it is stored. */
  detailJson: string;
}

const entry = (
  atMs: number,
  actor: string | null,
  action: string,
  target: string | null,
  detail: object = {},
): AuditInput => ({ atMs, actor, action, target, detailJson: JSON.stringify(detail) });

/** The feed's own flag event kinds: ingest writes no audit entry (a page can hold thousands). */
const FEED_KINDS: ReadonlySet<string> = new Set(['received', 'revised', 'withdrawn']);

/**
 * Any flag event but the feed's own, as flag.<kind> on the flag: a kind added later is audited
 * without a change here. The detail is the event's own JSON text, as stored.
 */
export function flagEventAudit(
  flagId: string,
  atMs: number,
  kind: string,
  actor: string | null,
  detailJson: string,
): AuditInput | null {
  if (FEED_KINDS.has(kind)) return null;
  return { atMs, actor, action: `flag.${kind}`, target: flagId, detailJson };
}

/** Silences, tests, escalations, floods, feed alarms: each one, on the flag it names if any. */
export function alarmAudit(e: {
  atMs: number;
  kind: string;
  actor: string | null;
  detail: object;
}): AuditInput {
  const flagId = (e.detail as { flagId?: unknown }).flagId;
  return {
    atMs: e.atMs,
    actor: e.actor,
    action: `alarm.${e.kind}`,
    target: flagId === undefined || flagId === null ? null : String(flagId),
    detailJson: JSON.stringify(e.detail),
  };
}

/** A roster row assigned or removed. The roster does not record who edited it: 'unattributed' says so. */
export function rosterAudit(
  shiftId: string,
  change: 'assigned' | 'removed',
  row: { desk: string; operator: string; supervisor: boolean | number },
  atMs: number,
): AuditInput {
  return entry(atMs, 'unattributed', 'roster.changed', shiftId, {
    change,
    desk: row.desk,
    operator: row.operator,
    supervisor: Number(row.supervisor),
  });
}

export function handoverSignedAudit(
  shiftId: string,
  by: string,
  atMs: number,
  sha256: string,
  notes: string,
): AuditInput {
  return entry(atMs, by, 'handover.signed', shiftId, { sha256, notesLength: notes.length });
}

export function handoverReceivedAudit(shiftId: string, by: string, atMs: number, sha256: string): AuditInput {
  return entry(atMs, by, 'handover.received', shiftId, { sha256 });
}

/** A logon, logoff, lock or failure, by the name given, on the desk. */
export function sessionAudit(name: string, kind: string, desk: string, atMs: number): AuditInput {
  return entry(atMs, name, `session.${kind}`, desk);
}

export function accountCreatedAudit(
  name: string,
  role: AccountRole,
  units: readonly string[] | null,
  by: string,
  atMs: number,
): AuditInput {
  return entry(atMs, by, 'account.created', name, units === null ? { role } : { role, units });
}

interface AccountState {
  role: AccountRole;
  units: readonly string[] | null;
  locked_at_ms: number | null;
  password_hash: string;
}

/**
 * What an account's change is audited as, in this order: its role or units (before and after), a
 * lock set or cleared, a new password hash — the same password made again with stronger parameters
 * by 'system' at logon (core/accounts/passwords.ts) is a rehash, not a change.
 */
export function accountChangeAudits(
  name: string,
  before: AccountState,
  after: AccountState,
  by: string,
  atMs: number,
): AuditInput[] {
  const entries: AuditInput[] = [];
  const unitsText = (units: readonly string[] | null) => (units === null ? null : JSON.stringify(units));
  if (before.role !== after.role || unitsText(before.units) !== unitsText(after.units))
    entries.push(
      entry(atMs, by, 'account.role_changed', name, {
        from: before.role,
        to: after.role,
        fromUnits: before.units,
        toUnits: after.units,
      }),
    );
  if ((before.locked_at_ms === null) !== (after.locked_at_ms === null))
    entries.push(entry(atMs, by, after.locked_at_ms === null ? 'account.released' : 'account.locked', name));
  if (before.password_hash !== after.password_hash)
    entries.push(
      entry(atMs, by, by === 'system' ? 'account.password_rehashed' : 'account.password_changed', name),
    );
  return entries;
}

export function breakGlassReleaseAudit(
  name: string,
  by: string,
  desk: string,
  wasLocked: boolean,
  atMs: number,
): AuditInput {
  return entry(atMs, by, 'account.break_glass_release', name, { desk, wasLocked });
}

/** A unit's control-room number set or changed (its audit form is its length). */
export function unitContactAudit(unitKey: string, contact: string, by: string, atMs: number): AuditInput {
  return entry(atMs, by, 'unit.contact_set', unitKey, { contact });
}

export function registrySavedAudit(
  version: number,
  units: number,
  changes: readonly string[],
  sourceSha256: string | null,
  by: string,
  atMs: number,
): AuditInput {
  return entry(atMs, by, 'unit.registry_saved', `v${version}`, {
    version,
    units,
    change: changes,
    sha256: sourceSha256,
  });
}

/** A desk bound to units says them; a room device (units null) has none. */
export function enrolmentCreatedAudit(
  name: string,
  deviceKind: string,
  expiresAtMs: number,
  units: readonly string[] | null,
  by: string,
  atMs: number,
): AuditInput {
  return entry(
    atMs,
    by,
    'device.enrolment_created',
    name,
    units === null ? { deviceKind, expiresAtMs } : { deviceKind, expiresAtMs, units },
  );
}

export function deviceEnrolledAudit(
  name: string,
  deviceKind: string,
  device: number,
  units: readonly string[] | null,
  by: string,
  atMs: number,
): AuditInput {
  return entry(
    atMs,
    by,
    'device.enrolled',
    name,
    units === null ? { deviceKind, device } : { deviceKind, device, units },
  );
}

export function deviceRevokedAudit(
  name: string,
  deviceKind: string,
  device: number,
  by: string,
  atMs: number,
): AuditInput {
  return entry(atMs, by, 'device.revoked', name, { deviceKind, device });
}
