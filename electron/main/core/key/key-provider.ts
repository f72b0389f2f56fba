// Where the database key comes from. The Electron shell wraps it with safeStorage
// (shell/safe-storage-key.ts); the headless host and tests use a key file or an environment
// variable. Whatever the source, a missing key never leads to a new database over an old one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../../shared/errors';
import { KEY_BYTES } from '../store/store-types';

export interface KeyProvider {
  /** Where the key lives, for messages and `lifeline status` (never the key itself). */
  describe(): string;
  /** Whether a key is already stored (before obtain() may create one). */
  exists(): boolean;
  /** The key; a new one only when no database exists yet. */
  obtain(options: { databaseExists: boolean }): Promise<Buffer>;
  /**
   * Puts a restored key (key escrow, already checked to open the database) in this provider's
   * place. A different key found there is kept aside, never deleted. Absent: cannot hold one.
   */
  install?(key: Buffer): void;
  /** The files obtain() may create, so that a failed first start can remove them again. */
  createdFiles?(): string[];
}

/** Writes `content` to `file` (0600) through a temporary file, keeping a different old one aside. */
export function replaceFileKeepingOld(file: string, content: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (fs.existsSync(file)) {
    if (fs.readFileSync(file).equals(Buffer.from(content))) return;
    fs.renameSync(file, `${file}.replaced-${Date.now()}`);
  }
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  fs.renameSync(temp, file);
}

/**
 * Whether this start may create a new database. Only on a true first run: no database and no key
 * yet, or when the operator says so (--init). A key that exists beside a missing database means
 * the data directory is wrong or its disk is not mounted, and a fresh empty database there would
 * look healthy while the real flags never sound.
 */
export function mayCreateDatabase(
  provider: KeyProvider,
  options: { databaseExists: boolean; init: boolean; dataDir: string },
): boolean {
  if (options.databaseExists) return false;
  if (!provider.exists() || options.init) return true;
  throw new ContractError(
    'not_found',
    `No database in ${options.dataDir}, but a key already exists (${provider.describe()}). Check the data ` +
      'directory (is its disk mounted?). For a new installation with an existing key, start once with --init.',
  );
}

const HEX_KEY = /^[0-9a-f]{64}$/i;

function parseHexKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!HEX_KEY.test(hex)) {
    throw new ContractError(
      'forbidden',
      `${where}: the key must be ${KEY_BYTES * 2} hexadecimal characters.`,
    );
  }
  return Buffer.from(hex, 'hex');
}

export function fileKeyProvider(file: string): KeyProvider {
  return {
    describe: () => `key file ${file}`,
    exists: () => fs.existsSync(file),
    createdFiles: () => [file],
    async obtain({ databaseExists }) {
      try {
        const text = fs.readFileSync(file, 'utf8');
        if ((fs.statSync(file).mode & 0o077) !== 0) {
          throw new ContractError(
            'forbidden',
            `The key file ${file} is readable by other users. Run: chmod 600 ${file}`,
          );
        }
        return parseHexKey(text, `key file ${file}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      if (databaseExists) {
        throw new ContractError(
          'forbidden',
          `The key file ${file} is missing but a database exists. Restore the key file; a new key would never open the existing data.`,
        );
      }
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const key = crypto.randomBytes(KEY_BYTES);
      fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      return key;
    },
    install(key) {
      replaceFileKeepingOld(file, key.toString('hex') + '\n');
    },
  };
}

/** Keys taken out of an environment, per environment object and variable (see envKeyProvider). */
const takenFromEnv = new WeakMap<NodeJS.ProcessEnv, Map<string, string>>();

/** Removes the variable from the environment, keeping its value here for later providers. */
function takeFromEnv(variable: string, env: NodeJS.ProcessEnv): string | undefined {
  let taken = takenFromEnv.get(env);
  if (!taken) takenFromEnv.set(env, (taken = new Map()));
  const value = env[variable];
  if (value) {
    taken.set(variable, value);
    delete env[variable];
  }
  return taken.get(variable);
}

/** Whether the key is (or was, before it was taken out) in this environment variable. */
export function envKeyPresent(variable: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[variable]) || takenFromEnv.get(env)?.has(variable) === true;
}

/**
 * The key from an environment variable, which is removed from the environment once read: child
 * processes (the store worker, anything spawned later) and a later look at process.env never see
 * it. The value stays in this module only, so a second provider (key-escrow opens the database
 * and then exports its key) still finds it.
 */
export function envKeyProvider(variable: string, env: NodeJS.ProcessEnv = process.env): KeyProvider {
  return {
    describe: () => `environment variable ${variable}`,
    exists: () => true,
    async obtain() {
      const text = takeFromEnv(variable, env);
      if (!text) throw new ContractError('forbidden', `The environment variable ${variable} holds no key.`);
      return parseHexKey(text, `environment variable ${variable}`);
    },
  };
}
