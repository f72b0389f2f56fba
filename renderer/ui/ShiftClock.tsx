import { useTranslation } from 'react-i18next';
import type { ShiftClock as Clock } from '../../shared/shifts/schedule';
import { formatMinutes } from './format/elapsed';
import { countdownMs, shiftName } from './format/shift-clock';

interface Props {
  clock: Clock | null;
  variant: 'desk' | 'wall';
  testId: string;
}

/** Which shift is on and how long to the handover: grey, and amber from 30 min before the change. */
export function ShiftClock({ clock, variant, testId }: Props) {
  const { t } = useTranslation();
  const warning = clock?.handoverWarning ?? false;
  const classes = [`shift-clock shift-clock--${variant}`];
  if (variant === 'wall') classes.push('wall-shift-slot');
  if (warning) classes.push('sev--warning');
  return (
    <div
      className={classes.join(' ')}
      data-testid={testId}
      data-warning={warning ? 'true' : 'false'}
      data-shift={clock?.current.id ?? ''}
      role="timer"
      aria-label={t('shift.label')}
    >
      {clock === null ? (
        <span className="shift-name">{t('shift.unknown')}</span>
      ) : (
        <>
          <span className="shift-head">
            <span className="shift-name">{shiftName(t, clock.current.key)}</span>
            {warning && <strong className="shift-soon">{t('shift.handoverSoon')}</strong>}
          </span>
          <span className="shift-countdown">
            {t('shift.handoverIn', { time: formatMinutes(t, countdownMs(clock.msToHandover)) })}
          </span>
        </>
      )}
    </div>
  );
}
