// A data directory as a running installation has it, for tests of `lifeline` commands that act as
// an account: the encrypted database, its key file (0600) and invented accounts with TEST_PASSWORD.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AccountRole } from '../../shared/accounts';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { addTestAccount, TEST_PASSWORD } from './accounts';
import { tempDir } from './temp-store';

export function cliStore(accounts: [name: string, role: AccountRole][] = [['Sup Imran', 'supervisor']]) {
  const dir = tempDir('cli-');
  const dataDir = path.join(dir, 'data');
  const keyFile = path.join(dir, 'keys', 'db.key');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600 });
  const file = path.join(dataDir, 'lifeline.db');
  const sync = SqliteStore.open(file, key, { createIfMissing: true });
  for (const [name, role] of accounts) addTestAccount(sync.database, name, role);
  sync.close();
  return {
    dir,
    file,
    key,
    keyFile,
    dataDir,
    env: { LIFELINE_DATA_DIR: dataDir, LIFELINE_KEY_FILE: keyFile, LIFELINE_PASSWORD: TEST_PASSWORD },
    open: () => SqliteStore.open(file, key, { createIfMissing: false }),
  };
}
