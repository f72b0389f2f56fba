import type { SoundStatus } from '../../window-state/alarm/initial-state';

export type TestOutcome = 'played' | 'no_output' | 'blocked';

/** What the test alarm proved about the speakers (recorded by main in the alarm log). */
export function testOutcome(sound: SoundStatus): TestOutcome {
  if (sound === 'blocked' || sound === 'starting') return 'blocked';
  if (sound === 'no_output' || sound === 'unavailable') return 'no_output';
  return 'played';
}
