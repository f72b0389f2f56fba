// Property-based tests of the FLAG validator and the ingest split (fast-check): whatever comes in —
// arbitrary JSON, near-valid records, huge strings, odd Unicode, Hindi — the validator never
// throws, and every record is either a flag or quarantined with a field and a rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX_CHARS, parseFlagRecord } from '../../shared/feed/flag-schema';
import { parsePageBody } from '../../shared/feed/page-schema';
import { prepareRecords } from '../../electron/main/core/ingest/prepare-records';
import { makeFlag } from '../helpers/flags';
import { openTempStore } from '../helpers/temp-store';

const RUNS = 3000; // four properties × 3000 = 12,000 cases per CI run
const hindi = fc.string({ unit: fc.constantFrom(...'आत्महत्याकोटाजोधपुरछात्रमदद़ंँ् '), maxLength: 300 });
const oddUnicode = fc.string({ unit: 'grapheme', maxLength: 200 });
const anyText = fc.oneof(fc.string(), hindi, oddUnicode, fc.string({ unit: 'binary', maxLength: 50 }));
const anyValue = fc.oneof(fc.jsonValue(), anyText, fc.constant(null), fc.double(), fc.integer());
const FIELDS = [
  'id',
  'revision',
  'status',
  'flagged_at',
  'platform',
  'category',
  'risk',
  'subject',
  'content',
  'location',
  'institution',
];

function assertJudged(record: unknown) {
  const result = parseFlagRecord(record);
  if (!result.ok) {
    expect(result.field.length).toBeGreaterThan(0);
    expect(result.rule.length).toBeGreaterThan(0);
  }
  return result;
}

describe('FLAG validator, property-based', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void assertJudged(value)),
      { numRuns: RUNS },
    );
  });

  it('judges near-valid records: one field replaced by anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), anyValue, (field, value) => {
        const record = { ...makeFlag(), [field]: value };
        assertJudged(record);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps valid flags valid with any text in free-text fields, and cuts long excerpts', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.oneof(anyText, fc.string({ minLength: 2001, maxLength: 6000 })),
        (name, excerpt) => {
          const result = assertJudged(
            makeFlag({ subject: { account_id: 'a1', display_name: name }, content: { excerpt } }),
          );
          if (name.length <= 512) expect(result.ok).toBe(true);
          if (result.ok)
            expect(Array.from(result.flag.content?.excerpt ?? '').length).toBeLessThanOrEqual(
              EXCERPT_MAX_CHARS,
            );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('splits any page into flags and quarantined records, losing none', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyValue, fc.constant(makeFlag())), { maxLength: 20 }), (records) => {
        const prepared = prepareRecords(records);
        expect(prepared.flags.length + prepared.quarantined.length).toBe(records.length);
        expect(parsePageBody(JSON.stringify({ flags: records, next_cursor: 'c_1' })).ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('stores or quarantines every record of random pages, in the real encrypted store', () => {
    const { sync } = openTempStore();
    let page = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(anyValue, fc.constant(makeFlag())), { maxLength: 10 }), (records) => {
        const before = sync.status();
        const result = sync.commitPage({
          feedKey: 'p',
          nextCursor: `c_${++page}`,
          ...prepareRecords(records),
          training: false,
          source: 'prop',
          receivedAtMs: page,
        });
        const accounted =
          result.inserted + result.revised + result.duplicates + result.stale + result.quarantined;
        expect(accounted).toBe(records.length);
        expect(sync.status().quarantined - before.quarantined).toBe(result.quarantined);
        expect(sync.getCursor('p')).toBe(`c_${page}`);
      }),
      { numRuns: 200 },
    );
    sync.close();
  });
});
