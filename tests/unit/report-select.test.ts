// The report's median and p90 come from a selection, not a sort (report-quantiles.ts): for any
// samples — duplicates, sorted runs, one value — it puts the k-th smallest at k, and the figures
// equal the nearest-rank ones of the sorted samples that the alarm KPIs use. The radix selection
// over many parts gives the same, and leaves to the copy what it cannot take.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../electron/main/core/store/report/report-quantiles';
import {
  durationsOf,
  medianAndP90,
  medianAndP90ByGroup,
  selectInPlace,
} from '../../electron/main/core/store/report/report-quantiles';

const durations = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 300 }),
  fc.array(fc.constantFrom(30_000, 120_000, 120_000, 600_000), { maxLength: 300 }), // many equal
  fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }).map((a) => a.sort((x, y) => x - y)), // sorted
);

describe('selectInPlace', () => {
  it('puts the k-th smallest at k, none larger before it and none smaller after', () => {
    fc.assert(
      fc.property(
        durations.filter((a) => a.length > 0),
        fc.nat(),
        fc.integer({ min: 0, max: 40 }),
        (values, k0, rounds) => {
          const k = k0 % values.length;
          const samples = Float64Array.from(values);
          // Few rounds force the sort it falls back on; many let the selection finish on its own.
          selectInPlace(samples, k, 0, samples.length - 1, rounds);
          const sorted = Float64Array.from(values).sort();
          expect(samples[k]).toBe(sorted[k]);
          expect(samples.subarray(0, k).every((v) => v <= samples[k]!)).toBe(true);
          expect(samples.subarray(k + 1).every((v) => v >= samples[k]!)).toBe(true);
          expect(Float64Array.from(samples).sort()).toEqual(sorted); // nothing lost or made up
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the median and nearest-rank p90 of the sorted samples', () => {
    fc.assert(
      fc.property(durations, (values) => {
        const sorted = Float64Array.from(values).sort();
        expect(medianAndP90(Float64Array.from(values))).toEqual({
          medianMs: median(sorted),
          p90Ms: percentile(sorted, 0.9),
        });
      }),
      { numRuns: 2000 },
    );
  });
});

/** Samples cut into parts of random lengths (empty ones too), as a group's cells hold them. */
function cut(values: readonly number[], cuts: readonly number[]): ArrayLike<number>[] {
  const parts: ArrayLike<number>[] = [];
  let at = 0;
  for (const n of cuts) {
    parts.push(durationsOf(values.slice(at, at + n)));
    at += n;
  }
  parts.push(durationsOf(values.slice(at)));
  return parts;
}

/** All the parts in one group: the figures of their samples together. */
function medianAndP90Of(parts: readonly ArrayLike<number>[]) {
  const { medianMs, p90Ms } = medianAndP90ByGroup(
    parts,
    parts.map(() => [0]),
    1,
  )[0]!;
  return { medianMs, p90Ms };
}

describe('medianAndP90ByGroup, one group', () => {
  const wide = fc.oneof(
    durations,
    // Either side of 2^16 and up to 2^32 - 1: both digits of the radix matter.
    fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 300 }),
    fc.array(fc.integer({ min: 65_530, max: 65_545 }), { maxLength: 300 }),
  );

  it('gives what a selection over all the samples gives, across parts of any length', () => {
    fc.assert(
      fc.property(wide, fc.array(fc.nat({ max: 40 }), { maxLength: 12 }), (values, cuts) => {
        const sorted = Float64Array.from(values).sort();
        expect(medianAndP90Of(cut(values, cuts))).toEqual({
          medianMs: values.length === 0 ? null : median(sorted),
          p90Ms: values.length === 0 ? null : percentile(sorted, 0.9),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('takes fractional, negative and 50-day durations the same, held as doubles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 100 }),
        fc.constantFrom(0.5, -1, 2 ** 32, 4.5e9, -0),
        (values, odd) => {
          const all = [...values, odd];
          const sorted = Float64Array.from(all).sort();
          expect(medianAndP90Of([durationsOf(values), durationsOf([odd])])).toEqual({
            medianMs: median(sorted),
            p90Ms: percentile(sorted, 0.9),
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('medianAndP90ByGroup at the edges of its digits', () => {
  it('takes samples that are all zero (a digit of no bits), one sample, and the largest 32-bit one', () => {
    expect(medianAndP90Of([durationsOf([0, 0, 0])])).toEqual({ medianMs: 0, p90Ms: 0 });
    expect(medianAndP90Of([durationsOf([]), durationsOf([7])])).toEqual({ medianMs: 7, p90Ms: 7 });
    expect(medianAndP90Of([durationsOf([2 ** 32 - 1, 2 ** 31, 1])])).toEqual({
      medianMs: 2 ** 31,
      p90Ms: 2 ** 32 - 1,
    });
  });
});

describe('durationsOf', () => {
  it('holds whole milliseconds under 2^32 in 32 bits and anything else as doubles, sorted', () => {
    expect(durationsOf([3, 1, 2])).toEqual(Uint32Array.from([1, 2, 3]));
    expect(durationsOf([2 ** 32 - 1, 0])).toEqual(Uint32Array.from([0, 2 ** 32 - 1]));
    expect(durationsOf([2 ** 32, 5])).toEqual(Float64Array.from([5, 2 ** 32]));
    expect(durationsOf([1.5, -1])).toEqual(Float64Array.from([-1, 1.5]));
  });
});

describe('medianAndP90ByGroup', () => {
  it('gives each group what a selection over its own samples gives, a part counting in several groups', () => {
    const part = fc.record({
      values: fc.oneof(
        fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 30 }),
        fc.array(fc.constantFrom(0.5, 2 ** 33, 60_000), { maxLength: 3 }), // doubles now and then
      ),
      groups: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }), (parts) => {
        const found = medianAndP90ByGroup(
          parts.map((p) => durationsOf(p.values)),
          parts.map((p) => p.groups),
          6,
        );
        found.forEach((quantiles, group) => {
          const own = parts.filter((p) => p.groups.includes(group)).flatMap((p) => p.values);
          const sorted = Float64Array.from(own).sort();
          expect(quantiles).toEqual({
            count: own.length,
            medianMs: own.length === 0 ? null : median(sorted),
            p90Ms: own.length === 0 ? null : percentile(sorted, 0.9),
          });
        });
      }),
      { numRuns: 1000 },
    );
  });
});
