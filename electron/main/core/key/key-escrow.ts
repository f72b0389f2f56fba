// Key escrow: the database key, encrypted with an administrator's passphrase, kept offline for
// disaster recovery (a lost key file, a reset or replaced OS keychain), and its restore.
//
// The file is small JSON: the key encrypted with AES-256-GCM under a key derived from the
// passphrase by scrypt (random salt), a passphrase check, and the key's fingerprint (the first 16
// hex digits of its SHA-256) — never the key. Every field but the ciphertext and its tag is bound to
// it as additional data, so an altered field fails authentication. A restore checks the passphrase,
// the authentication, the fingerprint and that the key really opens the database (read-only)
// before it writes anything; both operations append an entry to the audit trail.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../../shared/errors';
import { keyOpensStore, openAdminStore, openPostgresAdminStore, postgresKeyOpens } from '../open-admin-store';
import { keyFingerprintOf } from '../store/key-fingerprint';
import { KEY_BYTES } from '../store/store-types';
import type { KeyProvider } from './key-provider';

export const ESCROW_FORMAT = 'lifeline-key-escrow' as const;
export const ESCROW_VERSION = 1;
export const MIN_PASSPHRASE_LENGTH = 16;
/** scrypt cost: N = 2^17 (128 MiB, about half a second), r = 8, p = 1. */
export const DEFAULT_LOG_N = 17;
/** What a restore accepts from a file: at least 2^15, at most 2^20 (a file must not exhaust memory). */
const MIN_LOG_N = 15;
const MAX_LOG_N = 20;
const CHECK_LABEL = 'lifeline-key-escrow passphrase check v1';

export interface EscrowFile {
  format: typeof ESCROW_FORMAT;
  version: number;
  kdf: { name: 'scrypt'; logN: number; r: number; p: number };
  cipher: 'aes-256-gcm';
  salt: string;
  iv: string;
  /** HMAC of a fixed label under the derived key: tells a wrong passphrase from an altered file. */
  check: string;
  tag: string;
  ciphertext: string;
  /** First 16 hex digits of the key's SHA-256. */
  fingerprint: string;
  createdAt: string;
  createdBy: string;
}

export const keyFingerprint = keyFingerprintOf;

