// Loads one sound file into an AudioBuffer. If the file cannot be fetched or decoded (a page
// loaded from file://, where fetch is refused; a broken install), the same tone is rendered from
// the pattern data the file was generated from: the alarm must sound either way.
import { SOUND_SAMPLE_RATE, SOUNDS, type SoundName } from './alarm-patterns';
import { renderPattern } from './render-pattern';

export type BufferOrigin = 'file' | 'generated';

export interface LoadedSound {
  buffer: AudioBuffer;
  origin: BufferOrigin;
}

export type SoundLoader = (ctx: BaseAudioContext, name: SoundName) => Promise<LoadedSound>;

export function generatedSound(ctx: BaseAudioContext, name: SoundName): LoadedSound {
  const samples = renderPattern(SOUNDS[name], SOUND_SAMPLE_RATE);
  const buffer = ctx.createBuffer(1, samples.length, SOUND_SAMPLE_RATE);
  buffer.copyToChannel(samples, 0);
  return { buffer, origin: 'generated' };
}

export function fileSoundLoader(urls: Readonly<Record<SoundName, string>>): SoundLoader {
  return async (ctx, name) => {
    try {
      const response = await fetch(urls[name]);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { buffer: await ctx.decodeAudioData(await response.arrayBuffer()), origin: 'file' };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      console.warn(`[lifeline] sound file ${name}.wav not loaded (${why}); using the built-in tone`);
      return generatedSound(ctx, name);
    }
  };
}
