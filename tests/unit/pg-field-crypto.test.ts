// Field encryption of the PostgreSQL store: a tampered or moved value fails its integrity check with a
// clear error (never garbage), a wrong console key is refused, and rotation keeps old values readable.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConsoleKeyDerivation,
  FieldCrypto,
  keyIdOf,
} from '../../electron/main/core/store/postgres/field-crypto';

const consoleKey = crypto.randomBytes(32);

function cryptoWith(keyIds: number[], key = consoleKey) {
  const derivation = ConsoleKeyDerivation.fresh(key);
  const keys = new Map(
    keyIds.map((id) => [id, derivation.unwrap(id, derivation.wrap(id, crypto.randomBytes(32)))]),
  );
  return { derivation, fc: new FieldCrypto(keys, Math.max(...keyIds), derivation.subjectKey), keys };
}

describe('field encryption', () => {
  it('seals with AES-256-GCM bound to its column and row', () => {
    const { fc } = cryptoWith([1]);
    const sealed = fc.seal('Zubeida Canarywala', 'flag_personal.subject_json|fl_1');
    expect(sealed.includes(Buffer.from('Zubeida'))).toBe(false);
    expect(keyIdOf(sealed)).toBe(1);
    expect(fc.open(sealed, 'flag_personal.subject_json|fl_1')).toBe('Zubeida Canarywala');
    expect(fc.seal(null, 'x')).toBeNull();
    // The same text twice seals differently (a fresh IV each time).
    expect(fc.seal('a', 'x').equals(fc.seal('a', 'x'))).toBe(false);
  });

  it('refuses a tampered value, or one moved to another row, with a clear error', () => {
    const { fc } = cryptoWith([1]);
    const sealed = fc.seal('Zubeida Canarywala', 'flag_personal.subject_json|fl_1');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 0x01;
    expect(() => fc.open(tampered, 'flag_personal.subject_json|fl_1')).toThrow(
      /flag_personal\.subject_json failed its integrity check \(AES-GCM\)/,
    );
    expect(() => fc.open(sealed, 'flag_personal.subject_json|fl_2')).toThrow(/integrity check/);
    expect(() => fc.open(Buffer.from('garbage'), 'x')).toThrow(/unknown format/);
  });

  it('refuses a wrong console key by its verifier, and cannot unwrap a data key with it', () => {
    const { derivation } = cryptoWith([1]);
    const stored = { salt: derivation.salt, verifier: derivation.verifier() };
    const wrong = new ConsoleKeyDerivation(crypto.randomBytes(32), derivation.salt);
    expect(() => wrong.assertMatches(stored)).toThrow(/console key does not open this PostgreSQL database/);
    expect(() => new ConsoleKeyDerivation(consoleKey, derivation.salt).assertMatches(stored)).not.toThrow();
    const wrapped = derivation.wrap(1, crypto.randomBytes(32));
    expect(() => wrong.unwrap(1, wrapped)).toThrow(/data key 1 failed its integrity check/);
  });

  it('rotation: new values under the new key, old ones still open, a dropped key named', () => {
    const { keys, derivation } = cryptoWith([1]);
    const before = new FieldCrypto(keys, 1, derivation.subjectKey);
    const old = before.seal('note', 'follow_ups.note|fl_1/1');
    const rotated = new Map(keys).set(2, crypto.randomBytes(32));
    const after = new FieldCrypto(rotated, 2, derivation.subjectKey);
    const fresh = after.seal('note', 'follow_ups.note|fl_1/1');
    expect(keyIdOf(fresh)).toBe(2);
    expect(after.open(old, 'follow_ups.note|fl_1/1')).toBe('note');
    const dropped = new FieldCrypto(new Map([[2, rotated.get(2)!]]), 2, derivation.subjectKey);
    expect(() => dropped.open(old, 'follow_ups.note|fl_1/1')).toThrow(
      /data key 1, which this database does not hold/,
    );
  });

  it('links a subject with a keyed hash the server cannot recompute', () => {
    const a = cryptoWith([1]).fc;
    const b = cryptoWith([1]).fc;
    expect(a.subjectKey('instagram', '42')).toBe(a.subjectKey('instagram', '42'));
    expect(a.subjectKey('instagram', '42')).not.toBe(b.subjectKey('instagram', '42'));
    expect(a.subjectKey('instagram', '')).toBeNull();
  });
});
