import type { TFunction } from 'i18next';
import type { SoundCheck, SoundVerification } from '../../../shared/sound-check';
import { formatIstClock } from '../../ui/format/ist';
import type { SoundStatus } from '../../window-state/alarm/initial-state';
import type { Language } from '../../window-state/session/initial-state';
import type { Severity } from '../../window-state/feed/selectors';

/** The i18n key of the speakers' state, shown on the desk header and the wall's health strip. */
export const SOUND_WORD: Readonly<Record<SoundStatus, string>> = {
  starting: 'alarm.soundStarting',
  on: 'alarm.soundOn',
  blocked: 'alarm.soundBlocked',
  unknown: 'alarm.soundUnknown',
  no_output: 'alarm.soundNoOutput',
  unavailable: 'alarm.soundUnavailable',
};

/**
 * Red when the room cannot hear its alarm, amber when the browser holds the sound back (a click
 * fixes it), grey otherwise. 'unknown' (the browser will not say whether an output exists) is grey:
 * it held all day on most machines and taught people to ignore amber; what proves sound is a test
 * somebody heard (soundCheckWord), and a test nobody heard is red.
 */
export function soundSeverity(sound: SoundStatus): Severity {
  if (sound === 'on' || sound === 'unknown') return 'normal';
  return sound === 'no_output' || sound === 'unavailable' ? 'alarm' : 'warning';
}

export interface OwnSoundCheck {
  verification: SoundVerification;
  check: SoundCheck | null;
}

/**
 * The desk's sound word with its test answer: a failure the browser reports wins (it is news
 * since the test); then "not heard" (red), "checked 02:14 by NAME" (grey), "not checked yet"
 * (grey). Null: say the browser's word as before.
 */
export function soundCheckWord(
  t: TFunction,
  sound: SoundStatus,
  own: OwnSoundCheck | undefined,
  language: Language,
): { text: string; severity: Severity } | null {
  if (!own || soundSeverity(sound) !== 'normal') return null;
  const at = own.check && { time: formatIstClock(own.check.atMs, language), name: own.check.by };
  if (own.verification === 'not_heard' && at)
    return { text: t('soundCheck.notHeardState', at), severity: 'alarm' };
  if (own.verification === 'verified' && at) return { text: t('soundCheck.checked', at), severity: 'normal' };
  return sound === 'unknown' ? { text: t('soundCheck.unchecked'), severity: 'normal' } : null;
}
