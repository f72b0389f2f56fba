// Accounts flagged at least twice in a report's range, from the subjects of its parts (a part holds
// one per flag; a repeat may span days). A subject is its number in report_subjects (migration 15)
// where the store has given its key one — every key of a kept day has one — and otherwise its key as
// text (a flag of a day not kept, whose key no kept day holds yet). Within one report a key is
// always read the same way: the numbers are given before any flag is read (report-queries.ts), so
// a number and a text never stand for the same account.
export interface Subjects {
  /** The subjects' numbers in report_subjects. */
  ids: Uint32Array;
  /** Keys the store had no number for. */
  others: readonly string[];
}

export function subjectsOf(ids: readonly number[], others: readonly string[] = []): Subjects {
  return { ids: Uint32Array.from(ids), others };
}

function repeatsOf(counts: ArrayLike<number>) {
  let subjects = 0;
  let flags = 0;
  for (let i = 0; i < counts.length; i++)
    if (counts[i]! >= 2) {
      subjects++;
      flags += counts[i]!;
    }
  return { subjects, flags };
}

/**
 * Counted in an array indexed by number. The numbers of a range's subjects are close together (a
 * key gets its number when its first day is kept, and loses it with its flags' keys), so the array
 * is about as long as the range has flags; numbers spread much wider than that are sorted instead.
 */
function countIds(sets: readonly Uint32Array[]) {
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const ids of sets) {
    total += ids.length;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i]! < min) min = ids[i]!;
      if (ids[i]! > max) max = ids[i]!;
    }
  }
  if (total === 0) return { subjects: 0, flags: 0 };
  if (max - min < Math.max(2 ** 16, 4 * total)) {
    const counts = new Uint32Array(max - min + 1);
    for (const ids of sets) for (let i = 0; i < ids.length; i++) counts[ids[i]! - min]!++;
    return repeatsOf(counts);
  }
  const all = new Uint32Array(total);
  let at = 0;
  for (const ids of sets) {
    all.set(ids, at);
    at += ids.length;
  }
  all.sort();
  const runs: number[] = [];
  for (let i = 0; i < all.length;) {
    let end = i + 1;
    while (end < all.length && all[end] === all[i]) end++;
    runs.push(end - i);
    i = end;
  }
  return repeatsOf(runs);
}

/** Subjects with at least two flags among all the sets, and how many flags those were. */
export function countRepeats(sets: readonly Subjects[]): { subjects: number; flags: number } {
  const byId = countIds(sets.map((set) => set.ids));
  const perKey = new Map<string, number>();
  for (const set of sets) for (const key of set.others) perKey.set(key, (perKey.get(key) ?? 0) + 1);
  const byKey = repeatsOf([...perKey.values()]);
  return { subjects: byId.subjects + byKey.subjects, flags: byId.flags + byKey.flags };
}
