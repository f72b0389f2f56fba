import { describe, expect, it } from 'vitest';
import type { HandoverSummary } from '../../../shared/handover';
import { docLanguages, isDocLanguage, makeDocText, type Translate } from './doc-text';
import { carriedRows, halves, outcomeLabel, outcomeRows, riskRows, shortHash } from './summary-rows';
import { OUTCOMES } from '../../../shared/dispatch';
import { en } from '../../../shared/i18n/en';
import { hi } from '../../../shared/i18n/hi';

const fakeT =
  (lang: string): Translate =>
  (key, values) =>
    `${lang}:${key}${values ? `(${Object.values(values).join(',')})` : ''}`;

const summary: HandoverSummary = {
  shiftId: '2026-11-25:morning',
  startMs: 1000,
  endMs: 9000,
  generatedAtMs: 600_000 + 1000,
  training: true,
  received: {
    total: 5,
    byRisk: { imminent: 1, high: 3, elevated: 1 },
    byDistrict: [
      { districtKey: 'jaipur', count: 4 },
      { districtKey: null, count: 1 },
    ],
  },
  acknowledged: 4,
  dispatched: 0,
  closed: { total: 3, byOutcome: { unspecified: 1, referred: 2 } },
  withdrawn: 1,
  carriedOver: [
    {
      id: 'f1',
      caseNo: 'LC-000001',
      risk: 'high',
      state: 'acknowledged',
      withdrawn: false,
      unitKey: null,
      districtKey: null,
      receivedAtMs: 1000,
      acknowledgedBy: 'SI Asha Testwal',
      nextAction: 'dispatch',
    },
  ],
  breaches: [],
  feedOutages: [],
  silences: [],
  quarantined: 2,
  roster: [],
};

describe('handover document language', () => {
  it('writes one language or both, English first', () => {
    expect(docLanguages('en')).toEqual(['en']);
    expect(docLanguages('hi')).toEqual(['hi']);
    expect(docLanguages('both')).toEqual(['en', 'hi']);
    expect(isDocLanguage('both')).toBe(true);
    expect(isDocLanguage('fr')).toBe(false);
  });

  it('joins both languages side by side, with their values', () => {
    const both = makeDocText('both', fakeT);
    expect(both.lang).toBe('en');
    expect(both.tx('handover.doc.received')).toBe('en:handover.doc.received / hi:handover.doc.received');
    expect(both.tx('handover.doc.signedBy', { name: 'A' })).toBe(
      'en:handover.doc.signedBy(A) / hi:handover.doc.signedBy(A)',
    );
    expect(both.tv('risk.high')).toBe('en:risk.high\nhi:risk.high');
    const hi = makeDocText('hi', fakeT);
    expect(hi.lang).toBe('hi');
    expect(hi.tx('handover.doc.received')).toBe('hi:handover.doc.received');
  });

  it('names districts in the chosen language(s), and an unknown one as the supervisor’s call', () => {
    expect(makeDocText('en', fakeT).district('jaipur')).toBe('Jaipur');
    expect(makeDocText('hi', fakeT).district('jaipur')).toBe('जयपुर');
    expect(makeDocText('both', fakeT).district('jaipur')).toBe('Jaipur\nजयपुर');
    expect(makeDocText('en', fakeT).district(null)).toBe('en:queue.unknownDistrict');
    expect(makeDocText('en', fakeT).district('atlantis')).toBe('en:queue.unknownDistrict');
  });

  it('formats times in IST to the minute, and durations', () => {
    const en = makeDocText('en', fakeT);
    expect(en.time(Date.parse('2026-11-25T00:30:00Z'))).toMatch(/25 Nov 2026.*06:00 IST$/);
    expect(en.minutes(42 * 60_000)).toBe('en:time.minutesOnly(42)');
    expect(en.duration(64_000)).toBe('en:time.minutes(1,04)');
    expect(en.period(Date.parse('2026-11-25T08:30:00Z'), Date.parse('2026-11-25T16:30:00Z'))).toBe(
      '25 Nov 2026, 14:00 – 22:00 IST',
    );
  });
});

describe('handover rows', () => {
  it('lists every risk, even at zero, in the one risk order', () => {
    expect(riskRows(summary).map((r) => `${r.risk}=${r.count}`)).toEqual([
      'imminent=1',
      'high=3',
      'elevated=1',
    ]);
  });

  it('orders outcomes by count then name', () => {
    expect(outcomeRows(summary)).toEqual([
      { outcome: 'referred', count: 2 },
      { outcome: 'unspecified', count: 1 },
    ]);
  });

  it('gives each carried-over flag its age at generation', () => {
    expect(carriedRows(summary)[0]!.ageMs).toBe(600_000);
  });

  it('splits a long list in two halves, the left one longer', () => {
    expect(halves([1, 2, 3, 4, 5])).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(halves([])).toEqual([[], []]);
  });

  it('shortens a hash to 12 characters', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
  });
});

describe('outcome words in the handover (issue #16)', () => {
  const lookup = (table: unknown, key: string) =>
    key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], table);

  it('names every outcome code in English and Hindi, never as the bare code', () => {
    for (const code of [...OUTCOMES, 'unspecified']) {
      const { key } = outcomeLabel(code);
      for (const table of [en, hi]) {
        const words = lookup(table, key);
        expect(typeof words, `${code} in ${key}`).toBe('string');
        expect(words).not.toBe(code);
        expect(words).not.toContain('_');
      }
    }
    expect(lookup(en, outcomeLabel('false_positive').key)).toBe('False positive');
    expect(lookup(hi, outcomeLabel('welfare_check_done').key)).toBe('कुशलता जाँच हुई');
  });

  it('says "other" with the code for a code this version does not know', () => {
    expect(outcomeLabel('referred_abroad')).toEqual({
      key: 'handover.doc.outcomes.other',
      values: { code: 'referred_abroad' },
    });
  });
});
