// The SQLite engine behind the CLI's admin interface (store-admin.ts), on a connection the CLI
// opened in its own process (no worker: a one-shot command has no window to keep responsive).
import { isLockedOut } from '../../../../../shared/accounts';
import { coded, ContractError } from '../../../../../shared/errors';
import type { StoreAdmin } from '../store-admin';
import { breakGlassReleaseAudit } from '../audit-entries';
import { getAccount, updateAccount } from './account-queries';
import { appendAudit, exportAudit } from './audit-queries';
import { createEnrolment, revokeDevice } from './device-queries';
import type { SqliteDatabase } from './open-database';
import { inProcessStore, SqliteStore } from './sqlite-store';
import { sqliteVerifier } from './sqlite-verify';

export function sqliteAdmin(db: SqliteDatabase, store = new SqliteStore(db)): StoreAdmin {
  const { close: _closedByTheStore, ...verifier } = sqliteVerifier(db);
  return {
    ...inProcessStore(store),
    ...verifier,
    breakGlassRelease: async (name, by, desk, atMs) =>
      db.transaction(() => {
        const account = getAccount(db, name);
        if (!account) throw new ContractError('not_found', coded('account.not_found', { name }), 'name');
        const wasLocked = isLockedOut(account.locked_at_ms, atMs);
        appendAudit(db, breakGlassReleaseAudit(account.name, by, desk, wasLocked, atMs));
        updateAccount(db, account.name, { lockedAtMs: null }, by, atMs);
        return { name: account.name, wasLocked };
      })(),
    createEnrolment: async (input) => createEnrolment(db, input),
    revokeDevice: async (name, by, atMs) => revokeDevice(db, name, by, atMs),
    exportAudit: async (input) => exportAudit(db, input),
    coreSessions: async () => null,
  };
}
