// The median and p90 of a group's response times, exact, over the cells the group unites. A year
// holds 3.6 million samples in 13,000 cells per stage, each cell in three groups (its risk, shift
// and operator). Each cell holds its durations sorted, as whole milliseconds in 32 bits where they
// fit (durationsOf), so a radix selection finds every group's ranks in two passes: the high digits
// of all samples counted once for all groups, then the low digits of only the samples in the high
// digit a rank falls in, found by a binary search in each cell. Anything else (a fractional or
// negative duration, or one of 50 days or more) takes a copy and a quickselect.

/** The index of the p-th percentile by nearest rank among n ascending values (n > 0). */
export const nearestRank = (n: number, p: number) => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));

/** Nearest rank over ascending values (the report's p90 selects the same rank, report-sum.ts). */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRank(sorted.length, p)]!;
}

export function median(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

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

/** The digit whose count holds the rank-th sample (0-based), and that sample's rank within it. */
function digitOf(counts: Uint32Array, rank: number): { digit: number; rest: number } {
  let below = 0;
  let digit = 0;
  while (below + counts[digit]! <= rank) below += counts[digit++]!;
  return { digit, rest: rank - below };
}

/**
 * One stage's whole-millisecond samples end to end, part p at [starts[p], starts[p + 1]) (a part of
 * doubles is left empty here). A copy: a year's cells are 13,000 small arrays over 1,095 kept
 * blobs, and visiting them six times each (three groups, two ranks' digits) cost more in reaching
 * each array than the 14 MB copy does (medians of a year: 160 ms, 85 ms laid out; 2026-12-02).
 */
function layOut(parts: readonly ArrayLike<number>[]) {
  const starts = new Int32Array(parts.length + 1);
  let total = 0;
  let max = 0;
  parts.forEach((part, p) => {
    starts[p] = total;
    if (!(part instanceof Uint32Array) || part.length === 0) return;
    total += part.length;
    max = Math.max(max, part[part.length - 1]!);
  });
  starts[parts.length] = total;
  const values = new Uint32Array(total);
  parts.forEach((part, p) => {
    if (part instanceof Uint32Array) values.set(part, starts[p]!);
  });
  return { values, starts, max };
}

/** Reused between stages: the low digits of the samples in one high digit. */
const lowCounts = new Uint32Array(2 ** 16);

export interface Quantiles {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/**
 * medianAndP90 of each group's samples, where part p counts in every group of groupsOf[p] (a cell
 * is in one group of each grouping: its risk, its shift, its operator). Each part as durationsOf
 * makes it (a Uint32Array must be sorted); a group holding doubles takes a copy of its samples.
 */
export function medianAndP90ByGroup(
  parts: readonly ArrayLike<number>[],
  groupsOf: readonly (readonly number[])[],
  groups: number,
): Quantiles[] {
  const { values, starts, max } = layOut(parts);
  // Digits of about half the samples' bits each (16 at most): both tables stay small.
  const shift = Math.ceil((32 - Math.clz32(max)) / 2);
  const width = (max >>> shift) + 1;
  const highCounts = new Uint32Array(groups * width);
  // Each group's parts, all groups in one array: group g's are members[memberAt[g]..memberAt[g + 1]).
  const memberAt = new Int32Array(groups + 1);
  const whole = new Array<boolean>(groups).fill(true);
  const counts = new Array<number>(groups).fill(0);
  parts.forEach((part, p) => {
    for (const group of groupsOf[p]!)
      if (part.length > 0) {
        memberAt[group + 1]!++;
        counts[group]! += part.length;
        if (!(part instanceof Uint32Array)) whole[group] = false;
      }
  });
  for (let g = 0; g < groups; g++) memberAt[g + 1]! += memberAt[g]!;
  const members = new Int32Array(memberAt[groups]!);
  const next = memberAt.slice(0, groups);
  parts.forEach((part, p) => {
    if (part.length === 0) return;
    const of = groupsOf[p]!;
    for (const group of of) members[next[group]!++] = p;
    const [a, b, c] = of.map((group) => group * width);
    const from = starts[p]!;
    const to = starts[p + 1]!;
    // The usual cell, in a risk, a shift and an operator's groups, without a loop over them.
    if (of.length === 3)
      for (let i = from; i < to; i++) {
        const digit = values[i]! >>> shift;
        highCounts[a! + digit]!++;
        highCounts[b! + digit]!++;
        highCounts[c! + digit]!++;
      }
    else
      for (const offset of of.map((group) => group * width))
        for (let i = from; i < to; i++) highCounts[offset + (values[i]! >>> shift)]!++;
  });
  const lowMask = (1 << shift) - 1;
  const low = lowCounts.subarray(0, lowMask + 1);
  /** The sample of rank `rank` (0-based) of group g's, from its parts laid out. */
  const sampleOf = (g: number, rank: number, counted: { digit: number }) => {
    const { digit, rest } = digitOf(highCounts.subarray(g * width, (g + 1) * width), rank);
    const first = digit * (lowMask + 1); // the digit's smallest value (digit << shift overflows at 2^31)
    if (digit !== counted.digit) {
      low.fill(0);
      for (let m = memberAt[g]!; m < memberAt[g + 1]!; m++) {
        const p = members[m]!;
        const end = starts[p + 1]!;
        if (values[end - 1]! < first) continue;
        let i = starts[p]!;
        for (let hi = end; i < hi;) {
          const mid = (i + hi) >> 1;
          if (values[mid]! < first) i = mid + 1;
          else hi = mid;
        }
        for (; i < end && values[i]! >>> shift === digit; i++) low[values[i]! & lowMask]!++;
      }
      counted.digit = digit;
    }
    return first + digitOf(low, rest).digit;
  };
  return counts.map((n, g): Quantiles => {
    if (n === 0) return { count: 0, medianMs: null, p90Ms: null };
    if (!whole[g]) {
      const samples = new Float64Array(n);
      let offset = 0;
      for (let m = memberAt[g]!; m < memberAt[g + 1]!; m++) {
        const part = parts[members[m]!]!;
        samples.set(part, offset);
        offset += part.length;
      }
      return { count: n, ...medianAndP90(samples) };
    }
    const mid = n >> 1;
    // The median's two ranks usually share a high digit, whose low digits are then counted once.
    const counted = { digit: -1 };
    const lower = sampleOf(g, n % 2 === 1 ? mid : mid - 1, counted);
    const upper = sampleOf(g, mid, counted);
    const p90 = sampleOf(g, nearestRank(n, 0.9), counted);
    return { count: n, medianMs: n % 2 === 1 ? upper : (lower + upper) / 2, p90Ms: p90 };
  });
}
