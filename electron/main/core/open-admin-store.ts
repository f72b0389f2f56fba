// Where a one-shot command (the CLI, the desktop app's key escrow mode) gets the store: the engine
// is chosen here, beside start-console.ts, and the caller sees only the admin interfaces
// (store/store-admin.ts).
import { openEncryptedDatabase } from './store/sqlite/open-database';
import { sqliteAdmin } from './store/sqlite/sqlite-admin';
import { SqliteStore } from './store/sqlite/sqlite-store';
import { sqliteKeyOpens, sqliteVerifier } from './store/sqlite/sqlite-verify';
import type { KeyOpensStore, StoreAdmin, StoreVerifier } from './store/store-admin';
import { decideRoutes } from './ingest/route-backfill';
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
