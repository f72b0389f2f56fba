// Which flags are the same person's: the same account on the same platform. A hash rather than the
// account id itself, so the flags table (which every query reads) never holds the identifier; it
// links flags, it never merges them.
import crypto from 'node:crypto';

export function subjectKey(platform: string | null | undefined, accountId: unknown): string | null {
  if (typeof accountId !== 'string' || accountId === '') return null;
  return crypto
    .createHash('sha256')
    .update(`${platform ?? ''}\u0000${accountId}`)
    .digest('hex')
    .slice(0, 32);
}
