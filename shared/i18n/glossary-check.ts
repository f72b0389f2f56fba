// Checks Hindi strings against the glossary: words to avoid, English leaking into Hindi, and urgency
// that English shows in capitals but Hindi would lose. Pure functions; glossary.test.ts runs them over
// every Hindi table and names key, term and the word to use in each failure.
import type { Concept, LatinAllowed } from './glossary-types';

/** One Hindi string to check, with the English of the same key (for urgency and allowed uses). */
export interface Entry {
  key: string;
  hi: string;
  en: string;
}

export interface Problem {
  key: string;
  /** What was found in the Hindi string. */
  found: string;
  /** What to write instead. */
  use: string;
  why: string;
}

export interface Rules {
  glossary: readonly Concept[];
  latinAllowed: readonly LatinAllowed[];
  urgencySign: string;
  capitalisedLabels: readonly string[];
  acronyms: readonly string[];
}

// Nukta letters exist precomposed (फ़ U+095E) and as letter + nukta; NFD makes both one spelling.
const normalise = (s: string) => s.normalize('NFD');

// A word: letters, marks and digits, hyphen-joined parts kept together ("समय-सीमा").
// \b does not work on Devanagari (its vowel signs are not \w), hence the explicit classes.
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;
const words = (s: string) => normalise(s).match(WORD) ?? [];

function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++)
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  return false;
}

/** The glossary's avoided terms found in one entry. */
export function avoidedTerms(entry: Entry, glossary: readonly Concept[]): Problem[] {
  const text = normalise(entry.hi);
  const textWords = words(entry.hi);
  const problems: Problem[] = [];
  for (const concept of glossary)
    for (const avoid of concept.avoid) {
      if (avoid.onlyUnder && !avoid.onlyUnder.some((prefix) => entry.key.startsWith(prefix))) continue;
      if (avoid.allowWhole?.some((a) => a.hi === entry.hi && a.en === entry.en)) continue;
      const found =
        avoid.match === 'part'
          ? text.includes(normalise(avoid.term))
          : containsWords(textWords, words(avoid.term));
      if (found)
        problems.push({
          key: entry.key,
          found: avoid.term,
          use: concept.use,
          why: `${concept.concept}: ${avoid.why}`,
        });
    }
  return problems;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin words in a Hindi string that are neither a placeholder nor an allowed code or name. */
export function latinLeaks(entry: Entry, allowed: readonly LatinAllowed[]): Problem[] {
  let rest = entry.hi.replace(/\{\{\w+\}\}/g, ' ');
  // Longest first, so "SHA-256" goes before a shorter token could split it.
  for (const { token } of [...allowed].sort((a, b) => b.token.length - a.token.length))
    rest = rest.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(token)}(?![A-Za-z0-9])`, 'g'), ' ');
  return (rest.match(/[A-Za-z][A-Za-z0-9'-]*/g) ?? []).map((found) => ({
    key: entry.key,
    found,
    use: 'Hindi (or add the code to LATIN_ALLOWED in shared/i18n/glossary.ts if it must stay)',
    why: 'English in a Hindi string',
  }));
}

/** An English string's urgent capitalised words (DOWN, ESCALATED), not acronyms or labels. */
export function urgentCapitals(en: string, rules: Pick<Rules, 'capitalisedLabels' | 'acronyms'>): string[] {
  const withoutPlaceholders = en.replace(/\{\{\w+\}\}/g, ' ');
  return (withoutPlaceholders.match(/(?<![A-Za-z])[A-Z]{2,}(?:-[A-Z]+)*(?![A-Za-z])/g) ?? []).filter(
    (w) => w.length >= 3 && !rules.capitalisedLabels.includes(w) && !rules.acronyms.includes(w),
  );
}

/** A Hindi string whose English shouts (capitals) must carry the urgency sign. */
export function lostUrgency(entry: Entry, rules: Rules): Problem[] {
  const urgent = urgentCapitals(entry.en, rules);
  if (urgent.length === 0 || entry.hi.includes(rules.urgencySign)) return [];
  return [
    {
      key: entry.key,
      found: `no ${rules.urgencySign} (English: ${urgent.join(' ')})`,
      use: `${rules.urgencySign} at the start of the Hindi string`,
      why: 'urgency that English shows in capitals must not be lost in Hindi',
    },
  ];
}

export function checkEntries(entries: readonly Entry[], rules: Rules): Problem[] {
  return entries.flatMap((entry) => [
    ...avoidedTerms(entry, rules.glossary),
    ...latinLeaks(entry, rules.latinAllowed),
    ...lostUrgency(entry, rules),
  ]);
}

export const describeProblem = (p: Problem) => `${p.key}: found "${p.found}" — use "${p.use}" (${p.why})`;

/** Every string leaf of a message table with its dotted key. */
export function leafStrings(table: unknown, prefix = ''): { key: string; value: string }[] {
  if (typeof table === 'string') return [{ key: prefix, value: table }];
  if (typeof table !== 'object' || table === null) return [];
  return Object.entries(table).flatMap(([k, v]) => leafStrings(v, prefix ? `${prefix}.${k}` : k));
}

/** The Hindi table's strings paired with the English of the same key. */
export function pairTables(hi: unknown, en: unknown): Entry[] {
  const english = new Map(leafStrings(en).map(({ key, value }) => [key, value]));
  return leafStrings(hi).map(({ key, value }) => ({ key, hi: value, en: english.get(key) ?? '' }));
}
