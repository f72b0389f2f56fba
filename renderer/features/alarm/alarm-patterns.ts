// The alarm's sounds, as data. scripts/generate-sounds.ts renders each pattern into one loop cycle
// in resources/sounds/*.wav, and tests/unit/sounds.test.ts keeps those files equal to this table.
// Pure TypeScript (no DOM, no Node): the renderer, the script and the test all import it.
import type { AlarmSound, FlagSound } from '../../../shared/domain';

export interface Beep {
  /** Seconds from the start of the cycle. */
  at: number;
  dur: number;
  freq: number;
  /** For a sweep: the frequency at the end of the beep (linear glide from `freq`). */
  freqEnd?: number;
  /** For a warble: frequency wobble of ±vibratoDepth (a fraction) at vibratoHz. */
  vibratoHz?: number;
  vibratoDepth?: number;
  wave: 'sine' | 'square' | 'triangle';
}

export interface Pattern {
  periodS: number;
  /** Peak amplitude of the pattern (0–1): the escalated variants are louder. */
  gain: number;
  beeps: readonly Beep[];
}

export const SOUND_NAMES = [
  'imminent',
  'high',
  'elevated',
  'flood',
  'feed',
  'imminent-escalated',
  'high-escalated',
  'elevated-escalated',
] as const;
export type SoundName = (typeof SOUND_NAMES)[number];

/** The WAV files' rate: plenty for alarm tones, and small files. */
export const SOUND_SAMPLE_RATE = 22050;

const beeps = (starts: number[], dur: number, freq: number, wave: Beep['wave']): Beep[] =>
  starts.map((at) => ({ at, dur, freq, wave }));

/**
 * Distinct by risk (three, two, one beeps; higher and faster for more urgent), so an operator can
 * tell what is waiting without looking. An escalated flag keeps its rhythm, so it is still
 * recognisable, but comes faster, higher and louder.
 */
export const SOUNDS: Readonly<Record<SoundName, Pattern>> = {
  imminent: { periodS: 1.5, gain: 0.6, beeps: beeps([0, 0.17, 0.34], 0.11, 1568, 'square') },
  high: { periodS: 2.5, gain: 0.6, beeps: beeps([0, 0.28], 0.18, 1175, 'square') },
  elevated: { periodS: 4, gain: 0.7, beeps: beeps([0], 0.3, 880, 'sine') },
  /** Many flags at once: one slow rising warble instead of a wall of beeps. */
  flood: {
    periodS: 3,
    gain: 0.65,
    beeps: [{ at: 0, dur: 1.8, freq: 440, freqEnd: 990, vibratoHz: 7, vibratoDepth: 0.03, wave: 'triangle' }],
  },
  /** A low falling two-tone: the feed itself is broken, a different kind of trouble from a flag. */
  feed: {
    periodS: 3.2,
    gain: 0.7,
    beeps: [
      { at: 0.6, dur: 0.45, freq: 523, wave: 'triangle' },
      { at: 1.1, dur: 0.65, freq: 392, wave: 'triangle' },
    ],
  },
  'imminent-escalated': { periodS: 0.9, gain: 0.95, beeps: beeps([0, 0.12, 0.24], 0.08, 1865, 'square') },
  'high-escalated': { periodS: 1.4, gain: 0.95, beeps: beeps([0, 0.2], 0.13, 1397, 'square') },
  'elevated-escalated': { periodS: 2.2, gain: 0.95, beeps: beeps([0], 0.25, 1047, 'sine') },
};

/** The sound file of a flag tone (the grouped flood tone has no escalated variant). */
export function flagSoundName(flag: FlagSound, escalated: boolean): SoundName {
  return escalated && flag !== 'flood' ? `${flag}-escalated` : flag;
}

/** Exactly what main's AlarmSound says to play: the flag tone, plus the separate feed tone. */
export function soundNames(sound: AlarmSound): SoundName[] {
  const names: SoundName[] = [];
  if (sound.flag) names.push(flagSoundName(sound.flag, sound.escalated));
  if (sound.feed) names.push('feed');
  return names;
}

/** 'imminent-escalated', 'high+feed', … or null when quiet (the probe's `pattern`). */
export function soundLabel(names: readonly SoundName[]): string | null {
  return names.length === 0 ? null : names.join('+');
}

/** The test alarm's sequence: each flag tone, then the feed tone. */
export const TEST_SEQUENCE: readonly SoundName[] = ['imminent', 'high', 'elevated', 'flood', 'feed'];
