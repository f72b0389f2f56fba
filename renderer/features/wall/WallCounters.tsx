import { useTranslation } from 'react-i18next';
import type { ShiftClock as Clock } from '../../../shared/shifts/schedule';
import { formatElapsed } from '../../ui/format/elapsed';
import { ShiftClock } from '../../ui/ShiftClock';

interface Props {
  open: number;
  unacknowledged: number;
  /** How long the longest-waiting unacknowledged flag has waited, or null when none waits. */
  oldestUnackMs: number | null;
  shift: Clock | null;
  /** False while the feed is lost: the numbers are then only what was known, and say so. */
  live: boolean;
}

/** The wall's top line: the three numbers a supervisor reads from across the room, and the shift. */
export function WallCounters({ open, unacknowledged, oldestUnackMs, shift, live }: Props) {
  const { t } = useTranslation();
  const notLive = live ? null : (
    <span className="wall-counter-not-live" data-testid="wall-not-live">
      {t('feedLoss.notLive')}
    </span>
  );
  return (
    <header className="wall-top">
      <h1 className="wall-name">{t('app.name')}</h1>
      <div className={`wall-counter${live ? '' : ' wall-counter--not-live'}`} data-testid="wall-open">
        <span className="wall-counter-label">{t('wall.open')}</span>
        <span className="wall-counter-value">{open}</span>
        {notLive}
      </div>
      <div
        className={`wall-counter${unacknowledged > 0 ? ' sev--alarm' : ''}${live ? '' : ' wall-counter--not-live'}`}
        data-testid="wall-unack"
      >
        <span className="wall-counter-label">{t('wall.unack')}</span>
        <span className="wall-counter-value">{unacknowledged}</span>
        {notLive}
      </div>
      <div
        className={`wall-counter${oldestUnackMs !== null ? ' sev--alarm' : ''}`}
        data-testid="wall-oldest-unack"
      >
        <span className="wall-counter-label">{t('wall.oldestUnack')}</span>
        <span className="wall-counter-value">
          {oldestUnackMs === null ? t('wall.none') : formatElapsed(t, oldestUnackMs)}
        </span>
      </div>
      <ShiftClock clock={shift} variant="wall" testId="wall-shift-slot" />
    </header>
  );
}
