// Invented accounts for tests that act through the command line or the core.
import type { AccountRole } from '../../shared/accounts';
import crypto from 'node:crypto';
import { encodeHash, SCRYPT_PARAMS, scryptMaxmem } from '../../electron/main/core/accounts/passwords';
import { createAccount } from '../../electron/main/core/store/sqlite/account-queries';
import type { SqliteDatabase } from '../../electron/main/core/store/sqlite/open-database';

export const TEST_PASSWORD = 'test password 1';

// One hash with the current parameters for every test account (the same salt is harmless here), made
// on first use: a fresh hash per account would cost a third of a second each.
let testHash: string | null = null;
export function testPasswordHash(): string {
  const salt = crypto.randomBytes(16);
  testHash ??= encodeHash(
    SCRYPT_PARAMS,
    salt,
    crypto.scryptSync(TEST_PASSWORD, salt, 32, { ...SCRYPT_PARAMS, maxmem: scryptMaxmem(SCRYPT_PARAMS) }),
  );
  return testHash;
}

export function addTestAccount(db: SqliteDatabase, name: string, role: AccountRole): void {
  createAccount(db, { name, role, passwordHash: testPasswordHash() }, 'test set-up', 0);
}
