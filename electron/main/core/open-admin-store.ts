// Where a one-shot command (the CLI, the desktop app's key escrow mode) gets the store: the engine
// is chosen here, beside start-console.ts, and the caller sees only the admin interface.
import { openEncryptedDatabase } from './store/sqlite/open-database';
import { sqliteAdmin } from './store/sqlite/sqlite-admin';
import { SqliteStore } from './store/sqlite/sqlite-store';
import type { StoreAdmin } from './store/store-admin';
import { decideRoutes } from './ingest/route-backfill';
import { openPostgresStore, prepareDatabase } from './store/postgres/open-postgres';
import {
  clientConfig,
  describeSettings,
  resolveConnectionSettings,
} from './store/postgres/connection-settings';
import { loadFieldCrypto, reencryptFields, rotateDataKey } from './store/postgres/keyring';
import os from 'node:os';
import { PgDb } from './store/postgres/pg-db';
import { verifyAuditEntries, type AuditEntry, type AuditVerification } from './audit/audit-chain';

export function openAdminStore(file: string, key: Buffer, options: { createIfMissing: boolean }): StoreAdmin {
  const db = openEncryptedDatabase(file, key, options);
  const store = new SqliteStore(db);
  // As start-console.ts does: flags stored before routing existed get their route on this open.
  const unrouted = store.listUnroutedFlags();
  if (unrouted.length > 0) store.setFlagRoutes(decideRoutes(unrouted));
  return sqliteAdmin(db, store);
}

/** The admin interface on a shared PostgreSQL (its keyring checked first; made only when creating). */
export async function openPostgresAdminStore(
  url: string | undefined,
  key: Buffer,
  options: { createIfMissing: boolean },
): Promise<StoreAdmin> {
  const { admin } = await openPostgresStore({ url, key, createIfMissing: options.createIfMissing });
  const unrouted = await admin.listUnroutedFlags();
  if (unrouted.length > 0) await admin.setFlagRoutes(decideRoutes(unrouted));
  return admin;
}

export interface MigrateReport {
  target: string;
  applied: number[];
  version: number;
  keyringCreated: boolean;
  rotatedTo: number | null;
  reencrypted: number;
  keptUnderOldKeys: number;
}

/**
 * `lifeline migrate`: the PostgreSQL schema brought up to date, the console key checked first (the
 * keyring made with --init on a database that has none), and with rotate a new data key that seals
 * from now on, everything that may be rewritten re-sealed under it.
 */
export async function migratePostgres(
  url: string | undefined,
  key: Buffer,
  options: { init: boolean; rotate: boolean },
): Promise<MigrateReport> {
  const settings = resolveConnectionSettings(url, process.env);
  const pool = PgDb.pool({ ...clientConfig(settings), max: 2 });
  try {
    const client = await pool.connect();
    let prepared;
    let rotatedTo: number | null = null;
    try {
      prepared = await prepareDatabase(client, { key, createIfMissing: options.init });
    } finally {
      client.release();
    }
    if (options.rotate) {
      // One transaction with its audit entry (key ids and times only), chained like any other.
      const keyClient = await pool.connect();
      const fieldCrypto = await loadFieldCrypto(keyClient, key).finally(() => keyClient.release());
      const db = new PgDb(pool, () => fieldCrypto, os.hostname());
      rotatedTo = await db.tx(async (tx) => {
        const atMs = Date.now();
        const id = await rotateDataKey(tx.client, key, atMs);
        tx.audit({
          atMs,
          actor: 'system',
          action: 'key.data_key_rotated',
          target: null,
          detailJson: JSON.stringify({ keyId: id }),
        });
        return id;
      });
    }
    const moved = options.rotate ? await reencryptFields(pool, key) : { rewritten: 0, keptUnderOldKeys: 0 };
    return {
      target: describeSettings(settings),
      applied: prepared.applied,
      version: prepared.version,
      keyringCreated: prepared.created,
      rotatedTo,
      reencrypted: moved.rewritten,
      keptUnderOldKeys: moved.keptUnderOldKeys,
    };
  } finally {
    await pool.end();
  }
}

export interface PostgresVerifyReport {
  ok: boolean;
  target: string;
  schemaVersion: number;
  audit: AuditVerification;
  /** The append-only triggers PostgreSQL should have and does not (dropped: tampering). */
  missingTriggers: string[];
  anchors: { hash: string; seq: number | null; ok: boolean }[];
}

/** The triggers that make the PostgreSQL store's history append-only (migrations.ts). */
export const PG_APPEND_ONLY_TRIGGERS = [
  'audit_log_append_only',
  'flag_events_append_only',
  'alarm_log_append_only',
  'handovers_receipt_only',
] as const;

/**
 * `lifeline verify` on PostgreSQL: the key checked first, then the audit trail's chain walked with the
 * same code as SQLite's (audit-chain.ts), the append-only triggers present, and given anchors found.
 * (Page-level integrity is the server's: PostgreSQL's data checksums, pg_amcheck.)
 */
export async function verifyPostgres(
  url: string | undefined,
  key: Buffer,
  anchors: readonly string[],
): Promise<PostgresVerifyReport> {
  const { admin, db, prepared } = await openPostgresStore({ url, key, createIfMissing: false, max: 1 });
  try {
    const rows = (await db.pool.query<AuditEntry>('SELECT * FROM audit_log ORDER BY seq')).rows;
    const audit = verifyAuditEntries(rows);
    const present = new Set(
      (
        await db.pool.query<{ tgname: string }>('SELECT tgname FROM pg_trigger WHERE NOT tgisinternal')
      ).rows.map((r) => r.tgname),
    );
    const missingTriggers = PG_APPEND_ONLY_TRIGGERS.filter((t) => !present.has(t));
    const checks = anchors.map((hash) => {
      const seq = rows.find((r) => r.hash === hash)?.seq ?? null;
      return { hash, seq, ok: seq !== null };
    });
    return {
      ok: audit.ok && missingTriggers.length === 0 && checks.every((a) => a.ok),
      target: describeSettings(prepared.settings),
      schemaVersion: prepared.version,
      audit,
      missingTriggers,
      anchors: checks,
    };
  } finally {
    await admin.close();
  }
}
