// The database key in the Electron shell: 32 random bytes, stored only wrapped by the OS keychain
// through safeStorage. On Linux, a "basic_text" or unknown backend would wrap the key with a
// hard-coded password, so the shell refuses it unless the operator explicitly opts in. The backend
// that wrapped the key is recorded; a different backend later stops start-up with a clear message
// instead of silently re-keying.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { ContractError } from '../../../shared/errors';
import type { KeyProvider } from '../core/key/key-provider';
import { KEY_BYTES } from '../core/store/open-database';

const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

export function safeStorageKeyProvider(
  safeStorage: SafeStorage,
  dir: string,
  options: { platform: NodeJS.Platform; allowWeakBackend: boolean },
): KeyProvider {
  const wrappedFile = path.join(dir, 'db.key.wrapped');
  const backendFile = path.join(dir, 'db.key.backend');
  const backend = () =>
    options.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : options.platform;

  return {
    describe: () => `OS keychain via safeStorage (${backend()}), wrapped key in ${wrappedFile}`,
    exists: () => fs.existsSync(wrappedFile),
    async obtain({ databaseExists }) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new ContractError(
          'unavailable',
          'The OS keychain is not available; the database key cannot be unwrapped.',
        );
      }
      const current = backend();
      if (WEAK_BACKENDS.has(current) && !options.allowWeakBackend) {
        throw new ContractError(
          'forbidden',
          `The keychain backend is "${current}", which does not protect the key. Install and unlock a keyring ` +
            '(gnome-keyring or KWallet), or start with --allow-weak-keychain to accept the risk.',
        );
      }
      if (fs.existsSync(wrappedFile)) {
        const recorded = fs.existsSync(backendFile) ? fs.readFileSync(backendFile, 'utf8').trim() : current;
        if (recorded !== current) {
          throw new ContractError(
            'forbidden',
            `The key was wrapped by the "${recorded}" keychain but this session uses "${current}". ` +
              'Start the desktop session that has that keychain, or restore the key from escrow; the key will not be replaced.',
          );
        }
        const hex = safeStorage.decryptString(fs.readFileSync(wrappedFile));
        return Buffer.from(hex, 'hex');
      }
      if (databaseExists) {
        throw new ContractError(
          'forbidden',
          `The wrapped key ${wrappedFile} is missing but a database exists. Restore it; a new key would never open the data.`,
        );
      }
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const key = crypto.randomBytes(KEY_BYTES);
      fs.writeFileSync(wrappedFile, safeStorage.encryptString(key.toString('hex')), {
        mode: 0o600,
        flag: 'wx',
      });
      fs.writeFileSync(backendFile, current + '\n', { mode: 0o600 });
      return key;
    },
  };
}
