// The SQLite engine's checks for `lifeline verify` (store-admin.ts StoreVerifier) and the key
// escrow's "does this key open the file" check. SQLite's own words for a failure name pages and
// tables, never row values, so they may be printed.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { ContractError } from '../../../../../shared/errors';
import { keyFingerprintOf } from '../key-fingerprint';
import type { StorageCheck, StoreVerifier } from '../store-admin';
import { findAuditEntries, missingAuditTriggers, storedAnchors, verifyAuditChain } from './audit-queries';
import type { SqliteDatabase } from './open-database';

/** SQLite's own words for a failure (they name pages and tables, never row values). */
function failureText(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code?.startsWith('SQLITE_') ? `${code}: ${(error as Error).message}` : 'unexpected failure';
}

function attempt(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    return [failureText(error)];
  }
}

/**
 * SQLCipher's PRAGMA cipher_integrity_check lists pages whose HMAC fails. SQLite3 Multiple Ciphers
 * (our driver) does not know it and, like any unknown pragma, answers with no rows whatever the file
 * holds; it checks each page's HMAC when the page is read instead. So the pragma's rows count, and
 * reading every page in use (dbstat, after this) is what actually authenticates them — with HMAC
 * checking confirmed on, since an unchecked read would prove nothing.
 */
function cipherIntegrityCheck(db: SqliteDatabase): string[] {
  const reported = (db.pragma('cipher_integrity_check') as Record<string, unknown>[]).map((r) =>
    Object.values(r).join(' '),
  );
  const hmacCheck = db.pragma('hmac_check', { simple: true }) as unknown;
  if (String(hmacCheck) !== '1') reported.push('page HMAC checking is off on this connection');
  return reported;
}

export function checkSqliteStorage(db: SqliteDatabase): StorageCheck[] {
  let pagesRead = 0;
  const cipherIntegrity = attempt(() => {
    const found = cipherIntegrityCheck(db);
    pagesRead = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM dbstat').get()!.n;
    return found;
  });
  const integrity = attempt(() =>
    (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((m) => m !== 'ok'),
  );
  return [
    { name: 'integrity_check', problems: integrity },
    {
      name: 'cipher integrity (page HMACs)',
      problems: cipherIntegrity,
      note: `${pagesRead} pages in use read and authenticated`,
    },
  ];
}

/** verify's reads on an open connection; closing it closes the connection. */
export function sqliteVerifier(db: SqliteDatabase): StoreVerifier {
  return {
    schemaVersion: async () => db.pragma('user_version', { simple: true }) as number,
    checkStorage: async () => checkSqliteStorage(db),
    verifyAuditTrail: async () => verifyAuditChain(db),
    missingAuditGuards: async () => missingAuditTriggers(db),
    handoverAnchors: async () => storedAnchors(db),
    findAuditEntries: async (query) => findAuditEntries(db, query),
    close: async () => void db.close(),
  };
}

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens the database read-only with the key and reads its schema version: proof that the key opens
 * it, without writing a byte (no migration, no WAL checkpoint).
 */
export function sqliteKeyOpens(file: string, key: Buffer): number {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    throw new ContractError('not_found', `No database at ${file}.`);
  }
  const header = Buffer.alloc(PLAINTEXT_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.equals(PLAINTEXT_HEADER)) {
    throw new ContractError('forbidden', `${file} is an unencrypted SQLite file, not a Lifeline database.`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ContractError('unavailable', `Cannot open ${file} read-only (${(error as Error).message}).`);
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    throw new ContractError(
      'forbidden',
      `The key (fingerprint ${keyFingerprintOf(key)}) does not open ${file}. Nothing was written.`,
    );
  } finally {
    db.close();
  }
}
