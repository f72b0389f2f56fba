// The engine-neutral types of the store seam: what crosses the Store interface, whichever engine
// (embedded SQLite today, a shared PostgreSQL later) sits behind it. Nothing here may name an
// engine: a file under store/sqlite/ may import these, never the reverse.
import type { AccountRole } from '../../../../shared/accounts';
import type { Shift } from '../../../../shared/shifts/schedule';
import type { RegistryVersionSummary, UnitRegistry } from '../../../../shared/routing/unit-registry';

export type { RegistryVersionSummary };

/** The console key's length in bytes (a 256-bit key, whichever engine it unlocks). */
export const KEY_BYTES = 32;

/** An account as stored, with its password hash (never leaves the core except to be verified). */
export interface AccountRecord {
  name: string;
  role: AccountRole;
  password_hash: string;
  locked_at_ms: number | null;
  /** The `unit` role's police units (shared/units.ts); null for every other role. */
  units: string[] | null;
}

export const SESSION_KINDS = [
  'logon',
  'logon_failed',
  'logoff',
  'desk_locked',
  'desk_unlocked',
  'unlock_failed',
  'command',
  'command_refused',
  // main locked the desk itself after idling (desk_locked: the page asked)
  'desk_idle_locked',
  // the session ended after the unlock failure that locked the account
  'logoff_forced',
  // a desk that lost its link, or whose core restarted, came back with its resume token
  'resumed',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A saved version of the unit registry (migration 20); none saved means the shipped one, version 0. */
export interface StoredRegistry {
  version: number;
  registry: UnitRegistry;
  savedBy: string;
  savedAtMs: number;
}

/** A new registry version, validated by the core (core/units/) before the store is handed it. */
export interface RegistrySave {
  registry: UnitRegistry;
  /** The version the change was made on: a save on an older one is refused (someone saved meanwhile). */
  basedOn: number;
  /** What changed, as codes (shared/routing/registry-changes.ts), for the audit entry. */
  changes: string[];
  by: string;
  atMs: number;
  /** The imported file's SHA-256 (hex); null for an edit made on a desk. */
  sourceSha256: string | null;
}

export interface UnitContact {
  unitKey: string;
  contact: string;
  changedBy: string;
  changedAtMs: number;
}

export interface PurgeResult {
  cutoffMs: number;
  /** Flags whose personal fields were erased by this run (each has a personal_erased event). */
  flagsErased: number;
  /** Of which flag_personal rows deleted. */
  personalRowsDeleted: number;
  /** Flag events whose detail was reduced to its audit form. */
  eventsRedacted: number;
  /** Follow-up notes and dispatch reasons erased. */
  notesErased: number;
  /** Quarantined records whose raw text was erased. */
  quarantineErased: number;
  /** Closed before the cutoff but with a welfare check-in still to do: kept until it is done. */
  deferred: number;
  /** More flags are due than this call erased (its limit): call again. */
  more: boolean;
  /** The WAL was checkpointed into the file and truncated to nothing (false: a reader held it). */
  walTruncated: boolean;
}

export interface ReportRange {
  fromMs: number;
  toMs: number;
  shiftKey?: string;
}

export interface ReportContext {
  schedule: readonly Shift[];
  /** Running stages (not acknowledged yet…) are timed to here. */
  nowMs: number;
}

/** The room's enrolled devices (lifeline device …; core/net/): a desk or a wall. */
export const DEVICE_KINDS = ['desk', 'wall'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export interface DeviceSummary {
  id: number;
  name: string;
  kind: DeviceKind;
  enrolledBy: string;
  enrolledAtMs: number;
  revokedAtMs: number | null;
  revokedBy: string | null;
  /**
   * A district control room's desk: the police units it was enrolled for. Its connections see only
   * those units' flags, logged on or not, and only their unit accounts log on there. null: a room
   * device (the command centre's), as every device before migration 24.
   */
  units: string[] | null;
}

export type RedeemResult =
  | { ok: true; device: DeviceSummary }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'withdrawn' | 'name_taken'; name: string | null };

/**
 * An acting command's request id, handed to the store method that carries the action (core/room/
 * idempotency.ts): the method records its answer under this id in the SAME transaction as the
 * action, so the action is never on file without its answer, nor the reverse, and a retry finds the
 * answer whenever the action happened. If the id already has an answer the method does nothing and
 * throws 'conflict' (request.id_reused); the caller then reads the first answer.
 */
export interface RequestStamp {
  requestId: string;
  /** The contract channel (shared/room/request-id.ts IDEMPOTENT_CHANNELS). */
  channel: string;
  /** The logged-on account that sent it. */
  actor: string;
  atMs: number;
}

/** A room command's first answer, kept by its request id (core/room/idempotency.ts). */
/**
 * A logon session a desk may take up again after a lost link or a core restart (core/accounts/
 * resume-tokens.ts). Only the token's hash is kept; the session's state is what the idle lock needs.
 */
export interface ResumeTokenRecord {
  /** SHA-256 of the token, hex. */
  tokenHash: string;
  /** The device the token was issued to ('device-12'): presented from any other, it is refused. */
  binding: string;
  account: string;
  locked: boolean;
  lastActivityMs: number;
  /** When the core last knew the session alive: the resume window counts from here. */
  lastSeenMs: number;
  issuedAtMs: number;
}

export interface RequestResult {
  requestId: string;
  channel: string;
  /** The account that sent it: the same id from another account is refused, never answered. */
  actor: string;
  atMs: number;
  /** The answer as JSON. A reveal stores only {"flagId"}: personal fields are never kept twice. */
  resultJson: string;
}

/** One dispatch as the per-unit figures read it (core/reports/unit-figures.ts): times and codes only. */
export interface UnitDispatchRow {
  unitKey: string;
  dispatchedAtMs: number;
  receivedAtMs: number | null;
  via: 'console' | 'telephone' | null;
  contactAtMs: number | null;
  outcomeAtMs: number | null;
  handedBackAtMs: number | null;
}

/** A new enrolment code (`lifeline device enrol`), as both engines store it. */
export interface EnrolmentInput {
  name: string;
  kind: DeviceKind;
  codeHash: string;
  by: string;
  atMs: number;
  ttlMs: number;
  /** A district control room's desk: its units (known ids; checked by the caller). */
  units?: readonly string[];
}
