// The shape of the Hindi glossary (glossary.ts) that glossary.test.ts enforces on every Hindi string.
// Kept apart from the data so the data file reads as a list of decisions.

/** A Hindi word or phrase that must not be used for a concept, and why. */
export interface Avoid {
  /** The word or phrase as written in Devanagari. */
  term: string;
  /**
   * 'word' (default): matches whole words only (a phrase matches a run of whole words), so "पाली"
   * does not match inside another word. 'part': matches anywhere, for stems whose every inflection
   * is wrong too ("हस्तांतरण", "हस्तांतरित").
   */
  match?: 'word' | 'part';
  /** Only strings under these key prefixes are checked for this term ("feed." for the feed's own). */
  onlyUnder?: readonly string[];
  /**
   * Whole strings where the term is right after all: the Hindi string must equal `hi` exactly and
   * the English string of the same key must equal `en` exactly (a button "Close" that closes a panel).
   */
  allowWhole?: readonly { hi: string; en: string; why: string }[];
  why: string;
}

export interface Concept {
  /** The concept in English, as the English UI says it. */
  concept: string;
  /** The one Hindi term to use, with its usual forms. */
  use: string;
  /** Why this word: the register decision a reviewer can argue with. */
  why: string;
  avoid: readonly Avoid[];
}

/** A Latin-script token that may stand in a Hindi string (a code, an acronym, a key on the keyboard). */
export interface LatinAllowed {
  token: string;
  why: string;
}