const ACTOR = /^[\p{L}\p{M}\p{N} ._'-]{1,64}$/u;

/** The administrator named by --by: a person's name or account, recorded in the audit trail. */
export function checkActor(by: string | undefined): string {
  const name = by?.trim();
  if (!name || !ACTOR.test(name)) {
    throw new ContractError(
      'invalid_request',
      "--by: the administrator doing this (1–64 letters, digits, spaces, . _ ' -) is required.",
      'by',
    );
  }
  return name;
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new ContractError(
      'invalid_request',
      `The escrow passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      'passphrase',
    );
  }
}

function derive(passphrase: string, salt: Buffer, kdf: EscrowFile['kdf']): { enc: Buffer; mac: Buffer } {
  const N = 2 ** kdf.logN;
  const out = crypto.scryptSync(passphrase.normalize('NFC'), salt, 64, {
    N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 128 * N * kdf.r * kdf.p + 16 * 1024 * 1024,
  });
  return { enc: out.subarray(0, 32), mac: out.subarray(32) };
}

/** Every field except the ciphertext and the tag, in a fixed order: the GCM additional data. */
function associatedData(f: Omit<EscrowFile, 'tag' | 'ciphertext'>): Buffer {
  return Buffer.from(
    JSON.stringify([
      f.format,
      f.version,
      f.kdf.name,
      f.kdf.logN,
      f.kdf.r,
      f.kdf.p,
      f.cipher,
      f.salt,
      f.iv,
      f.check,
      f.fingerprint,
      f.createdAt,
      f.createdBy,
    ]),
  );
}

export function encryptKey(
  key: Buffer,
  passphrase: string,
  meta: { createdBy: string; now?: Date; logN?: number },
): EscrowFile {
  if (key.length !== KEY_BYTES) throw new ContractError('internal', `The key is not ${KEY_BYTES} bytes.`);
  checkPassphrase(passphrase);
  const kdf = { name: 'scrypt' as const, logN: meta.logN ?? DEFAULT_LOG_N, r: 8, p: 1 };
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const { enc, mac } = derive(passphrase, salt, kdf);
  const head = {
    format: ESCROW_FORMAT,
    version: ESCROW_VERSION,
    kdf,
    cipher: 'aes-256-gcm' as const,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    check: crypto.createHmac('sha256', mac).update(CHECK_LABEL).digest('base64'),
    fingerprint: keyFingerprint(key),
    createdAt: (meta.now ?? new Date()).toISOString(),
    createdBy: meta.createdBy,
  };
  const cipher = crypto.createCipheriv('aes-256-gcm', enc, iv);
  cipher.setAAD(associatedData(head));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return { ...head, tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseEscrow(text: string, where: string): EscrowFile {
  let f: Partial<EscrowFile> & Record<string, unknown>;
  try {
    f = JSON.parse(text) as typeof f;
  } catch {
    throw new ContractError('invalid_request', `${where} is not a key escrow file (not JSON).`);
  }
  if (f === null || typeof f !== 'object' || f.format !== ESCROW_FORMAT) {
    throw new ContractError('invalid_request', `${where} is not a Lifeline key escrow file.`);
  }
  if (f.version !== ESCROW_VERSION) {
    throw new ContractError(
      'invalid_request',
      `${where} is escrow format version ${String(f.version)}; this program reads version ${ESCROW_VERSION}.`,
    );
  }
  const kdf = f.kdf;
  const fieldsOk =
    kdf !== null &&
    typeof kdf === 'object' &&
    kdf.name === 'scrypt' &&
    Number.isInteger(kdf.logN) &&
    kdf.logN >= MIN_LOG_N &&
    kdf.logN <= MAX_LOG_N &&
    kdf.r === 8 &&
    kdf.p === 1 &&
    f.cipher === 'aes-256-gcm' &&
    [f.salt, f.iv, f.check, f.tag, f.ciphertext].every((v) => typeof v === 'string' && B64.test(v)) &&
    typeof f.fingerprint === 'string' &&
    /^[0-9a-f]{16}$/.test(f.fingerprint) &&
    typeof f.createdAt === 'string' &&
    typeof f.createdBy === 'string';
  if (!fieldsOk) {
    throw new ContractError(
      'invalid_request',
      `${where}: the escrow file's fields are missing or altered (KDF, cipher, salt, iv, tag or fingerprint).`,
    );
  }
  return f as EscrowFile;
}

