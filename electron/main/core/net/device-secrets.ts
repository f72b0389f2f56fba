// The two secrets of enrolment. A code is typed by a person at the device, once, within minutes:
// twelve characters of Crockford's base32 (60 bits; letters that look alike read as one). A
// credential is what the device keeps from then on: 32 random bytes. The core stores SHA-256 of
// each: both are random, so there is nothing a slow hash would protect from guessing.
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENROLMENT_CODE_TTL_MS = 10 * 60_000;

export function newEnrolmentCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The code as a person may type it (any case, with or without dashes; O for 0, I and L for 1). */
export function normaliseEnrolmentCode(text: string): string | null {
  const plain = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(plain) ? plain : null;
}

export const hashSecret = (secret: string): string =>
  crypto.createHash('sha256').update(secret, 'utf8').digest('hex');

export const hashEnrolmentCode = (normalised: string): string => hashSecret(`enrolment:${normalised}`);

export const newDeviceCredential = (): string => crypto.randomBytes(32).toString('base64url');

export const DEVICE_CREDENTIAL_PATTERN = /^[A-Za-z0-9_-]{43}$/;
