import { useTranslation } from 'react-i18next';
import type { ShiftClock as Clock } from '../../../shared/shifts/schedule';
import { formatElapsed } from '../../format/elapsed';
import { ShiftClock } from '../ShiftClock';

interface Props {
  open: number;
  unacknowledged: number;
  /** How long the longest-waiting unacknowledged flag has waited, or null when none waits. */
  oldestUnackMs: number | null;
  shift: Clock | null;
}

/** The wall's top line: the three numbers a supervisor reads from across the room, and the shift. */
export function WallCounters({ open, unacknowledged, oldestUnackMs, shift }: Props) {
  const { t } = useTranslation();
  return (
    <header className="wall-top">
      <h1 className="wall-name">{t('app.name')}</h1>
      <div className="wall-counter" data-testid="wall-open">
        <span className="wall-counter-label">{t('wall.open')}</span>
        <span className="wall-counter-value">{open}</span>
      </div>
      <div className={`wall-counter${unacknowledged > 0 ? ' sev--alarm' : ''}`} data-testid="wall-unack">
        <span className="wall-counter-label">{t('wall.unack')}</span>
        <span className="wall-counter-value">{unacknowledged}</span>
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
