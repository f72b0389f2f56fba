import { describe, expect, it } from 'vitest';
import { outputsFrom } from './audio-outputs';

describe('audio output count', () => {
  it('counts audio outputs among the devices', () => {
    expect(outputsFrom([{ kind: 'audioinput' }, { kind: 'audiooutput' }, { kind: 'audiooutput' }])).toBe(2);
  });

  it('is zero when other devices are listed but no output', () => {
    expect(outputsFrom([{ kind: 'audioinput' }, { kind: 'videoinput' }])).toBe(0);
  });

  it('is unknown when the browser lists nothing at all', () => {
    expect(outputsFrom([])).toBeNull();
  });
});
