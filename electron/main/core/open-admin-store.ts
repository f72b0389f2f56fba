// Where a one-shot command (the CLI, the desktop app's key escrow mode) gets the store: the engine
// is chosen here, beside start-console.ts, and the caller sees only the admin interfaces
// (store/store-admin.ts).
import { openEncryptedDatabase } from './store/sqlite/open-database';
import { sqliteAdmin } from './store/sqlite/sqlite-admin';
import { SqliteStore } from './store/sqlite/sqlite-store';
import { sqliteKeyOpens, sqliteVerifier } from './store/sqlite/sqlite-verify';
import type { KeyOpensStore, StoreAdmin, StoreVerifier } from './store/store-admin';
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
import { postgresVerifier } from './store/postgres/verify-queries';
import { getUnitRegistry } from './store/sqlite/registry-queries';
import { putInForce } from './units/unit-registry';

export function openAdminStore(file: string, key: Buffer, options: { createIfMissing: boolean }): StoreAdmin {
  const db = openEncryptedDatabase(file, key, options);
  const store = new SqliteStore(db);
  // As start-console.ts does: flags stored before routing existed get their route on this open,
  // with the store's unit registry (and a file import routes with it too).
  putInForce(getUnitRegistry(db));
  const unrouted = store.listUnroutedFlags();
  if (unrouted.length > 0) store.setFlagRoutes(decideRoutes(unrouted));
  return sqliteAdmin(db, store);
}

/**
 * `lifeline verify`'s reads, on a connection of their own: no backfill and no store statements
 * prepared, so a damaged file still opens far enough to be reported on.
 */
export function openStoreVerifier(file: string, key: Buffer): StoreVerifier {
  return sqliteVerifier(openEncryptedDatabase(file, key, { createIfMissing: false }));
}

/** The key escrow's check that a key opens the store, read-only (store-admin.ts KeyOpensStore). */
export const keyOpensStore: KeyOpensStore = sqliteKeyOpens;

/** The same check on a shared PostgreSQL, read-only too (store/postgres/open-postgres.ts). */
export { postgresKeyOpens } from './store/postgres/open-postgres';
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

/**
 * `lifeline verify` on a shared PostgreSQL: the key checked against the keyring first (never a new
 * database), then the same seam reads as SQLite's (store/postgres/verify-queries.ts).
 */
export async function openPostgresVerifier(
  url: string | undefined,
  key: Buffer,
): Promise<{ verifier: StoreVerifier; target: string }> {
  const { db, prepared } = await openPostgresStore({ url, key, createIfMissing: false, max: 1 });
  return { verifier: postgresVerifier(db), target: describeSettings(prepared.settings) };
}
