import { useTranslation } from 'react-i18next';
import type { SoundStatus } from '../../window-state/alarm/initial-state';
import type { Language } from '../../window-state/session/initial-state';
import { SOUND_WORD, soundCheckWord, soundSeverity, type OwnSoundCheck } from './sound-words';

interface Props {
  flagCount: number;
  /** Dispatches the unit has not confirmed in time: they sound too. */
  unconfirmedCount: number;
  feedAlarm: boolean;
  sound: SoundStatus;
  sounding: boolean;
  soundCheck?: OwnSoundCheck;
  language: Language;
  onEnableSound(): void;
}

export function AlarmStatus({
  flagCount,
  unconfirmedCount,
  feedAlarm,
  sound,
  sounding,
  soundCheck,
  language,
  onEnableSound,
}: Props) {
  const { t } = useTranslation();
  const active = flagCount > 0 || unconfirmedCount > 0 || feedAlarm;
  const checked = soundCheckWord(t, sound, soundCheck, language);
  const severity = checked?.severity ?? soundSeverity(sound);
  return (
    <div
      className={`alarm-status${active ? ' sev--alarm' : ''}`}
      data-testid="alarm-status"
      data-sounding={sounding ? 'true' : 'false'}
      data-sound={sound}
      role="status"
      aria-live="assertive"
    >
      <span className="alarm-words">
        {flagCount > 0 && <strong>{t('alarm.flags', { count: flagCount })}</strong>}
        {unconfirmedCount > 0 && (
          <strong data-testid="alarm-unconfirmed">
            {t('alarm.unconfirmed', { count: unconfirmedCount })}
          </strong>
        )}
        {feedAlarm && <strong>{t('alarm.feed')}</strong>}
        {!active && t('alarm.quiet')}
      </span>
      <span
        className={`sound-word${severity === 'normal' ? '' : ` sev--${severity}`}`}
        data-testid="sound-status"
        data-sound={sound}
        data-verification={soundCheck?.verification}
      >
        {checked?.text ?? t(SOUND_WORD[sound])}
      </span>
      {(sound === 'blocked' || sound === 'starting') && (
        <button type="button" className="enable-sound" data-testid="enable-sound" onClick={onEnableSound}>
          {t('alarm.enable')}
        </button>
      )}
    </div>
  );
}
