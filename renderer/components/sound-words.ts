import type { SoundStatus } from '../state/alarm/initial-state';
import type { Severity } from '../state/feed/selectors';

/** The i18n key of the speakers' state, shown on the desk header and the wall's health strip. */
export const SOUND_WORD: Readonly<Record<SoundStatus, string>> = {
  starting: 'alarm.soundStarting',
  on: 'alarm.soundOn',
  blocked: 'alarm.soundBlocked',
  unknown: 'alarm.soundUnknown',
  no_output: 'alarm.soundNoOutput',
  unavailable: 'alarm.soundUnavailable',
};

/** Grey only when the speakers are known to work; a room that cannot hear its alarm must see that. */
export function soundSeverity(sound: SoundStatus): Severity {
  if (sound === 'on') return 'normal';
  return sound === 'no_output' || sound === 'unavailable' ? 'alarm' : 'warning';
}
