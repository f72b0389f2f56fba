// Invented accounts for tests that act through the command line or the core.
import type { AccountRole } from '../../shared/accounts';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { createAccount } from '../../electron/main/core/store/account-queries';
import type { SqliteDatabase } from '../../electron/main/core/store/open-database';

export const TEST_PASSWORD = 'test password 1';

export function addTestAccount(db: SqliteDatabase, name: string, role: AccountRole): void {
  createAccount(db, { name, role, passwordHash: hashPassword(TEST_PASSWORD) }, 'test set-up', 0);
}
