// The database key in the Electron shell: 32 random bytes, stored only wrapped by the OS keychain
// through safeStorage. On Linux, a "basic_text" or unknown backend would wrap the key with a
// hard-coded password, so the shell refuses it unless the operator explicitly opts in.
//
// The backend that wrapped the key is recorded beside it (db.key.backend, JSON, 0600). On every
// start the current backend must be the recorded one: a different backend — a keyring that was
// not unlocked, a changed desktop, a fallback to basic_text — stops start-up with both backends
// named and what to do. The key is never replaced silently and no new database is created; only a
// restore from the key escrow (install) writes a new wrapped key, keeping the old one aside.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { ContractError } from '../../../shared/errors';
import { replaceFileKeepingOld, type KeyProvider } from '../core/key/key-provider';
import { KEY_BYTES } from '../core/store/store-types';

const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);
export const WRAPPED_KEY_FILE = 'db.key.wrapped';
export const BACKEND_FILE = 'db.key.backend';

export interface BackendRecord {
  version: 1;
  /** safeStorage.getSelectedStorageBackend() on Linux, else the platform name. */
  backend: string;
  platform: NodeJS.Platform;
  wrappedAt: string;
}

const RESTORE_COMMAND =
  'lifeline-console --restore-key-escrow=FILE --by=NAME (docs/operations.md, "Key escrow and restore drill")';
const NOTHING_CHANGED = 'The key was not replaced and no new database was created.';
const WHAT_TO_DO =
  'Log in to the desktop session whose keychain wrapped the key (restore the previous keyring and ' +
  `unlock it), or restore the key from the escrow: ${RESTORE_COMMAND}. ${NOTHING_CHANGED}`;

/** The recorded backend; a plain-text record (first versions) is read as the backend's name. */
function readRecord(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!text.startsWith('{')) return text || null;
  try {
    const record = JSON.parse(text) as Partial<BackendRecord>;
    return typeof record.backend === 'string' && record.backend ? record.backend : null;
  } catch {
    return null;
  }
}

function recordOf(backend: string, platform: NodeJS.Platform): string {
  const record: BackendRecord = { version: 1, backend, platform, wrappedAt: new Date().toISOString() };
  return JSON.stringify(record) + '\n';
}

export function safeStorageKeyProvider(
  safeStorage: SafeStorage,
  dir: string,
  options: { platform: NodeJS.Platform; allowWeakBackend: boolean },
): KeyProvider {
  const wrappedFile = path.join(dir, WRAPPED_KEY_FILE);
  const backendFile = path.join(dir, BACKEND_FILE);
  const backend = () =>
    options.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : options.platform;

  /** The current backend, if it may wrap a new key. */
  function usableBackend(): string {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new ContractError(
        'unavailable',
        'The OS keychain is not available; the database key cannot be wrapped or unwrapped.',
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
    return current;
  }

  function unwrapExisting(): Buffer {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new ContractError(
        'unavailable',
        'The OS keychain is not available; the database key cannot be unwrapped.',
      );
    }
    const current = backend();
    const recorded = readRecord(backendFile);
    if (recorded === null) {
      throw new ContractError(
        'forbidden',
        `The record of the keychain that wrapped the key (${backendFile}) is missing or unreadable, so ` +
          `this session's "${current}" keychain cannot be trusted with it. Restore ${BACKEND_FILE} from the ` +
          `backup of ${dir}, or restore the key from the escrow: ${RESTORE_COMMAND}. ${NOTHING_CHANGED}`,
      );
    }
    if (recorded !== current) {
      const weak = WEAK_BACKENDS.has(current) && !WEAK_BACKENDS.has(recorded);
      throw new ContractError(
        'forbidden',
        `The key was wrapped by the "${recorded}" keychain but this session uses "${current}"` +
          (weak ? ', which does not protect the key at all (the keyring is missing or locked)' : '') +
          `. ${WHAT_TO_DO}`,
      );
    }
    if (WEAK_BACKENDS.has(current) && !options.allowWeakBackend) usableBackend(); // throws the weak message
    let hex: string;
    try {
      hex = safeStorage.decryptString(fs.readFileSync(wrappedFile));
    } catch {
      hex = '';
    }
    if (!/^[0-9a-f]{64}$/i.test(hex)) {
      throw new ContractError(
        'forbidden',
        `The "${current}" keychain could not unwrap ${wrappedFile} (the keyring was reset, or belongs to ` +
          `another user). ${WHAT_TO_DO}`,
      );
    }
    return Buffer.from(hex, 'hex');
  }

  return {
    describe: () => `OS keychain via safeStorage (${backend()}), wrapped key in ${wrappedFile}`,
    exists: () => fs.existsSync(wrappedFile),
    createdFiles: () => [wrappedFile, backendFile],
    async obtain({ databaseExists }) {
      if (fs.existsSync(wrappedFile)) return unwrapExisting();
      const current = usableBackend();
      if (databaseExists) {
        throw new ContractError(
          'forbidden',
          `The wrapped key ${wrappedFile} is missing but a database exists. Restore it from the backup, or ` +
            'restore the key from the escrow; a new key would never open the data.',
        );
      }
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const key = crypto.randomBytes(KEY_BYTES);
      // The record first: a crash before the key is written leaves no key, so the next start begins again.
      fs.writeFileSync(backendFile, recordOf(current, options.platform), { mode: 0o600 });
      fs.chmodSync(backendFile, 0o600);
      fs.writeFileSync(wrappedFile, safeStorage.encryptString(key.toString('hex')), {
        mode: 0o600,
        flag: 'wx',
      });
      return key;
    },
    // A key restored from the escrow (already checked to open the database), wrapped by this
    // session's keychain; the previous wrapped key and record are kept aside.
    install(key) {
      const current = usableBackend();
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const wrapped = safeStorage.encryptString(key.toString('hex'));
      if (fs.existsSync(backendFile)) fs.renameSync(backendFile, `${backendFile}.replaced-${Date.now()}`);
      replaceFileKeepingOld(wrappedFile, wrapped);
      replaceFileKeepingOld(backendFile, recordOf(current, options.platform));
    },
  };
}
