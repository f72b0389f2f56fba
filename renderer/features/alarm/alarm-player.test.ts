// The player says the sound is unavailable when the audio device fails under it ('error' event)
// or the system interrupts the context: the page then reports audio 'lost' to the room.
import { describe, expect, it } from 'vitest';
import { AlarmPlayer } from './alarm-player';

function fakeContext(state: string) {
  const listeners: Record<string, () => void> = {};
  const node = () => ({ connect: (n: unknown) => n, gain: { value: 1 }, fftSize: 0 });
  const ctx = {
    state,
    destination: {},
    onstatechange: null as null | (() => void),
    createGain: node,
    createAnalyser: node,
    addEventListener: (name: string, fn: () => void) => (listeners[name] = fn),
    close: async () => {},
  };
  return { ctx, fire: (name: string) => listeners[name]!() };
}

const neverLoads = () => new Promise<never>(() => {});

describe('AlarmPlayer status', () => {
  it('is unavailable once the context reports a device error', () => {
    const { ctx, fire } = fakeContext('running');
    const player = new AlarmPlayer(neverLoads, () => ctx as unknown as AudioContext);
    const seen: string[] = [];
    player.onChange((status) => seen.push(status.context));
    expect(player.status().context).toBe('running');
    fire('error');
    expect(player.status().context).toBe('unavailable');
    expect(seen.at(-1)).toBe('unavailable');
  });

  it("counts an 'interrupted' context as unavailable (a click does not bring it back), 'suspended' as blocked", () => {
    expect(
      new AlarmPlayer(neverLoads, () => fakeContext('interrupted').ctx as unknown as AudioContext).status()
        .context,
    ).toBe('unavailable');
    expect(
      new AlarmPlayer(neverLoads, () => fakeContext('suspended').ctx as unknown as AudioContext).status()
        .context,
    ).toBe('suspended');
  });
});
