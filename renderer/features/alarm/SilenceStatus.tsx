import { useTranslation } from 'react-i18next';
import type { AlarmState } from '../../../shared/domain';
import { formatElapsed } from '../../ui/format/elapsed';

interface Props {
  silence: NonNullable<AlarmState['silence']>;
  nowMs: number;
  /** An unacknowledged imminent flag sounds through any silence. */
  imminentSounds: boolean;
  canCancel: boolean;
  pending: boolean;
  onCancel(): void;
}

/** A silenced alarm is abnormal: amber, with who, why and how long, until it ends. */
export function SilenceStatus({ silence, nowMs, imminentSounds, canCancel, pending, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="silence-status sev--warning" role="status" data-testid="silence-status">
      <strong>
        {t('silence.status', { by: silence.by, left: formatElapsed(t, silence.untilMs - nowMs) })}
      </strong>
      <span className="silence-why">{t('silence.reasonShown', { reason: silence.reason })}</span>
      {imminentSounds && <strong>{t('silence.imminentStillSounds')}</strong>}
      <button type="button" data-testid="silence-cancel" disabled={!canCancel || pending} onClick={onCancel}>
        {t('silence.cancel')}
      </button>
    </div>
  );
}
