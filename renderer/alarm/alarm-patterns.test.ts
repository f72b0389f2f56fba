import { describe, expect, it } from 'vitest';
import { FEED_PATTERN, FLAG_PATTERNS, activePatterns, patternLabel, renderPattern } from './alarm-patterns';

const quiet = { flagIds: [], highestRisk: null, feedAlarm: false };

describe('alarm patterns', () => {
  it('is silent when nothing is waiting', () => {
    expect(activePatterns(quiet)).toEqual([]);
    expect(patternLabel(activePatterns(quiet))).toBeNull();
  });

  it('picks the pattern of the highest risk waiting, plus the feed tone when the feed is in alarm', () => {
    expect(patternLabel(activePatterns({ flagIds: ['a'], highestRisk: 'imminent', feedAlarm: false }))).toBe(
      'imminent',
    );
    expect(patternLabel(activePatterns({ flagIds: ['a'], highestRisk: 'elevated', feedAlarm: true }))).toBe(
      'elevated+feed',
    );
    expect(patternLabel(activePatterns({ ...quiet, feedAlarm: true }))).toBe('feed');
  });

  it('is faster and higher for more urgent risk', () => {
    const { imminent, high, elevated } = FLAG_PATTERNS;
    expect(imminent.beeps).toHaveLength(3);
    expect(high.beeps).toHaveLength(2);
    expect(elevated.beeps).toHaveLength(1);
    expect(imminent.periodS).toBeLessThan(high.periodS);
    expect(high.periodS).toBeLessThan(elevated.periodS);
    expect(imminent.beeps[0]!.freq).toBeGreaterThan(high.beeps[0]!.freq);
  });

  it('renders a cycle with sound inside the beeps and silence between them', () => {
    const rate = 8000;
    const samples = renderPattern(FEED_PATTERN, rate);
    expect(samples.length).toBe(Math.round(FEED_PATTERN.periodS * rate));
    const rms = (from: number, to: number) =>
      Math.sqrt(samples.slice(from * rate, to * rate).reduce((s, x) => s + x * x, 0) / ((to - from) * rate));
    expect(rms(0.7, 0.9)).toBeGreaterThan(0.1);
    expect(rms(0, 0.5)).toBe(0);
    expect(Math.max(...samples.map(Math.abs))).toBeLessThanOrEqual(0.81);
  });
});
