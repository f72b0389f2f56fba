// Opens (or, on first run only, creates) the encrypted database. The rules that protect the data:
// - the key is checked before anything is written, so a wrong key leaves the file byte-for-byte
//   as it was, and no -wal/-shm files are left behind;
// - an existing file is never recreated, and a plaintext SQLite file is refused, never "upgraded";
// - a database written by newer code (user_version above ours) is refused;
// - the file is created 0600 in a 0700 directory (SQLite gives -wal/-shm the same mode).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ContractError } from '../../../../../shared/errors';
import { registerAuditFunctions } from './register-audit-functions';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { KEY_BYTES } from '../store-types';

export type SqliteDatabase = Database.Database;

export { KEY_BYTES };
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Create the file when it does not exist (first run). Otherwise a missing file is an error. */
  createIfMissing: boolean;
  /** The workstation this connection writes from, recorded with each audit entry (default: host name). */
  desk?: string;
}

export function openEncryptedDatabase(file: string, key: Buffer, options: OpenOptions): SqliteDatabase {
  if (key.length !== KEY_BYTES) {
    throw new ContractError(
      'forbidden',
      `The database key must be ${KEY_BYTES} bytes; refusing to open ${file}.`,
    );
  }
  const existing = inspectExistingFile(file);
  if (!existing && !options.createIfMissing) {
    throw new ContractError('not_found', `No database at ${file}.`);
  }
  if (!existing && !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  }

  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    verifyKey(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    // Pages are decrypted into this cache as they are read: 64 MiB (16 MiB before) holds a year's
    // kept report days for a million flags (about 30 MB), so a supervisor moving between periods
    // is not decrypting them again each time (a year's report: 0.52–0.57 s against 0.68–0.80 s,
    // measured 2026-12-02). It fills only as pages are read.
    db.pragma('cache_size = -65536');
    // Deleted and overwritten content is zeroed, not left in free pages and cells where a later key
    // compromise would find it (retention relies on it). SQLite3 Multiple Ciphers already does this
    // for an encrypted database, so it costs nothing here; said explicitly so it cannot silently go.
    db.pragma('secure_delete = ON');
    // The CLI's import may write while a host runs: wait for the other writer instead of failing.
    db.pragma('busy_timeout = 5000');
    // Before migrating: migration 8 and every audited write call these.
    registerAuditFunctions(db, options.desk ?? os.hostname());
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Returns true when a non-empty database file is there; throws if it is plaintext SQLite. */
function inspectExistingFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const header = Buffer.alloc(PLAINTEXT_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    if (read === 0) return false; // an empty file is what a crashed first run leaves: initialise it
    if (read === header.length && header.equals(PLAINTEXT_HEADER)) {
      throw new ContractError(
        'forbidden',
        `${file} is an unencrypted SQLite database. Lifeline Console never opens or converts one; move it away.`,
      );
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

function verifyKey(db: SqliteDatabase, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    throw new ContractError(
      'forbidden',
      `The key does not open ${file} (wrong key, or not a Lifeline database). The file was not changed.`,
    );
  }
}

function migrate(db: SqliteDatabase, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new ContractError(
      'conflict',
      `${file} has schema version ${current}, newer than this program's ${LATEST_SCHEMA_VERSION}. Install the newer Lifeline Console; the file was not changed.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
