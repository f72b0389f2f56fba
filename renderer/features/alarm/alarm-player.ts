// The audible alarm: the generated sound files, each one loop cycle, looping on the audio thread
// (AudioBufferSourceNode.loop), so no JavaScript timer has to fire for the alarm to keep sounding.
// Output goes through an AnalyserNode so lifelineAudioProbe measures what really leaves the page.
import type { ContextStatus } from '../../window-state/alarm/initial-state';
import { SOUND_NAMES, soundLabel, type SoundName } from './alarm-patterns';
import { generatedSound, type BufferOrigin, type SoundLoader } from './sound-loader';

export interface AudioProbe {
  contextState: string;
  /** A tone is looping on a running context. */
  sounding: boolean;
  /** 'imminent', 'imminent-escalated', 'flood', 'feed', 'high+feed', … or null. */
  pattern: string | null;
  /** RMS of the output at the moment of the call (0 between beeps). */
  rms: number;
  /** Highest RMS sampled over the last 5 s while sounding, so a probe between beeps still proves sound. */
  peakRms: number;
  /** Where each loaded tone came from: the sound file, or rendered in memory because the file failed. */
  origins: Partial<Record<SoundName, BufferOrigin>>;
}

export interface PlayerStatus {
  context: ContextStatus;
  sounding: boolean;
}

const PEAK_WINDOW_MS = 5000;

export class AlarmPlayer {
  private readonly ctx: AudioContext | null;
  private readonly analyser: AnalyserNode | null = null;
  private readonly output: GainNode | null = null;
  private readonly sources = new Map<SoundName, AudioBufferSourceNode>();
  private readonly buffers = new Map<SoundName, AudioBuffer>();
  private readonly origins: Partial<Record<SoundName, BufferOrigin>> = {};
  private readonly loading = new Map<SoundName, Promise<void>>();
  private readonly listeners = new Set<(status: PlayerStatus) => void>();
  private readonly samples = new Float32Array(4096);
  private peaks: { at: number; rms: number }[] = [];
  private sampler: ReturnType<typeof setInterval> | null = null;
  private live: readonly SoundName[] = [];
  /** While the test alarm runs, the one tone it is playing (instead of the live alarm). */
  private testing: SoundName | null = null;
  /** The audio device failed under the context (its 'error' event): nothing it plays is heard. */
  private failed = false;

  constructor(
    private readonly loader: SoundLoader,
    createContext: () => AudioContext | null = defaultContext,
  ) {
    this.ctx = createContext();
    if (!this.ctx) return;
    this.output = this.ctx.createGain();
    this.output.gain.value = 0.6;
    this.analyser = this.ctx.createAnalyser();
    this.analyser.fftSize = this.samples.length;
    this.output.connect(this.analyser).connect(this.ctx.destination);
    this.ctx.onstatechange = () => this.changed();
    // Chromium fires 'error' on the context when its output device fails or disappears mid-play.
    this.ctx.addEventListener?.('error', () => {
      this.failed = true;
      this.changed();
    });
    // Load every tone now, so the first alarm does not wait for a file.
    for (const name of SOUND_NAMES) void this.load(name);
  }

  /** Plays exactly these tones (main's AlarmSound, see soundNames), looping until told otherwise. */
  update(names: readonly SoundName[]): void {
    if (soundLabel(names) === soundLabel(this.live)) return;
    this.live = [...names];
    this.reconcile();
  }

  /** Plays each tone for stepMs in turn through the same path as the alarm, then goes back to it. */
  async playTest(sequence: readonly SoundName[], stepMs: number): Promise<void> {
    await Promise.all(sequence.map((name) => this.load(name)));
    try {
      for (const name of sequence) {
        this.testing = name;
        this.reconcile();
        await new Promise((resolve) => setTimeout(resolve, stepMs));
      }
    } finally {
      this.testing = null;
      this.reconcile();
    }
  }

  async resume(): Promise<void> {
    if (this.ctx && this.ctx.state !== 'running' && this.ctx.state !== 'closed') await this.ctx.resume();
  }

  status(): PlayerStatus {
    const state: string | undefined = this.ctx?.state;
    // 'interrupted' (the system took the audio session, e.g. a call) is not fixed by a click: unavailable.
    const context: ContextStatus = this.failed
      ? 'unavailable'
      : state === 'running'
        ? 'running'
        : state === undefined || state === 'closed' || state === 'interrupted'
          ? 'unavailable'
          : 'suspended';
    return { context, sounding: context === 'running' && this.sources.size > 0 };
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
      pattern: soundLabel([...this.sources.keys()]),
      rms: this.measure(),
      peakRms: Math.max(0, ...this.peaks.filter((p) => now - p.at <= PEAK_WINDOW_MS).map((p) => p.rms)),
      origins: { ...this.origins },
    };
  }

  dispose(): void {
    this.update([]);
    this.listeners.clear();
    void this.ctx?.close();
  }

  private wanted(): readonly SoundName[] {
    return this.testing ? [this.testing] : this.live;
  }

  /** Stops what is no longer wanted and starts what is wanted and loaded (the rest once it loads). */
  private reconcile(): void {
    const wanted = this.wanted();
    for (const [name, source] of this.sources) {
      if (wanted.includes(name)) continue;
      source.stop();
      source.disconnect();
      this.sources.delete(name);
    }
    for (const name of this.ctx ? wanted : []) {
      if (this.sources.has(name)) continue;
      const buffer = this.buffers.get(name);
      if (buffer) this.start(name, buffer);
      else void this.load(name).then(() => this.reconcile());
    }
    this.changed();
  }

  private load(name: SoundName): Promise<void> {
    if (!this.ctx) return Promise.resolve();
    let pending = this.loading.get(name);
    if (!pending) {
      const ctx = this.ctx;
      pending = this.loader(ctx, name)
        .catch(() => generatedSound(ctx, name))
        .then(({ buffer, origin }) => {
          this.buffers.set(name, buffer);
          this.origins[name] = origin;
        });
      this.loading.set(name, pending);
    }
    return pending;
  }

  private start(name: SoundName, buffer: AudioBuffer): void {
    if (!this.ctx || !this.output) return;
    const source = this.ctx.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    source.connect(this.output);
    source.start();
    this.sources.set(name, source);
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
