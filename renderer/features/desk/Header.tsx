import { useTranslation } from 'react-i18next';
import type { FeedHealth } from '../../../shared/domain';
import type { ShiftClock as Clock } from '../../../shared/shifts/schedule';
import type { ConnectionState } from '../../api/connection';
import type { SoundStatus } from '../../window-state/alarm/initial-state';
import type { OwnSoundCheck } from '../alarm/sound-words';
import type { Severity } from '../../window-state/feed/selectors';
import type { Language } from '../../window-state/session/initial-state';
import { AlarmStatus } from '../alarm/AlarmStatus';
import { ConnectionBadge } from './ConnectionBadge';
import { FeedHealthStrip } from '../feed/FeedHealthStrip';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { UserBadge } from '../accounts/UserBadge';
import type { SessionUser } from '../../../shared/accounts';
import { ShiftClock } from '../../ui/ShiftClock';

export interface HeaderProps {
  nowMs: number;
  feed: { health: FeedHealth | null; severity: Severity; connection: ConnectionState };
  alarm: {
    flagCount: number;
    unconfirmedCount: number;
    feedAlarm: boolean;
    sound: SoundStatus;
    sounding: boolean;
    /** This desk's last "did you hear the test?" answer, judged by shared/sound-check.ts. */
    soundCheck?: OwnSoundCheck;
  };
  user: SessionUser | null;
  language: Language;
  shift: Clock | null;
  quarantine: { unseen: boolean; onOpen(): void };
  onHandover(): void;
  onEnableSound(): void;
  onLanguage(language: Language): void;
  onLogoff(): void;
  /** Administrators only: the police units' control-room numbers. */
  onUnits: (() => void) | null;
  /** Supervisors, auditors and administrators: the reports. */
  onReports: (() => void) | null;
}

export function Header({
  nowMs,
  feed,
  alarm,
  user,
  language,
  shift,
  quarantine,
  onHandover,
  onEnableSound,
  onLanguage,
  onLogoff,
  onUnits,
  onReports,
}: HeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="desk-header">
      <div className="header-bar">
        <h1 className="app-name">{t('app.name')}</h1>
        <AlarmStatus {...alarm} language={language} onEnableSound={onEnableSound} />
        <ConnectionBadge state={feed.connection} />
        <ShiftClock clock={shift} variant="desk" testId="shift-clock" />
        <button type="button" className="handover-open" data-testid="handover-open" onClick={onHandover}>
          {t('handover.ui.open')}
        </button>
        {onReports && (
          <button type="button" onClick={onReports} data-testid="reports-open">
            {t('reports.open')}
          </button>
        )}
        {onUnits && (
          <button type="button" onClick={onUnits} data-testid="units-open">
            {t('units.title')}
          </button>
        )}
        <div className="header-spacer" />
        {user && <UserBadge user={user} onLogoff={onLogoff} />}
        <LanguageSwitch language={language} onChange={onLanguage} />
      </div>
      <FeedHealthStrip
        health={feed.health}
        connection={feed.connection}
        severity={feed.severity}
        nowMs={nowMs}
        quarantineUnseen={quarantine.unseen}
        onQuarantine={quarantine.onOpen}
      />
    </header>
  );
}
