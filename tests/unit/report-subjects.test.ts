// Repeats counted from subject keys held as words (report-subjects.ts) equal a plain count by text:
// keys that differ only in their last digit or word, zero-padded keys, keys spread over many sets,
// and keys of another form among them (counted apart, as text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRepeats, subjectsOf } from '../../electron/main/core/store/report-subjects';

function byText(sets: readonly (readonly string[])[]) {
  const perSubject = new Map<string, number>();
  for (const key of sets.flat()) perSubject.set(key, (perSubject.get(key) ?? 0) + 1);
  const repeated = [...perSubject.values()].filter((n) => n >= 2);
  return { subjects: repeated.length, flags: repeated.reduce((a, n) => a + n, 0) };
}

const hexKey = fc.stringMatching(/^[0-9a-f]{32}$/);
/** A few accounts' keys: random ones, and near twins of them (last digit, last word, first word). */
const keyPool = fc
  .array(hexKey, { minLength: 1, maxLength: 6 })
  .map((keys) =>
    keys.flatMap((key) => [
      key,
      key.slice(0, 31) + (key[31] === '0' ? '1' : '0'),
      key.slice(0, 24) + '00000000',
      '00000000' + key.slice(8),
      key.slice(0, 8).padStart(32, '0'),
    ]),
  );
/** Not subject-key.ts's form: upper case, short, empty, or one digit too many. */
const otherKeys = ['71F6D4C19CB39732D26275C2CA0C1907', 'a1', '', '71f6d4c19cb39732d26275c2ca0c19070'];
const keySets = (others: boolean) =>
  keyPool.chain((pool) =>
    fc.array(fc.array(fc.constantFrom(...pool, ...(others ? otherKeys : [])), { maxLength: 40 }), {
      maxLength: 12,
    }),
  );

describe('countRepeats', () => {
  it('counts each account flagged twice or more, and its flags, as a count by text does', () => {
    fc.assert(
      fc.property(keySets(false), (sets) => {
        const subjects = sets.map(subjectsOf);
        expect(subjects.every((s) => s.others.length === 0)).toBe(true);
        expect(countRepeats(subjects)).toEqual(byText(sets));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts keys of another form apart, as text, beside the words', () => {
    fc.assert(
      fc.property(keySets(true), (sets) => {
        const subjects = sets.map(subjectsOf);
        for (const [i, keys] of sets.entries()) {
          expect(subjects[i]!.others).toEqual(keys.filter((k) => otherKeys.includes(k)));
          expect(subjects[i]!.words.length).toBe(4 * keys.filter((k) => !otherKeys.includes(k)).length);
        }
        expect(countRepeats(subjects)).toEqual(byText(sets));
      }),
      { numRuns: 500 },
    );
  });

  it('holds a key as its 16 bytes, in order', () => {
    const { words } = subjectsOf(['71f6d4c19cb39732d26275c2ca0c1907']);
    expect(Buffer.from(words.buffer).toString('hex')).toBe('71f6d4c19cb39732d26275c2ca0c1907');
  });
});
