// Password hashing: off the event loop, OWASP's scrypt parameters for new hashes, and hashes made
// with older parameters still verifying (and flagged for a rehash).
import { describe, expect, it } from 'vitest';
import {
  decoyHash,
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  scryptMaxmem,
  verifyPassword,
} from '../../electron/main/core/accounts/passwords';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('passwords', () => {
  it('hashes with scrypt N = 2^17, r = 8, p = 1 (OWASP), and verifies', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('leaves the event loop free while it hashes: other work runs before a verification ends', async () => {
    const stored = await hashPassword('correct horse battery');
    let settled = false;
    const verifying = verifyPassword('correct horse battery', stored).then((ok) => {
      settled = true;
      return ok;
    });
    // One turn of the loop: with scryptSync the whole hash ran before this line was reached.
    await nextTurn();
    expect(settled).toBe(false);
    expect(await verifying).toBe(true);
  });

  it('still verifies a hash made with the old parameters (N = 2^15), and says it needs a rehash', async () => {
    const old = await hashPassword('correct horse battery', { N: 2 ** 15, r: 8, p: 1 });
    expect(old).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses a stored value it does not understand, or one asking for absurd memory, without hashing', async () => {
    expect(await verifyPassword('x', 'plain text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==')).toBe(
      false,
    );
    expect(await verifyPassword('x', 'scrypt$131072$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==$extra')).toBe(
      false,
    );
  });

  it('sets maxmem above what scrypt needs at 2^17 (128·N·r alone is refused)', () => {
    expect(scryptMaxmem(SCRYPT_PARAMS)).toBeGreaterThan(128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r);
  });

  it('makes the decoy hash once, with the current parameters', async () => {
    const first = await decoyHash();
    expect(await decoyHash()).toBe(first);
    expect(needsRehash(first)).toBe(false);
  });
});
