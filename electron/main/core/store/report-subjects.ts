// Accounts flagged at least twice in a report's range, from the subject keys of its parts (a part
// holds one key per flag; a repeat may span days). Counting a year's million keys in a Map took
// half a second, so each key also carries a 32-bit hash, kept with the day: the hashes are packed
// with their position into one number, sorted natively, and only keys whose hash repeats are
// compared as text — the count stays exact when two accounts' hashes collide.
export interface Subjects {
  /** subjectHash of each key, in the order of keyAt(). */
  hashes: Uint32Array;
  /** The i-th key (a kept day holds them as one text, cut only where a hash repeats). */
  keyAt(i: number): string;
}

/** FNV-1a over the key's UTF-16 code units: subject keys are short hex hashes (subject-key.ts). */
export function subjectHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function subjectsOf(keys: readonly string[]): Subjects {
  return { hashes: Uint32Array.from(keys, subjectHash), keyAt: (i) => keys[i]! };
}

/**
 * Keys joined by `separator` into one text, and their hashes: the form a kept day holds them in.
 * When every key has one width (subject keys are 32 hex digits) the i-th is cut out directly;
 * otherwise the text is split once, when a key is first asked for.
 */
export function subjectsInText(text: string, separator: string, hashes: Uint32Array): Subjects {
  const width = hashes.length === 0 ? 0 : (text.length + 1) / hashes.length - 1;
  // One width when a separator stands after every width characters (no key holds one).
  let uniform = Number.isInteger(width);
  for (let at = width; uniform && at < text.length; at += width + 1) uniform = text[at] === separator;
  let keys: string[] | undefined;
  return {
    hashes,
    keyAt: uniform
      ? (i) => text.slice(i * (width + 1), i * (width + 1) + width)
      : (i) => (keys ??= text.split(separator))[i]!,
  };
}

/** Positions fit in 21 bits beside a 32-bit hash in a double's 53: up to 2,097,152 flags at once. */
const POSITIONS = 2 ** 21;

function countByText(keys: Iterable<string>, into: Map<string, number>) {
  for (const key of keys) into.set(key, (into.get(key) ?? 0) + 1);
}

function repeatsOf(perSubject: Map<string, number>) {
  let subjects = 0;
  let flags = 0;
  for (const n of perSubject.values())
    if (n >= 2) {
      subjects++;
      flags += n;
    }
  return { subjects, flags };
}

/** Subjects with at least two flags among all the sets, and how many flags those were. */
export function countRepeats(
  sets: readonly Subjects[],
  positions = POSITIONS, // a power of two; smaller only in tests, to reach the path by text
): { subjects: number; flags: number } {
  const starts: number[] = [];
  let total = 0;
  for (const set of sets) {
    starts.push(total);
    total += set.hashes.length;
  }
  // Beyond what a position can hold (over two million flags in one report): by text, slower.
  if (total > positions) {
    const perSubject = new Map<string, number>();
    sets.forEach((set) =>
      countByText(
        Array.from(set.hashes, (_, i) => set.keyAt(i)),
        perSubject,
      ),
    );
    return repeatsOf(perSubject);
  }
  const packed = new Float64Array(total);
  for (let s = 0; s < sets.length; s++) {
    const hashes = sets[s]!.hashes;
    const start = starts[s]!;
    for (let i = 0; i < hashes.length; i++) packed[start + i] = hashes[i]! * positions + start + i;
  }
  packed.sort();
  // Hash and position back from a packed number: positions is a power of two, so these are exact.
  const hashOf = (value: number) => Math.floor(value / positions);
  const keyAt = (value: number) => {
    const position = value - hashOf(value) * positions;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return sets[lo]!.keyAt(position - starts[lo]!);
  };
  let subjects = 0;
  let flags = 0;
  for (let a = 0; a < total;) {
    const hash = hashOf(packed[a]!);
    let b = a + 1;
    while (b < total && hashOf(packed[b]!) === hash) b++;
    if (b - a >= 2) {
      // Almost always one account; a collision of two is told apart by their keys.
      const first = keyAt(packed[a]!);
      let same = true;
      for (let i = a + 1; i < b && same; i++) same = keyAt(packed[i]!) === first;
      if (same) {
        subjects++;
        flags += b - a;
      } else {
        const perSubject = new Map<string, number>();
        for (let i = a; i < b; i++) countByText([keyAt(packed[i]!)], perSubject);
        const found = repeatsOf(perSubject);
        subjects += found.subjects;
        flags += found.flags;
      }
    }
    a = b;
  }
  return { subjects, flags };
}
