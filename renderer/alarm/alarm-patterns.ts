// The alarm's sound, as data. Each pattern is one cycle, rendered once into a buffer that loops on
// the audio thread: no JavaScript timer has to fire for it to keep sounding, so a throttled or
// busy window cannot make the alarm stutter or fall silent.
import type { AlarmState, Risk } from '../../shared/domain';

export interface Beep {
  /** Seconds from the start of the cycle. */
  at: number;
  dur: number;
  freq: number;
  wave: 'sine' | 'square' | 'triangle';
}

export interface Pattern {
  name: string;
  periodS: number;
  beeps: readonly Beep[];
}

const beeps = (starts: number[], dur: number, freq: number, wave: Beep['wave']): Beep[] =>
  starts.map((at) => ({ at, dur, freq, wave }));

/** Distinct by risk, so an operator can tell what is waiting without looking. */
export const FLAG_PATTERNS: Readonly<Record<Risk, Pattern>> = {
  imminent: { name: 'imminent', periodS: 1.5, beeps: beeps([0, 0.17, 0.34], 0.11, 1568, 'square') },
  high: { name: 'high', periodS: 2.5, beeps: beeps([0, 0.28], 0.18, 1175, 'square') },
  elevated: { name: 'elevated', periodS: 4, beeps: beeps([0], 0.3, 880, 'sine') },
};

/** A low falling two-tone: the feed itself is broken, a different kind of trouble from a flag. */
export const FEED_PATTERN: Pattern = {
  name: 'feed',
  periodS: 3.2,
  beeps: [
    { at: 0.6, dur: 0.45, freq: 523, wave: 'triangle' },
    { at: 1.1, dur: 0.65, freq: 392, wave: 'triangle' },
  ],
};

export function activePatterns(alarm: AlarmState): Pattern[] {
  const patterns: Pattern[] = [];
  if (alarm.flagIds.length > 0) patterns.push(FLAG_PATTERNS[alarm.highestRisk ?? 'imminent']);
  if (alarm.feedAlarm) patterns.push(FEED_PATTERN);
  return patterns;
}

export function patternLabel(patterns: readonly Pattern[]): string | null {
  return patterns.length === 0 ? null : patterns.map((p) => p.name).join('+');
}

function wave(kind: Beep['wave'], phase: number): number {
  if (kind === 'sine') return Math.sin(2 * Math.PI * phase);
  if (kind === 'square') return phase % 1 < 0.5 ? 0.6 : -0.6; // square is louder per amplitude
  return 1 - 4 * Math.abs((phase % 1) - 0.5);
}

/** One cycle as samples, with short fades so the beeps do not click. */
export function renderPattern(pattern: Pattern, sampleRate: number): Float32Array<ArrayBuffer> {
  const samples = new Float32Array(Math.round(pattern.periodS * sampleRate));
  const fade = Math.round(0.008 * sampleRate);
  for (const beep of pattern.beeps) {
    const start = Math.round(beep.at * sampleRate);
    const length = Math.round(beep.dur * sampleRate);
    for (let i = 0; i < length && start + i < samples.length; i++) {
      const envelope = Math.min(1, i / fade, (length - i) / fade);
      samples[start + i]! += 0.8 * envelope * wave(beep.wave, (beep.freq * i) / sampleRate);
    }
  }
  return samples;
}
