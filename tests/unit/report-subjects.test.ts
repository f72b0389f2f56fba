// Repeats counted from subjects held as numbers, with keys the store had no number for beside them
// (report-subjects.ts), equal a plain count: numbers close together (an array) or spread far wider
// than the flags (a sort), over many sets, and keys counted apart as text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRepeats, subjectsOf } from '../../electron/main/core/store/report/report-subjects';

type Subject = number | string;

function plainly(sets: readonly (readonly Subject[])[]) {
  const perSubject = new Map<Subject, number>();
  for (const subject of sets.flat()) perSubject.set(subject, (perSubject.get(subject) ?? 0) + 1);
  const repeated = [...perSubject.values()].filter((n) => n >= 2);
  return { subjects: repeated.length, flags: repeated.reduce((a, n) => a + n, 0) };
}

const asSubjects = (set: readonly Subject[]) =>
  subjectsOf(
    set.filter((s): s is number => typeof s === 'number'),
    set.filter((s): s is string => typeof s === 'string'),
  );

/** A few subjects: numbers near each other or far apart (up to 2^32 - 1), and keys as text. */
const pool = fc.array(
  fc.oneof(
    fc.integer({ min: 1, max: 60 }),
    fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    fc.stringMatching(/^[0-9a-f]{4}$/),
  ),
  { minLength: 1, maxLength: 12 },
);
const subjectSets = pool.chain((subjects) =>
  fc.array(fc.array(fc.constantFrom(...subjects), { maxLength: 40 }), { maxLength: 12 }),
);

describe('countRepeats', () => {
  it('counts each account flagged twice or more, and its flags, as a plain count does', () => {
    fc.assert(
      fc.property(subjectSets, (sets) => {
        expect(countRepeats(sets.map(asSubjects))).toEqual(plainly(sets));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts numbers spread far wider than the flags (sorted) as those close together (an array)', () => {
    const close = [[1, 2, 2], [3, 1], []].map((ids) => subjectsOf(ids));
    const far = [[1, 2 ** 32 - 1, 2 ** 32 - 1], [2 ** 20, 1], []].map((ids) => subjectsOf(ids));
    expect(countRepeats(close)).toEqual({ subjects: 2, flags: 4 });
    expect(countRepeats(far)).toEqual({ subjects: 2, flags: 4 });
    expect(countRepeats([])).toEqual({ subjects: 0, flags: 0 });
  });

  it('never takes a number for a key that reads the same', () => {
    expect(countRepeats([subjectsOf([7], ['7']), subjectsOf([], ['7'])])).toEqual({ subjects: 1, flags: 2 });
  });
});
