// Where a one-shot command (the CLI, the desktop app's key escrow mode) gets the store: the engine
// is chosen here, beside start-console.ts, and the caller sees only the admin interface.
import { openEncryptedDatabase } from './store/sqlite/open-database';
import { sqliteAdmin } from './store/sqlite/sqlite-admin';
import { SqliteStore } from './store/sqlite/sqlite-store';
import type { StoreAdmin } from './store/store-admin';
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
