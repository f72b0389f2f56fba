import { useTranslation } from 'react-i18next';
import { awaitsAcknowledgement } from '../../../shared/acknowledgement';
import type { QueueItem } from '../../../shared/domain';
import type { Language } from '../../window-state/session/initial-state';
import { Elapsed } from '../../ui/Elapsed';
import { districtLabel } from '../queue/QueueRow';
import { RiskBadge } from '../../ui/RiskBadge';
import { StateTag } from '../../ui/StateTag';
import { HeldTag } from '../room/HoldBar';

interface Props {
  item: QueueItem;
  escalated: boolean;
  nowMs: number;
  language: Language;
}

/** One flag on the wall, in two lines; never a personal field (a QueueItem has none). */
export function WallRow({ item, escalated, nowMs, language }: Props) {
  const { t } = useTranslation();
  const waiting = awaitsAcknowledgement(item);
  const classes = ['wall-row', waiting ? 'wall-row--new' : 'wall-row--calm'];
  if (escalated) classes.push('wall-row--escalated');
  return (
    <li
      className={classes.join(' ')}
      data-fit="row"
      data-testid="wall-row"
      data-flag-id={item.id}
      data-state={item.state}
      data-risk={item.risk}
      data-escalated={escalated ? 'true' : 'false'}
    >
      <span className="wall-risk">
        <RiskBadge risk={item.risk} />
      </span>
      <span className="wall-case">{item.caseNo}</span>
      <span className={`wall-district${item.districtKey ? '' : ' unknown-district'}`}>
        {districtLabel(item.districtKey, language, t('queue.unknownDistrict'))}
      </span>
      <span className="wall-since">
        <Elapsed ms={nowMs - item.flaggedAtMs} />
      </span>
      <span className="wall-flags">
        {escalated && <span className="tag tag--escalated">{t('queue.escalated')}</span>}
        {item.riskRaisePending && <span className="tag tag--raised">{t('queue.riskRaised')}</span>}
      </span>
      <span className="wall-platform">{item.platform ?? t('queue.noPlatform')}</span>
      <span className="wall-state">
        <StateTag item={item} />
        <HeldTag item={item} wall />
        {item.status === 'withdrawn' && <span className="tag tag--withdrawn">{t('queue.withdrawn')}</span>}
        {/* A live hold says who works it now; the acknowledger's name would say it twice, differently. */}
        {item.acknowledgedBy && !item.heldBy && (
          <span className="wall-holder">{t('wall.heldBy', { name: item.acknowledgedBy })}</span>
        )}
      </span>
    </li>
  );
}
