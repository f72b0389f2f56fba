// Where a one-shot command (the CLI, the desktop app's key escrow mode) gets the store: the engine
// is chosen here, beside start-console.ts, and the caller sees only the admin interface.
import { openEncryptedDatabase } from './store/sqlite/open-database';
import { sqliteAdmin } from './store/sqlite/sqlite-admin';
import type { StoreAdmin } from './store/store-admin';

export function openAdminStore(file: string, key: Buffer, options: { createIfMissing: boolean }): StoreAdmin {
  return sqliteAdmin(openEncryptedDatabase(file, key, options));
}
