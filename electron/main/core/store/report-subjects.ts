// Accounts flagged at least twice in a report's range, from the subject keys of its parts (a part
// holds one key per flag; a repeat may span days). A subject key is 128 bits of SHA-256 in hex
// (subject-key.ts), so a part holds its keys as four 32-bit words each: half the bytes of the text
// (a year's kept days are read from the encrypted store at about 180 MB/s), and counted exactly in
// a table of words, with no sort and no string. Keys of any other form (the store writes none; a
// database edited by hand might hold some) are kept and counted apart, as text.
export interface Subjects {
  /** The keys of subject-key.ts's form, four words each, in the order of the key's bytes. */
  words: Uint32Array;
  /** Keys of any other form, as text: never equal to one of the words, whose keys are all hex. */
  others: readonly string[];
}

const HEX_KEY = /^[0-9a-f]{32}$/;
const KEY_BYTES = 16;
const KEY_WORDS = 4;

export function subjectsOf(keys: readonly string[]): Subjects {
  const hex = keys.filter((key) => HEX_KEY.test(key));
  const words = new Uint32Array(hex.length * KEY_WORDS);
  const bytes = Buffer.from(words.buffer);
  hex.forEach((key, i) => bytes.write(key, i * KEY_BYTES, 'hex'));
  return { words, others: hex.length === keys.length ? [] : keys.filter((key) => !HEX_KEY.test(key)) };
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

/** murmur3's finaliser: spreads every bit of a word over all 32. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Keys per partition, about: a partition's table (a few thousand slots) stays in the cache. */
const PARTITION_KEYS = 4096;
/** A key laid out for counting: its hash, then its four words. */
const ENTRY = 1 + KEY_WORDS;

/**
 * Open addressing over the keys' words, a partition at a time. One table over a year's million
 * keys took 150–300 ms, nearly all of it waiting on memory; so the keys are first laid out by the
 * top bits of their hash (a counting sort), and each partition is counted in a small table. The
 * hash mixes all four words: keys that are not SHA-256 output (zero-padded ones, say) would
 * otherwise pile into a few partitions.
 */
function countWords(sets: readonly Uint32Array[]) {
  const total = sets.reduce((n, words) => n + words.length, 0) / KEY_WORDS;
  let partitionBits = 1;
  while (total >>> partitionBits > PARTITION_KEYS) partitionBits++;
  const partitionOf = (hash: number) => hash >>> (32 - partitionBits);
  const hashes = new Uint32Array(total);
  const ends = new Uint32Array((1 << partitionBits) + 1); // partition p is [ends[p], ends[p + 1])
  let key = 0;
  for (const words of sets)
    for (let at = 0; at < words.length; at += KEY_WORDS) {
      const hash = mix(words[at]! ^ mix(words[at + 1]! ^ mix(words[at + 2]! ^ mix(words[at + 3]!))));
      hashes[key++] = hash;
      ends[partitionOf(hash) + 1]!++;
    }
  for (let p = 1; p < ends.length; p++) ends[p]! += ends[p - 1]!;
  const next = ends.slice(0, -1);
  const entries = new Uint32Array(total * ENTRY);
  key = 0;
  for (const words of sets)
    for (let at = 0; at < words.length; at += KEY_WORDS) {
      const hash = hashes[key++]!;
      const entry = next[partitionOf(hash)]!++ * ENTRY;
      entries[entry] = hash;
      for (let w = 0; w < KEY_WORDS; w++) entries[entry + 1 + w] = words[at + w]!;
    }
  let largest = 0;
  for (let p = 0; p + 1 < ends.length; p++) largest = Math.max(largest, ends[p + 1]! - ends[p]!);
  let bits = 4;
  while (1 << bits < 2 * largest) bits++;
  const mask = (1 << bits) - 1;
  const firstOf = new Int32Array(mask + 1);
  const counts = new Uint32Array(mask + 1);
  const repeats = { subjects: 0, flags: 0 };
  for (let p = 0; p + 1 < ends.length; p++) {
    firstOf.fill(-1);
    counts.fill(0);
    for (let entry = ends[p]! * ENTRY; entry < ends[p + 1]! * ENTRY; entry += ENTRY) {
      for (let slot = entries[entry]! & mask; ; slot = (slot + 1) & mask) {
        const first = firstOf[slot]!;
        if (first < 0) {
          firstOf[slot] = entry;
          counts[slot] = 1;
          break;
        }
        if (sameEntry(entries, first, entry)) {
          counts[slot] = counts[slot]! + 1;
          break;
        }
      }
    }
    const found = repeatsOf(counts);
    repeats.subjects += found.subjects;
    repeats.flags += found.flags;
  }
  return repeats;
}

function sameEntry(entries: Uint32Array, a: number, b: number): boolean {
  for (let i = 0; i < ENTRY; i++) if (entries[a + i] !== entries[b + i]) return false;
  return true;
}

/** Subjects with at least two flags among all the sets, and how many flags those were. */
export function countRepeats(sets: readonly Subjects[]): { subjects: number; flags: number } {
  const byWords = countWords(sets.map((set) => set.words));
  const perOther = new Map<string, number>();
  for (const set of sets) for (const key of set.others) perOther.set(key, (perOther.get(key) ?? 0) + 1);
  const byText = repeatsOf([...perOther.values()]);
  return { subjects: byWords.subjects + byText.subjects, flags: byWords.flags + byText.flags };
}
