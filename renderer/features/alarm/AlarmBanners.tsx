import { useTranslation } from 'react-i18next';
import type { AlarmState } from '../../../shared/domain';
import { formatMinutes } from '../../ui/format/elapsed';

interface Props {
  flood: AlarmState['flood'];
  tooQuiet: AlarmState['tooQuiet'];
  nowMs: number;
}

/** The room-level alarm conditions that are not one flag: shown the same on the desk and the wall. */
export function AlarmBanners({ flood, tooQuiet, nowMs }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {flood.active && (
        <div className="banner banner--flood sev--alarm" role="alert" data-testid="flood-banner">
          {t('banner.flood', { count: flood.arrivalsLast10Min })}
        </div>
      )}
      {tooQuiet.active && (
        <div className="banner banner--quiet sev--warning" role="status" data-testid="too-quiet-banner">
          {tooQuiet.lastArrivalMs === null
            ? t('banner.tooQuietAtLeast', { quiet: formatMinutes(t, tooQuiet.thresholdMs) })
            : t('banner.tooQuiet', { quiet: formatMinutes(t, nowMs - tooQuiet.lastArrivalMs) })}
        </div>
      )}
    </>
  );
}
