// The desk's sound word (issue #16, item 5): grey until checked, not amber; red when not heard.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { soundCheckWord, soundSeverity } from './sound-words';

const t = ((key: string, values?: Record<string, string>) =>
  values ? `${key} ${values.time} ${values.name}` : key) as unknown as TFunction;
const check = (heard: boolean) => ({ heard, atMs: Date.parse('2026-12-06T20:44:00Z'), by: 'Op Testwal' });

describe('soundSeverity', () => {
  it('is grey for an output the browser will not name (it held all day and taught people to ignore amber)', () => {
    expect(soundSeverity('unknown')).toBe('normal');
    expect(soundSeverity('on')).toBe('normal');
    expect(soundSeverity('blocked')).toBe('warning');
    expect(soundSeverity('no_output')).toBe('alarm');
  });
});

describe('soundCheckWord', () => {
  it('says "not checked yet" in grey until somebody answers', () => {
    expect(soundCheckWord(t, 'unknown', { verification: 'unverified', check: null }, 'en')).toEqual({
      text: 'soundCheck.unchecked',
      severity: 'normal',
    });
  });

  it('names the time (IST) and the person of a heard test, in grey; a test not heard is red', () => {
    expect(soundCheckWord(t, 'on', { verification: 'verified', check: check(true) }, 'en')).toEqual({
      text: 'soundCheck.checked 02:14 IST Op Testwal',
      severity: 'normal',
    });
    expect(soundCheckWord(t, 'on', { verification: 'not_heard', check: check(false) }, 'en')).toMatchObject({
      severity: 'alarm',
    });
  });

  it("leaves the browser's own failure words in place (they are news since the test)", () => {
    expect(soundCheckWord(t, 'no_output', { verification: 'verified', check: check(true) }, 'en')).toBeNull();
    expect(soundCheckWord(t, 'blocked', { verification: 'not_heard', check: check(false) }, 'en')).toBeNull();
  });
});
