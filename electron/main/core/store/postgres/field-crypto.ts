// Field encryption for the PostgreSQL store. Community PostgreSQL has no encryption at rest, so
// personal fields and typed free text are sealed here, in the core, before they leave the process:
// the server, its WAL, its backups and pg_dump only ever hold ciphertext.
//
// - Each value: AES-256-GCM under a random 256-bit DATA key, a fresh 96-bit IV, and associated data
//   naming the column and the row (e.g. "flag_personal.subject_json|fl_123"), so a ciphertext copied
//   into another row or column does not open. Layout: version (1) | key id (4, big-endian) | IV (12) |
//   tag (16) | ciphertext.
// - Data keys are stored WRAPPED (AES-256-GCM) by a key-encryption key derived with HKDF-SHA256 from
//   the console key and a random salt kept in the database. The console key never goes to the server.
// - A verifier (HMAC of a fixed label under a key derived the same way) lets a wrong console key be
//   refused before anything is read or written.
// - Rotation: a new data key becomes the one that seals; old ones stay (wrapped) for opening what
//   they sealed, until a re-encryption has moved every value onto the new one (keyring.ts).
import crypto from 'node:crypto';
import { ContractError } from '../../../../../shared/errors';

const VERSION = 1;
const HEADER = 1 + 4 + 12 + 16;
const KEK_INFO = 'lifeline-pg-kek-v1';
const CHECK_INFO = 'lifeline-pg-key-check-v1';
const SUBJECT_INFO = 'lifeline-pg-subject-v1';

/** A value that cannot be opened: tampered with, moved, or sealed under a key we do not hold. */
export class FieldCryptoError extends ContractError {
  constructor(message: string) {
    super('internal', message);
    this.name = 'FieldCryptoError';
  }
}

function hkdf(consoleKey: Buffer, salt: Buffer, info: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', consoleKey, salt, info, 32));
}

/** What the database keeps to check a console key: a salt and the verifier (neither reveals the key). */
export interface KeyCheck {
  salt: Buffer;
  verifier: Buffer;
}

/** The keys derived from the console key for one database (its salt). */
export class ConsoleKeyDerivation {
  private readonly kek: Buffer;
  private readonly check: Buffer;
  /** Links a subject's flags without revealing the account id (HMAC, not a bare hash). */
  readonly subjectKey: Buffer;

  constructor(
    consoleKey: Buffer,
    readonly salt: Buffer,
  ) {
    if (consoleKey.length !== 32) throw new FieldCryptoError('The console key must be 32 bytes.');
    this.kek = hkdf(consoleKey, salt, KEK_INFO);
    this.check = hkdf(consoleKey, salt, CHECK_INFO);
    this.subjectKey = hkdf(consoleKey, salt, SUBJECT_INFO);
  }

  static fresh(consoleKey: Buffer): ConsoleKeyDerivation {
    return new ConsoleKeyDerivation(consoleKey, crypto.randomBytes(16));
  }

  verifier(): Buffer {
    return crypto.createHmac('sha256', this.check).update('lifeline console key check').digest();
  }

  /** Throws (clearly) unless this derivation's console key is the one the database was made with. */
  assertMatches(stored: KeyCheck): void {
    const mine = this.verifier();
    if (stored.verifier.length !== mine.length || !crypto.timingSafeEqual(stored.verifier, mine)) {
      throw new ContractError(
        'forbidden',
        'The console key does not open this PostgreSQL database (its key check does not match). ' +
          'Nothing was read or written. Use the key this database was created with.',
      );
    }
  }

  wrap(keyId: number, dataKey: Buffer): Buffer {
    return sealWith(this.kek, keyId, dataKey, `data_key|${keyId}`);
  }

  unwrap(keyId: number, wrapped: Buffer): Buffer {
    return openWith(() => this.kek, wrapped, `data_key|${keyId}`, `data key ${keyId}`);
  }
}

function sealWith(key: Buffer, keyId: number, plain: Buffer, aad: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const header = Buffer.alloc(5);
  header.writeUInt8(VERSION, 0);
  header.writeUInt32BE(keyId, 1);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
}

/** The key id a sealed value names (for re-encryption and tests). */
export function keyIdOf(sealed: Buffer): number {
  if (sealed.length < HEADER || sealed.readUInt8(0) !== VERSION)
    throw new FieldCryptoError('A sealed field has an unknown format (not written by this console).');
  return sealed.readUInt32BE(1);
}

function openWith(keyFor: (keyId: number) => Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  const keyId = keyIdOf(sealed);
  const key = keyFor(keyId);
  const iv = sealed.subarray(5, 17);
  const tag = sealed.subarray(17, HEADER);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER)), decipher.final()]);
  } catch {
    throw new FieldCryptoError(
      `${what} failed its integrity check (AES-GCM): it was changed, moved from another row, or sealed ` +
        'under another key. It was not read.',
    );
  }
}

/** Seals and opens field values with the database's data keys (unwrapped in memory only). */
export class FieldCrypto {
  constructor(
    private readonly keys: ReadonlyMap<number, Buffer>,
    /** The key new values are sealed with: the newest. */
    readonly activeKeyId: number,
    readonly subjectHmacKey: Buffer,
  ) {
    if (!keys.has(activeKeyId)) throw new FieldCryptoError(`No data key ${activeKeyId} to seal with.`);
  }

  /** Seals text; null stays null (an absent field is not a secret). */
  seal(plain: string, aad: string): Buffer;
  seal(plain: string | null, aad: string): Buffer | null;
  seal(plain: string | null, aad: string): Buffer | null {
    if (plain === null) return null;
    return sealWith(this.keys.get(this.activeKeyId)!, this.activeKeyId, Buffer.from(plain, 'utf8'), aad);
  }

  open(sealed: Buffer, aad: string): string;
  open(sealed: Buffer | null, aad: string): string | null;
  open(sealed: Buffer | null, aad: string): string | null {
    if (sealed === null) return null;
    const keyFor = (keyId: number) => {
      const key = this.keys.get(keyId);
      if (!key)
        throw new FieldCryptoError(
          `A field was sealed under data key ${keyId}, which this database does not hold.`,
        );
      return key;
    };
    return openWith(keyFor, sealed, aad, aad.split('|')[0] ?? 'a field').toString('utf8');
  }

  /** The subject key (which flags are one account's): keyed, so the server cannot recompute it from ids. */
  subjectKey(platform: string | null | undefined, accountId: unknown): string | null {
    if (typeof accountId !== 'string' || accountId === '') return null;
    return crypto
      .createHmac('sha256', this.subjectHmacKey)
      .update(`${platform ?? ''}\u0000${accountId}`)
      .digest('hex')
      .slice(0, 32);
  }
}
