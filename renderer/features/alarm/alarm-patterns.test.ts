import { describe, expect, it } from 'vitest';
import type { AlarmSound } from '../../../shared/domain';
import { SOUNDS, TEST_SEQUENCE, soundLabel, soundNames } from './alarm-patterns';
import { renderPattern } from './render-pattern';
import { decodeWav, encodeWav } from './wav';

const quiet: AlarmSound = { flag: null, escalated: false, feed: false };
const label = (sound: Partial<AlarmSound>) => soundLabel(soundNames({ ...quiet, ...sound }));

describe('alarm patterns', () => {
  it('plays exactly what main says: nothing when quiet', () => {
    expect(soundNames(quiet)).toEqual([]);
    expect(label({})).toBeNull();
  });

  it('plays the flag tone, its escalated variant, and the separate feed tone', () => {
    expect(label({ flag: 'imminent' })).toBe('imminent');
    expect(label({ flag: 'imminent', escalated: true })).toBe('imminent-escalated');
    expect(label({ flag: 'high', feed: true })).toBe('high+feed');
    expect(label({ feed: true })).toBe('feed');
    // The grouped flood tone has no escalated variant: a flood is already the loudest news.
    expect(label({ flag: 'flood', escalated: true })).toBe('flood');
  });

  it('is faster and higher for more urgent risk', () => {
    const { imminent, high, elevated } = SOUNDS;
    expect(imminent.beeps).toHaveLength(3);
    expect(high.beeps).toHaveLength(2);
    expect(elevated.beeps).toHaveLength(1);
    expect(imminent.periodS).toBeLessThan(high.periodS);
    expect(high.periodS).toBeLessThan(elevated.periodS);
    expect(imminent.beeps[0]!.freq).toBeGreaterThan(high.beeps[0]!.freq);
  });

  it('tests every flag tone, then the feed tone', () => {
    expect(TEST_SEQUENCE).toEqual(['imminent', 'high', 'elevated', 'flood', 'feed']);
  });

  it('renders a cycle with sound inside the beeps and silence between them', () => {
    const rate = 8000;
    const samples = renderPattern(SOUNDS.feed, rate);
    expect(samples.length).toBe(Math.round(SOUNDS.feed.periodS * rate));
    const rms = (from: number, to: number) =>
      Math.sqrt(samples.slice(from * rate, to * rate).reduce((s, x) => s + x * x, 0) / ((to - from) * rate));
    expect(rms(0.7, 0.9)).toBeGreaterThan(0.1);
    expect(rms(0, 0.5)).toBe(0);
    expect(Math.max(...samples.map(Math.abs))).toBeLessThanOrEqual(SOUNDS.feed.gain + 1e-6);
  });

  it('renders the same samples every time (the committed files depend on it)', () => {
    expect(renderPattern(SOUNDS.flood, 8000)).toEqual(renderPattern(SOUNDS.flood, 8000));
  });
});

describe('WAV encoding', () => {
  it('writes a 16-bit mono PCM header and round-trips the samples', () => {
    const wav = encodeWav([0, 0.5, -0.5, 1, -1, 2], 22050);
    expect(wav.length).toBe(44 + 12);
    expect(String.fromCharCode(...wav.subarray(0, 4))).toBe('RIFF');
    const { sampleRate, samples } = decodeWav(wav);
    expect(sampleRate).toBe(22050);
    expect([...samples].map((x) => Math.round(x * 1000) / 1000)).toEqual([0, 0.5, -0.5, 1, -1, 1]);
  });

  it('refuses what it did not write', () => {
    expect(() => decodeWav(new Uint8Array(44))).toThrow(/WAV/);
  });
});
