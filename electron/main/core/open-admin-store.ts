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
import { reencryptFields, rotateDataKey } from './store/postgres/keyring';
import { PgDb } from './store/postgres/pg-db';

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
      if (options.rotate) {
        await client.query('BEGIN');
        rotatedTo = await rotateDataKey(client, key, Date.now());
        await client.query('COMMIT');
      }
    } finally {
      client.release();
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
