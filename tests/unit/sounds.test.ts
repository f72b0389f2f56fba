// The committed alarm sounds are exactly what scripts/generate-sounds.ts makes from the pattern
// data, and each tone can be told from every other by ear (rhythm, period or pitch).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SOUND_NAMES,
  SOUND_SAMPLE_RATE,
  SOUNDS,
  type SoundName,
} from '../../renderer/features/alarm/alarm-patterns';
import { renderPattern } from '../../renderer/features/alarm/render-pattern';
import { decodeWav, encodeWav } from '../../renderer/features/alarm/wav';

const dir = join(__dirname, '..', '..', 'resources', 'sounds');
const read = (name: SoundName) => new Uint8Array(readFileSync(join(dir, `${name}.wav`)));

interface Heard {
  periodS: number;
  onsets: number;
  /** Fundamental of the first beep, from zero crossings over its first 40 ms. */
  pitchHz: number;
  peak: number;
}

function listen(name: SoundName): Heard {
  const { sampleRate, samples } = decodeWav(read(name));
  const win = Math.round(sampleRate * 0.01);
  let onsets = 0;
  let first = -1;
  let loud = false;
  for (let at = 0; at + win <= samples.length; at += win) {
    let sum = 0;
    for (let i = at; i < at + win; i++) sum += samples[i]! ** 2;
    const rms = Math.sqrt(sum / win);
    if (!loud && rms > 0.05) {
      onsets++;
      if (first < 0) first = at;
    }
    loud = rms > 0.05 ? true : rms < 0.01 ? false : loud;
  }
  const span = Math.round(sampleRate * 0.04);
  let crossings = 0;
  for (let i = first + win + 1; i < first + win + span; i++)
    if (Math.sign(samples[i]!) !== Math.sign(samples[i - 1]!) && samples[i] !== 0) crossings++;
  const peak = samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return { periodS: samples.length / sampleRate, onsets, pitchHz: crossings / 2 / 0.04, peak };
}

describe('alarm sound files', () => {
  it('are exactly the set of sounds the patterns define', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.wav'));
    expect(files.sort()).toEqual(SOUND_NAMES.map((n) => `${n}.wav`).sort());
  });

  it.each(SOUND_NAMES)('%s.wav is byte-identical to the generator output', (name) => {
    const expected = encodeWav(renderPattern(SOUNDS[name], SOUND_SAMPLE_RATE), SOUND_SAMPLE_RATE);
    const actual = read(name);
    expect(actual.length, 'run: npx tsx scripts/generate-sounds.ts').toBe(expected.length);
    expect(Buffer.compare(Buffer.from(actual), Buffer.from(expected)), `${name}.wav differs`).toBe(0);
  });

  it('are pairwise distinct in period, rhythm or pitch', () => {
    const heard = SOUND_NAMES.map((name) => ({ name, ...listen(name) }));
    for (const a of heard)
      for (const b of heard) {
        if (a.name >= b.name) continue;
        const differs =
          Math.abs(a.periodS - b.periodS) > 0.2 ||
          a.onsets !== b.onsets ||
          Math.abs(a.pitchHz - b.pitchHz) / Math.min(a.pitchHz, b.pitchHz) > 0.1;
        expect(differs, `${a.name} vs ${b.name}`).toBe(true);
      }
  });

  it('makes each escalated tone faster, higher and louder than its base, same rhythm', () => {
    for (const risk of ['imminent', 'high', 'elevated'] as const) {
      const base = listen(risk);
      const escalated = listen(`${risk}-escalated`);
      expect(escalated.periodS).toBeLessThan(base.periodS);
      expect(escalated.pitchHz).toBeGreaterThan(base.pitchHz * 1.1);
      expect(escalated.peak).toBeGreaterThan(base.peak * 1.2);
      expect(escalated.onsets).toBe(base.onsets);
    }
  });

  it('never clips', () => {
    for (const name of SOUND_NAMES) expect(listen(name).peak).toBeLessThanOrEqual(1);
  });
});
