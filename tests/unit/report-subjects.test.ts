// Repeats from hashed subject keys (report-subjects.ts) equal a plain count by text: with hashes
// that collide on purpose, keys spread over many sets, and past the positions a double can hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countRepeats,
  subjectHash,
  subjectsInText,
  subjectsOf,
  type Subjects,
} from '../../electron/main/core/store/report-subjects';

function byText(sets: readonly (readonly string[])[]) {
  const perSubject = new Map<string, number>();
  for (const key of sets.flat()) perSubject.set(key, (perSubject.get(key) ?? 0) + 1);
  const repeated = [...perSubject.values()].filter((n) => n >= 2);
  return { subjects: repeated.length, flags: repeated.reduce((a, n) => a + n, 0) };
}

/** Sets whose hashes are only a key's length mod 3: nearly every pair of keys collides. */
const colliding = (keys: readonly string[]): Subjects => ({
  hashes: Uint32Array.from(keys, (k) => k.length % 3),
  keyAt: (i) => keys[i]!,
});
/** As a kept day holds them: one text, keys of one width or of several. */
const inText = (keys: readonly string[]) =>
  subjectsInText(keys.join('\n'), '\n', Uint32Array.from(keys, subjectHash));

const keySets = fc.array(
  fc.array(fc.constantFrom('a1', 'b22', 'c333', 'd4', 'e55', 'f', 'g7', 'h8h8'), { maxLength: 30 }),
  {
    maxLength: 12,
  },
);

describe('countRepeats', () => {
  it('counts each account flagged twice or more, and its flags, as a count by text does', () => {
    fc.assert(
      fc.property(keySets, (sets) => {
        expect(countRepeats(sets.map(subjectsOf))).toEqual(byText(sets));
        expect(countRepeats(sets.map(inText))).toEqual(byText(sets));
        const sameWidth = sets.map((keys) => keys.map((k) => k.padEnd(4, '0')));
        expect(countRepeats(sameWidth.map(inText))).toEqual(byText(sameWidth));
        expect(countRepeats(sets.map(colliding))).toEqual(byText(sets));
        // Past the positions a double holds beside a hash, it counts by text.
        expect(countRepeats(sets.map(colliding), 4)).toEqual(byText(sets));
      }),
      { numRuns: 1000 },
    );
  });

  it('hashes a subject key to 32 bits, the same each time', () => {
    const key = '71f6d4c19cb39732d26275c2ca0c1907';
    expect(subjectHash(key)).toBe(subjectHash(key));
    expect(subjectHash(key)).toBeGreaterThanOrEqual(0);
    expect(subjectHash(key)).toBeLessThan(2 ** 32);
    expect(subjectHash(key)).not.toBe(subjectHash('71f6d4c19cb39732d26275c2ca0c1908'));
  });
});
