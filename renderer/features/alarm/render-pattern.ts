// Renders one cycle of a pattern into samples. Deterministic (same numbers in, same samples out), so
// the committed WAV files can be checked against it byte for byte.
import type { Beep, Pattern } from './alarm-patterns';

const FADE_S = 0.008;

/**
 * A square wave built from its odd harmonics below the Nyquist limit: a naive square at 22 kHz
 * folds its upper harmonics back into audible hiss. The partial sums peak a little under 1.
 */
function square(phase: number, freq: number, sampleRate: number): number {
  let sum = 0;
  for (let k = 1; k * freq < sampleRate * 0.45; k += 2) sum += Math.sin(2 * Math.PI * k * phase) / k;
  return sum;
}

function sample(beep: Beep, phase: number, sampleRate: number): number {
  if (beep.wave === 'sine') return Math.sin(2 * Math.PI * phase);
  if (beep.wave === 'square') return square(phase, Math.max(beep.freq, beep.freqEnd ?? 0), sampleRate);
  const p = phase - Math.floor(phase);
  return 1 - 4 * Math.abs(p - 0.5);
}

function frequencyAt(beep: Beep, t: number): number {
  const glide =
    beep.freqEnd === undefined ? beep.freq : beep.freq + ((beep.freqEnd - beep.freq) * t) / beep.dur;
  const wobble = beep.vibratoHz
    ? 1 + (beep.vibratoDepth ?? 0) * Math.sin(2 * Math.PI * beep.vibratoHz * t)
    : 1;
  return glide * wobble;
}

/** One cycle as samples in [-1, 1], with short fades so the beeps do not click. */
export function renderPattern(pattern: Pattern, sampleRate: number): Float32Array<ArrayBuffer> {
  const samples = new Float32Array(Math.round(pattern.periodS * sampleRate));
  const fade = Math.round(FADE_S * sampleRate);
  for (const beep of pattern.beeps) {
    const start = Math.round(beep.at * sampleRate);
    const length = Math.round(beep.dur * sampleRate);
    let phase = 0;
    for (let i = 0; i < length && start + i < samples.length; i++) {
      const envelope = Math.min(1, i / fade, (length - i) / fade);
      samples[start + i]! += pattern.gain * envelope * sample(beep, phase, sampleRate);
      phase += frequencyAt(beep, i / sampleRate) / sampleRate;
    }
  }
  return samples;
}
