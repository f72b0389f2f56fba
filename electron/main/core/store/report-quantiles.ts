// The median and p90 of a group's response times, exact, over the cells the group unites. A year
// holds 3.4 million samples per grouping (risk, shift, operator): copying them into one array to
// select from took longer than reading them. Each cell holds its durations sorted, as whole
// milliseconds in 32 bits where they fit (durationsOf), so a radix selection finds the ranks from
// the cells as they are: the high 16 bits counted by runs, then the low 16 bits of only the runs
// the ranks fall in. Anything else (a fractional or negative duration, or one of 50 days or more)
// takes a copy and a quickselect.
import { nearestRank } from './alarm-queries';

/**
 * Puts the k-th smallest of samples[left..right] at k, none larger before it and none smaller after
 * (Hoare's quickselect, median-of-three pivot; a sort once it has gone round too often, so it stays
 * O(n log n) at worst). Our own rather than d3-array's, which compares through a function call: on
 * 840,000 durations (one stage of a 90-day report) the median and p90 took 21 ms here against 64 ms
 * with d3-array's quickselect and 79 ms for a sort (measured 2026-12-02).
 */
export function selectInPlace(
  samples: Float64Array,
  k: number,
  left = 0,
  right = samples.length - 1,
  maxRounds = 2 * Math.ceil(Math.log2(right - left + 2)),
): void {
  for (let rounds = maxRounds; right > left; rounds--) {
    if (rounds === 0) {
      samples.subarray(left, right + 1).sort();
      return;
    }
    const a = samples[left]!;
    const b = samples[(left + right) >> 1]!;
    const c = samples[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (samples[i]! < pivot) i++;
      while (samples[j]! > pivot) j--;
      if (i <= j) {
        const t = samples[i]!;
        samples[i++] = samples[j]!;
        samples[j--] = t;
      }
    }
    // Now [left, j] holds none above the pivot, [i, right] none below, and anything between equals it.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** The nearest-rank p-th percentile, or the mean of the middle two for the median (as alarm-queries.ts). */
export function medianAndP90(samples: Float64Array): { medianMs: number | null; p90Ms: number | null } {
  const n = samples.length;
  if (n === 0) return { medianMs: null, p90Ms: null };
  const at = (k: number, left = 0, right = n - 1) => {
    selectInPlace(samples, k, left, right);
    return samples[k]!;
  };
  const mid = n >> 1;
  // Each selection leaves smaller samples left of k and larger right of it: the next one searches
  // only the side its rank is on.
  const upper = at(mid);
  const medianMs = n % 2 === 1 ? upper : (at(mid - 1, 0, mid - 1) + upper) / 2;
  const p90 = nearestRank(n, 0.9);
  return { medianMs, p90Ms: p90 === mid ? upper : at(p90, mid + 1, n - 1) };
}

/**
 * A cell's durations as the selection reads them fastest and a kept day stores them smallest:
 * sorted, and as whole milliseconds under 2^32 (49 days) in 32-bit integers, else as doubles.
 */
export function durationsOf(values: readonly number[]): Uint32Array | Float64Array {
  const whole = values.every((value) => value >>> 0 === value);
  return (whole ? Uint32Array.from(values) : Float64Array.from(values)).sort();
}

const DIGIT = 2 ** 16;
/** Reused between calls: a report asks for seventy or so groups' ranks, one after another. */
const lowCounts = new Uint32Array(DIGIT);

/** The digit whose count holds the rank-th sample (0-based), and that sample's rank within it. */
function digitOf(counts: Uint32Array, rank: number): { digit: number; rest: number } {
  let below = 0;
  let digit = 0;
  while (below + counts[digit]! <= rank) below += counts[digit++]!;
  return { digit, rest: rank - below };
}

/** The first index of the sorted part from `from` on whose value is at least `value`. */
function lowerBound(part: Uint32Array, value: number, from = 0): number {
  let lo = from;
  let hi = part.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (part[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sample of each rank (0-based) of the sorted parts together, given the counts of their
 * samples by high 16 bits: then by their low 16 bits, from only the run each rank falls in.
 */
function radixSelect(
  parts: readonly Uint32Array[],
  highCounts: Uint32Array,
  ranks: readonly number[],
): number[] {
  let counted = -1; // the high digit lowCounts holds (the median's two ranks usually share one)
  return ranks.map((rank) => {
    const { digit, rest } = digitOf(highCounts, rank);
    if (digit !== counted) {
      lowCounts.fill(0);
      for (const part of parts)
        for (let i = lowerBound(part, digit * DIGIT); i < part.length && part[i]! >>> 16 === digit; i++) {
          const low = part[i]! & (DIGIT - 1);
          lowCounts[low] = lowCounts[low]! + 1;
        }
      counted = digit;
    }
    return digit * DIGIT + digitOf(lowCounts, rest).digit;
  });
}

export interface Quantiles {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/**
 * medianAndP90 of each group's samples, where part p counts in every group of groupsOf[p] (a cell
 * is in one group of each grouping: its risk, its shift, its operator). Each part as durationsOf
 * makes it (a Uint32Array must be sorted); none is copied or reordered unless its group holds
 * doubles. The high digits are counted once per part for all its groups: sorted, each digit is one
 * run, counted once rather than sample by sample.
 */
export function medianAndP90ByGroup(
  parts: readonly ArrayLike<number>[],
  groupsOf: readonly (readonly number[])[],
  groups: number,
): Quantiles[] {
  const members = Array.from({ length: groups }, () => [] as ArrayLike<number>[]);
  const whole = new Array<boolean>(groups).fill(true);
  const highCounts = new Uint32Array(groups * DIGIT);
  parts.forEach((part, p) => {
    const of = groupsOf[p]!;
    for (const group of of) {
      if (part.length > 0) members[group]!.push(part);
      if (!(part instanceof Uint32Array)) whole[group] = false;
    }
    if (!(part instanceof Uint32Array)) return;
    for (let i = 0; i < part.length;) {
      const digit = part[i]! >>> 16;
      const end = (digit + 1) * DIGIT;
      const next = part[part.length - 1]! < end ? part.length : lowerBound(part, end, i + 1);
      for (const group of of)
        highCounts[group * DIGIT + digit] = highCounts[group * DIGIT + digit]! + (next - i);
      i = next;
    }
  });
  return members.map((groupParts, group): Quantiles => {
    const n = groupParts.reduce((total, part) => total + part.length, 0);
    if (n === 0) return { count: 0, medianMs: null, p90Ms: null };
    if (!whole[group]) {
      const samples = new Float64Array(n);
      let offset = 0;
      for (const part of groupParts) {
        samples.set(part, offset);
        offset += part.length;
      }
      return { count: n, ...medianAndP90(samples) };
    }
    const mid = n >> 1;
    const [lower, upper, p90] = radixSelect(
      groupParts as Uint32Array[],
      highCounts.subarray(group * DIGIT, (group + 1) * DIGIT),
      [n % 2 === 1 ? mid : mid - 1, mid, nearestRank(n, 0.9)],
    ) as [number, number, number];
    return { count: n, medianMs: n % 2 === 1 ? upper : (lower + upper) / 2, p90Ms: p90 };
  });
}
