// Password hashing with scrypt from node:crypto, off the core's one thread: crypto.scrypt runs in
// libuv's thread pool, so a logon storm no longer holds every other client's request for the
// length of each hash (scryptSync did, about 80 ms a call at N = 2^15).
//
// Parameters follow OWASP's password storage guidance (scrypt N = 2^17, r = 8, p = 1: 128 MiB and
// roughly 0.3 s a hash on the console machine). Each hash is stored with its own parameters, so a
// hash made with older, weaker ones still verifies; `needsRehash` says when a successful logon should
// store it again with the current ones.
import crypto from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

// What a stored hash may ask for. The store is trusted, but a damaged or planted row must not make
// one verification allocate gigabytes: N up to 2^20 (1 GiB at r = 8) is the ceiling.
const LIMITS = { minLog2N: 10, maxLog2N: 20, maxR: 32, maxP: 16 } as const;

/**
 * scrypt needs 128·N·r bytes for its table plus 128·r·p for its blocks (OpenSSL checks the sum
 * against maxmem, so 128·N·r alone is refused): this is that sum with 1 MiB to spare.
 */
export function scryptMaxmem({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + p + 2) + 1024 * 1024;
}

// At most two hashes at once in the whole process: each holds 128 MiB, and libuv's pool has only
// four threads, which file and DNS work share. Further logons wait their turn (in order) instead of
// taking the memory or the pool. Written here rather than taken from a library: it is a counter and
// a queue, and the package that does it (p-limit) is ESM-only and not a dependency of this project.
const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  return limited(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        crypto.scrypt(
          password.normalize('NFC'),
          salt,
          length,
          { ...params, maxmem: scryptMaxmem(params) },
          (error, key) => (error ? reject(error) : resolve(key)),
        ),
      ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash. */
export function encodeHash(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [kind, n, r, p, salt, key, ...rest] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key || rest.length > 0) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const log2N = Math.log2(params.N);
  const sane =
    Number.isInteger(log2N) &&
    log2N >= LIMITS.minLog2N &&
    log2N <= LIMITS.maxLog2N &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= LIMITS.maxR &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= LIMITS.maxP;
  const keyBytes = Buffer.from(key, 'base64');
  if (!sane || keyBytes.length < 16) return null;
  return { params, salt: Buffer.from(salt, 'base64'), key: keyBytes };
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = crypto.randomBytes(16);
  return encodeHash(params, salt, await derive(password, salt, KEY_LENGTH, params));
}

/** False for a wrong password and for a stored value that is not a hash this code understands. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  return crypto.timingSafeEqual(actual, parsed.key);
}

/** True when a (verified) hash was made with parameters other than the current ones. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N !== SCRYPT_PARAMS.N || r !== SCRYPT_PARAMS.r || p !== SCRYPT_PARAMS.p;
}

// Verified against when the name is unknown, so an unknown name costs what a wrong password costs.
// Made once, on first need, off the thread (a module-level scryptSync would block the start).
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}
