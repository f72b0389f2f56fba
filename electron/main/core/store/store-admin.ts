// The narrow admin side of the seam, for the command line: the Store itself plus the few things
// only a key holder at the console machine does. The CLI works through this and never through an
// engine's own handle, so `lifeline account|purge|verify|export` and the key escrow work alike
// whichever engine is behind it; only the openers (core/open-admin-store.ts) choose the engine.
import type { AuditVerification } from './audit-chain-check';
import type { AuditEntry } from './audit-hash';
import type { Store } from './store';
import type { DeviceSummary, EnrolmentInput } from './store-types';

export type { AuditVerification } from './audit-chain-check';

/** One of the engine's own checks of its storage, in its words (pages, tables; never a row's content). */
export interface StorageCheck {
  /** e.g. 'integrity_check' (SQLite), 'amcheck' (PostgreSQL). */
  name: string;
  /** Empty when the check passed. */
  problems: string[];
  /** Said after "ok" when it passed (e.g. how many pages were read and authenticated). */
  note?: string;
}

/** An audit anchor kept with a signed handover: the head of the trail at signing. */
export interface StoredAnchor {
  /** 'handover <shift id>'. */
  source: string;
  seq: number;
  hash: string;
}

export interface AuditExportInput {
  /** The range: fromMs ≤ at_ms < toMs. */
  fromMs: number;
  toMs: number;
  /** Who exports; recorded as the audit.exported entry's actor at atMs. */
  actor: string;
  atMs: number;
  /** The range as the export states it (ISO texts); the engine adds the count of entries. */
  detail: { from: string; to: string };
}

export interface AuditExport {
  /** The range's entries in seq order, every field. */
  entries: AuditEntry[];
  /** The whole trail's check, with the export's own entry. */
  chain: AuditVerification;
  /** The last entry: the one recording this export. */
  head: Pick<AuditEntry, 'seq' | 'at' | 'hash'>;
}

/**
 * What `lifeline verify` reads: opened on its own (core/open-admin-store.ts openStoreVerifier), with
 * no migration, backfill or write, so a damaged store can still be reported on. Each read may
 * throw; verify words the failure.
 */
export interface StoreVerifier {
  /** The schema version as the engine numbers it (SQLite: PRAGMA user_version). */
  schemaVersion(): Promise<number>;
  /** The engine's own checks (SQLite: integrity_check, then every page read and its HMAC checked). */
  checkStorage(): Promise<StorageCheck[]>;
  /** The whole trail walked in seq order through the seam's checker (store/audit-chain-check.ts). */
  verifyAuditTrail(): Promise<AuditVerification>;
  /** The engine's guards that keep the trail append-only and fed (SQLite: triggers) that are missing. */
  missingAuditGuards(): Promise<string[]>;
  /** The anchors the signed handovers carry, in signing order. */
  handoverAnchors(): Promise<StoredAnchor[]>;
  /** The entries at these seqs and those with these hashes (anchors' lookups; absent ones left out). */
  findAuditEntries(query: { seqs: number[]; hashes: string[] }): Promise<{ seq: number; hash: string }[]>;
  close(): Promise<void>;
}

export interface StoreAdmin extends Store, Omit<StoreVerifier, 'close'> {
  /**
   * The key holder's release of an account (`lifeline account release --break-glass`): the lock is
   * lifted and the use recorded in the audit trail (with who said they did it and from where) in
   * one transaction, so the release is never on file without its record, nor the reverse.
   */
  breakGlassRelease(
    name: string,
    by: string,
    desk: string,
    atMs: number,
  ): Promise<{ name: string; wasLocked: boolean }>;

  /**
   * A one-time enrolment code for a device not enrolled yet (`lifeline device enrol`); only its
   * hash is kept, and an earlier unused code for the same name is withdrawn.
   */
  createEnrolment(input: EnrolmentInput): Promise<{ expiresAtMs: number }>;

  /** Revokes the enrolled device of this name (`lifeline device revoke`); a running core cuts it off. */
  revokeDevice(name: string, by: string, atMs: number): Promise<DeviceSummary>;

  /**
   * `lifeline export`: a time range of the trail, recorded as an audit.exported entry in the same
   * transaction as the read (the record and the read are one), with the chain's check and head.
   */
  exportAudit(input: AuditExportInput): Promise<AuditExport>;

  /**
   * The cores connected to a shared store, the polling one first (`lifeline status`); null for the
   * embedded store, whose one core is the host itself.
   */
  coreSessions(): Promise<CoreSession[] | null>;
}

/** A core connected to a shared store, as the database server sees it. */
export interface CoreSession {
  name: string;
  /** Its address as the server sees it (null over a Unix socket). */
  address: string | null;
  sinceMs: number;
  polling: boolean;
}

/**
 * Whether a key opens the store, without writing a byte (no migration, no checkpoint): the key
 * escrow's check before it escrows or installs a key. Answers the schema version; throws a
 * ContractError ('not_found', 'forbidden' naming the key's fingerprint, 'unavailable') otherwise.
 */
export type KeyOpensStore = (location: string, key: Buffer) => number;
