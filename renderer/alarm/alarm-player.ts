// The audible alarm, with Web Audio only (no sound files). Output goes through an AnalyserNode so
// that lifelineAudioProbe can measure what is really leaving the page, not what we meant to play.
import type { AlarmState } from '../../shared/domain';
import type { SoundStatus } from '../state/alarm/initial-state';
import { activePatterns, patternLabel, renderPattern, type Pattern } from './alarm-patterns';

export interface AudioProbe {
  contextState: string;
  /** A pattern is looping on a running context. */
  sounding: boolean;
  pattern: string | null;
  /** RMS of the output at the moment of the call (0 between beeps). */
  rms: number;
  /** Highest RMS sampled over the last 5 s while sounding, so a probe between beeps still proves sound. */
  peakRms: number;
}

export interface PlayerStatus {
  sound: SoundStatus;
  sounding: boolean;
}

const PEAK_WINDOW_MS = 5000;

export class AlarmPlayer {
  private readonly ctx: AudioContext | null;
  private readonly analyser: AnalyserNode | null = null;
  private readonly output: GainNode | null = null;
  private readonly sources = new Map<string, AudioBufferSourceNode>();
  private readonly buffers = new Map<string, AudioBuffer>();
  private readonly listeners = new Set<(status: PlayerStatus) => void>();
  private readonly samples = new Float32Array(4096);
  private peaks: { at: number; rms: number }[] = [];
  private sampler: ReturnType<typeof setInterval> | null = null;
  private patterns: Pattern[] = [];

  constructor(createContext: () => AudioContext | null = defaultContext) {
    this.ctx = createContext();
    if (!this.ctx) return;
    this.output = this.ctx.createGain();
    this.output.gain.value = 0.5;
    this.analyser = this.ctx.createAnalyser();
    this.analyser.fftSize = this.samples.length;
    this.output.connect(this.analyser).connect(this.ctx.destination);
    this.ctx.onstatechange = () => this.changed();
  }

  /** Starts, switches or stops the looping patterns to match what main says is waiting. */
  update(alarm: AlarmState): void {
    const next = activePatterns(alarm);
    if (patternLabel(next) === patternLabel(this.patterns)) return;
    this.patterns = next;
    const wanted = new Set(next.map((p) => p.name));
    for (const [name, source] of this.sources) {
      if (wanted.has(name)) continue;
      source.stop();
      source.disconnect();
      this.sources.delete(name);
    }
    for (const pattern of next) if (!this.sources.has(pattern.name)) this.start(pattern);
    this.changed();
  }

  async resume(): Promise<void> {
    if (this.ctx && this.ctx.state === 'suspended') await this.ctx.resume();
  }

  status(): PlayerStatus {
    const state = this.ctx?.state;
    const sound: SoundStatus = state === 'running' ? 'on' : state === 'suspended' ? 'blocked' : 'unavailable';
    return { sound, sounding: sound === 'on' && this.patterns.length > 0 };
  }

  onChange(listener: (status: PlayerStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status());
    return () => this.listeners.delete(listener);
  }

  probe(): AudioProbe {
    const now = Date.now();
    return {
      contextState: this.ctx?.state ?? 'unavailable',
      sounding: this.status().sounding,
      pattern: patternLabel(this.patterns),
      rms: this.measure(),
      peakRms: Math.max(0, ...this.peaks.filter((p) => now - p.at <= PEAK_WINDOW_MS).map((p) => p.rms)),
    };
  }

  dispose(): void {
    this.update({ flagIds: [], highestRisk: null, feedAlarm: false });
    this.listeners.clear();
    void this.ctx?.close();
  }

  private start(pattern: Pattern): void {
    if (!this.ctx || !this.output) return;
    const source = this.ctx.createBufferSource();
    source.buffer = this.bufferFor(pattern);
    source.loop = true;
    source.connect(this.output);
    source.start();
    this.sources.set(pattern.name, source);
  }

  private bufferFor(pattern: Pattern): AudioBuffer {
    let buffer = this.buffers.get(pattern.name);
    if (!buffer) {
      const ctx = this.ctx!;
      const samples = renderPattern(pattern, ctx.sampleRate);
      buffer = ctx.createBuffer(1, samples.length, ctx.sampleRate);
      buffer.copyToChannel(samples, 0);
      this.buffers.set(pattern.name, buffer);
    }
    return buffer;
  }

  private measure(): number {
    if (!this.analyser) return 0;
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const x of this.samples) sum += x * x;
    return Math.sqrt(sum / this.samples.length);
  }

  private changed(): void {
    const status = this.status();
    // Sample only while sounding: the peak window is evidence for tests, not a cost at rest.
    if (status.sounding && !this.sampler) {
      this.sampler = setInterval(() => this.samplePeak(), 50);
    } else if (!status.sounding && this.sampler) {
      clearInterval(this.sampler);
      this.sampler = null;
      this.peaks = [];
    }
    for (const listener of this.listeners) listener(status);
  }

  private samplePeak(): void {
    const now = Date.now();
    this.peaks = this.peaks.filter((p) => now - p.at <= PEAK_WINDOW_MS);
    this.peaks.push({ at: now, rms: this.measure() });
  }
}

function defaultContext(): AudioContext | null {
  try {
    return typeof AudioContext === 'undefined' ? null : new AudioContext({ latencyHint: 'interactive' });
  } catch {
    return null;
  }
}
