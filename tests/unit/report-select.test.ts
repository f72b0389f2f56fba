// The report's median and p90 come from a selection, not a sort (report-sum.ts): for any samples —
// duplicates, sorted runs, one value — it puts the k-th smallest at k, and the figures equal the
// nearest-rank ones of the sorted samples that the alarm KPIs use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../electron/main/core/store/alarm-queries';
import { medianAndP90, selectInPlace } from '../../electron/main/core/store/report-sum';

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
