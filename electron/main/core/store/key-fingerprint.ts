// A key's fingerprint: the first 16 hex digits of its SHA-256. Named in the key escrow file and in
// any error about a key, never the key itself; here at the seam, so an engine's key check words it
// as the escrow does (core/key/key-escrow.ts re-exports it).
import crypto from 'node:crypto';

export function keyFingerprintOf(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
}