/** The key inside an escrow file; a clear error naming what failed otherwise. */
export function decryptKey(text: string, passphrase: string, where = 'the escrow file'): Buffer {
  const f = parseEscrow(text, where);
  const { enc, mac } = derive(passphrase, Buffer.from(f.salt, 'base64'), f.kdf);
  const check = crypto.createHmac('sha256', mac).update(CHECK_LABEL).digest();
  const stored = Buffer.from(f.check, 'base64');
  if (stored.length !== check.length || !crypto.timingSafeEqual(stored, check)) {
    throw new ContractError(
      'forbidden',
      `Wrong passphrase for ${where} (or its salt or KDF parameters were altered). Nothing was written.`,
    );
  }
  let key: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', enc, Buffer.from(f.iv, 'base64'));
    decipher.setAAD(associatedData(f));
    decipher.setAuthTag(Buffer.from(f.tag, 'base64'));
    key = Buffer.concat([decipher.update(Buffer.from(f.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new ContractError(
      'forbidden',
      `${where} was altered: the passphrase is right but its contents fail authentication (AES-GCM tag). Nothing was written.`,
    );
  }
  if (key.length !== KEY_BYTES || keyFingerprint(key) !== f.fingerprint) {
    throw new ContractError(
      'forbidden',
      `${where}: the decrypted key does not match the file's fingerprint ${f.fingerprint}. Nothing was written.`,
    );
  }
  return key;
}

/**
 * Proof that the key opens the store, without writing a byte (no migration, no checkpoint): the
 * engine's own check (store-admin.ts KeyOpensStore), answering its schema version.
 */
export function keyOpensDatabase(file: string, key: Buffer): number {
  return keyOpensStore(file, key);
}

/** Where the escrowed key belongs: the embedded SQLite file, or a shared PostgreSQL (its URL). */
export interface EscrowDatabase {
  databaseFile: string;
  /** A shared PostgreSQL instead of the file (--database-url / LIFELINE_DATABASE_URL). */
  databaseUrl?: string | undefined;
}

const keyOpens = (where: EscrowDatabase, key: Buffer): Promise<number> =>
  where.databaseUrl
    ? postgresKeyOpens(where.databaseUrl, key)
    : Promise.resolve(keyOpensStore(where.databaseFile, key));

/** The escrow's record in the audit trail, through the store like any other audited action. */
async function appendAudit(
  where: EscrowDatabase,
  key: Buffer,
  entry: { actor: string; action: string; detail: object },
) {
  const store = where.databaseUrl
    ? await openPostgresAdminStore(where.databaseUrl, key, { createIfMissing: false })
    : openAdminStore(where.databaseFile, key, { createIfMissing: false });
  try {
    await store.recordAudit({
      atMs: Date.now(),
      actor: entry.actor,
      action: entry.action,
      target: keyFingerprint(key),
      detail: entry.detail,
    });
  } finally {
    await store.close();
  }
}

export interface EscrowExportOptions extends EscrowDatabase {
  keyProvider: KeyProvider;
  out: string;
  passphrase: string;
  by: string;
  /** scrypt cost as a power of two (default 17; at least 15). */
  logN?: number;
}

export interface EscrowResult {
  file: string;
  fingerprint: string;
  schemaVersion: number;
}

/** Writes the escrow file (0600, never over an existing file) and audits it as key.escrow_exported. */
export async function exportKeyEscrow(options: EscrowExportOptions): Promise<EscrowResult> {
  const by = checkActor(options.by);
  checkPassphrase(options.passphrase);
  if ((options.logN ?? DEFAULT_LOG_N) < MIN_LOG_N) {
    throw new ContractError('invalid_request', `scrypt cost below 2^${MIN_LOG_N} is refused.`);
  }
  if (fs.existsSync(options.out)) {
    throw new ContractError('conflict', `${options.out} exists already; the escrow never overwrites a file.`);
  }
  const key = await options.keyProvider.obtain({ databaseExists: true });
  try {
    // Never escrow a key that does not open this database.
    const schemaVersion = await keyOpens(options, key);
    const escrow = encryptKey(key, options.passphrase, { createdBy: by, logN: options.logN });
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true, mode: 0o700 });
    fs.writeFileSync(options.out, JSON.stringify(escrow, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    fs.chmodSync(options.out, 0o600);
    try {
      await appendAudit(options, key, {
        actor: by,
        action: 'key.escrow_exported',
        detail: { version: ESCROW_VERSION, kdfLogN: escrow.kdf.logN },
      });
    } catch (error) {
      fs.rmSync(options.out, { force: true }); // no escrow the audit trail does not know of
      throw error;
    }
    return { file: options.out, fingerprint: escrow.fingerprint, schemaVersion };
  } finally {
    key.fill(0);
  }
}

export interface EscrowRestoreOptions extends EscrowDatabase {
  /** Where the restored key goes: the provider's install() (the key file, or the OS keychain). */
  keyProvider: KeyProvider;
  in: string;
  passphrase: string;
  by: string;
}

/**
 * Decrypts the escrow, checks it opens the database, then installs the key in the provider's place
 * (the key it replaces is kept aside by the provider) and audits key.escrow_restored.
 */
export async function restoreKeyEscrow(options: EscrowRestoreOptions): Promise<EscrowResult> {
  const by = checkActor(options.by);
  if (!options.keyProvider.install) {
    throw new ContractError(
      'invalid_request',
      `A key cannot be restored into ${options.keyProvider.describe()}; use a key file (--key-file).`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(options.in, 'utf8');
  } catch {
    throw new ContractError('not_found', `Cannot read the escrow file ${options.in}.`);
  }
  const key = decryptKey(text, options.passphrase, `the escrow file ${options.in}`);
  try {
    const schemaVersion = await keyOpens(options, key);
    options.keyProvider.install(key);
    await appendAudit(options, key, {
      actor: by,
      action: 'key.escrow_restored',
      detail: { version: ESCROW_VERSION, schemaVersion },
    });
    return { file: options.in, fingerprint: keyFingerprint(key), schemaVersion };
  } finally {
    key.fill(0);
  }
}
