// Enforces the Hindi glossary (glossary.ts) on every Hindi string of the console and on the police
// units' Hindi names. A failure names the key, the term found and the word to use.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { hi } from './hi';
import { ACRONYMS, CAPITALISED_LABELS, GLOSSARY, LATIN_ALLOWED, URGENCY_SIGN } from './glossary';
import {
  avoidedTerms,
  checkEntries,
  describeProblem,
  latinLeaks,
  lostUrgency,
  pairTables,
  type Entry,
  type Rules,
} from './glossary-check';
import { DISTRICTS } from '../geo/districts';
import { DEFAULT_POLICE_UNITS } from '../routing/police-units';

const RULES: Rules = {
  glossary: GLOSSARY,
  latinAllowed: LATIN_ALLOWED,
  urgencySign: URGENCY_SIGN,
  capitalisedLabels: CAPITALISED_LABELS,
  acronyms: ACRONYMS,
};

const entry = (hiText: string, key = 'test.key', enText = 'English'): Entry => ({
  key,
  hi: hiText,
  en: enText,
});
const found = (e: Entry) => avoidedTerms(e, GLOSSARY).map((p) => p.found);

/**
 * The police units' Hindi names with the district's own name taken out: a district is called what
 * the Rajasthan government calls it (पाली is Pali), whatever the glossary says about the word.
 */
function policeUnitEntries(): Entry[] {
  const districtNames = DISTRICTS.map((d) => d.hi).sort((a, b) => b.length - a.length);
  return DEFAULT_POLICE_UNITS.map((unit) => ({
    key: `policeUnits.${unit.key}`,
    hi: districtNames.reduce((name, district) => name.replace(district, '{{district}}'), unit.hi),
    en: unit.en,
  }));
}

describe('the Hindi glossary is followed', () => {
  it('by every string of the Hindi tables (shared/i18n/hi*.ts)', () => {
    const problems = checkEntries(pairTables(hi, en), RULES).map(describeProblem);
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('by the police units’ Hindi names, with district names exempt', () => {
    const problems = checkEntries(policeUnitEntries(), RULES).map(describeProblem);
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('keeps the district Pali a district: its unit is still named पाली', () => {
    const pali = DEFAULT_POLICE_UNITS.find((u) => u.key === 'pali-control-room');
    expect(pali?.hi.startsWith('पाली ')).toBe(true);
    // Without the exemption the same name would fail: the exemption is what lets it through.
    expect(found(entry(pali!.hi))).toContain('पाली');
  });

  it('never contradicts itself: no concept’s word is another concept’s word to avoid', () => {
    for (const concept of GLOSSARY) {
      // A word kept for one whole button ("बंद करें" = Close) is checked as that button.
      const allowedAs = GLOSSARY.flatMap((c) => c.avoid.flatMap((a) => a.allowWhole ?? [])).find(
        (a) => a.hi === concept.use,
      );
      const own = avoidedTerms(
        entry(concept.use, 'glossary.use', allowedAs?.en ?? concept.concept),
        GLOSSARY,
      );
      expect(own.map(describeProblem), concept.concept).toEqual([]);
    }
  });
});

describe('the glossary check', () => {
  it('finds an avoided word and says which word to use', () => {
    const [problem] = avoidedTerms(entry('अलार्म मौन करें', 'silence.open'), GLOSSARY);
    expect(describeProblem(problem!)).toMatch(/^silence\.open: found "मौन" — use "म्यूट"/);
  });

  it('matches whole words where the glossary says so: पाली but not a word containing it', () => {
    expect(found(entry('सुबह की पाली'))).toContain('पाली');
    expect(found(entry('नगर पालिका'))).toEqual([]);
    expect(found(entry('पालीवाल जी'))).toEqual([]);
  });

  it('matches stems anywhere where the glossary says so', () => {
    expect(found(entry('हस्तांतरित किया'))).toContain('हस्तांतरित');
    expect(found(entry('लेखा-परीक्षित होती है'))).toContain('लेखा-परीक्ष');
  });

  it('matches a phrase as a run of words: "बढ़ा हुआ" is caught, "जोखिम बढ़ा" is not', () => {
    expect(found(entry('बढ़ा हुआ'))).toContain('बढ़ा हुआ');
    expect(found(entry('⚠ जोखिम बढ़ा'))).toEqual([]);
  });

  it('treats a precomposed nukta and letter + nukta as the same spelling', () => {
    const precomposed = '\u095E\u094D\u0932\u0948\u0917'; // फ़्लैग with U+095E
    const decomposed = '\u092B\u093C\u094D\u0932\u0948\u0917'; // फ + nukta
    expect(found(entry(precomposed))).toEqual([]);
    expect(found(entry(decomposed))).toEqual([]);
    expect(found(entry('फ्लैग'))).toContain('फ्लैग');
  });

  it('allows बंद only as the whole "Close" button of a panel', () => {
    expect(found(entry('बंद करें', 'units.close', 'Close'))).toEqual([]);
    expect(found(entry('फ़्लैग बंद करें', 'dispatch.close', 'Close flag'))).toContain('बंद');
    expect(found(entry('बंद', 'feed.state.down', 'DOWN'))).toContain('बंद');
  });

  it('applies a term only under its keys: हस्ताक्षर is the supervisor’s, not the feed’s', () => {
    expect(found(entry('हैंडओवर पर हस्ताक्षर करें', 'handover.ui.sign'))).toEqual([]);
    expect(found(entry('ग़लत हस्ताक्षर', 'feed.state.bad_signature'))).toContain('हस्ताक्षर');
  });

  it('finds English in a Hindi string, but not placeholders, codes or keys', () => {
    const leaks = (s: string) => latinLeaks(entry(s), LATIN_ALLOWED).map((p) => p.found);
    expect(leaks('कारण: reason {{name}}')).toEqual(['reason']);
    expect(leaks('12 h')).toEqual(['h']);
    expect(leaks('{{name}} — TRAINING')).toEqual(['TRAINING']);
    expect(leaks('SHA-256 (पहले 12) · PDF · Enter विवरण · A स्वीकार करें')).toEqual([]);
    expect(leaks('Digital Personal Data Protection Act, 2023')).toEqual([]);
    expect(leaks('Aadhaar')).toEqual(['Aadhaar']);
  });

  it('requires the urgency sign where English shouts, not for acronyms or labels', () => {
    const lost = (hiText: string, enText: string) => lostUrgency(entry(hiText, 'k', enText), RULES).length;
    expect(lost('ठप', 'DOWN')).toBe(1);
    expect(lost('⚠ ठप', 'DOWN')).toBe(0);
    expect(lost('प्रशिक्षण', 'TRAINING')).toBe(0);
    expect(lost('CSV डाउनलोड', 'Download CSV')).toBe(0);
    expect(lost('लगभग', 'ISA-18.2: about 1')).toBe(0);
    expect(lost('अलार्म', 'ALARM: {{count}} unacknowledged')).toBe(1);
  });
});
