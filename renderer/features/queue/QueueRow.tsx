import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { awaitsAcknowledgement } from '../../../shared/acknowledgement';
import type { QueueItem } from '../../../shared/domain';
import { districtByKey } from '../../../shared/geo/district-names';
import type { Language } from '../../window-state/session/initial-state';
import { Elapsed } from '../../ui/Elapsed';
import { RiskBadge } from '../../ui/RiskBadge';
import { StateTag } from '../../ui/StateTag';
import { HeldTag } from '../room/HoldBar';

interface Props {
  item: QueueItem;
  selected: boolean;
  /** Unacknowledged past its risk's escalation time (main decides). */
  escalated: boolean;
  nowMs: number;
  language: Language;
  style: CSSProperties;
  onSelect(id: string): void;
  onOpen(id: string): void;
}

export const rowElementId = (id: string) => `queue-row-${id}`;

export function districtLabel(key: string | null, language: Language, unknown: string): string {
  const district = districtByKey(key);
  return district ? district[language] : unknown;
}

export function QueueRow({ item, selected, escalated, nowMs, language, style, onSelect, onOpen }: Props) {
  const { t } = useTranslation();
  const classes = ['queue-row', awaitsAcknowledgement(item) ? 'queue-row--new' : 'queue-row--calm'];
  if (selected) classes.push('queue-row--selected');
  if (escalated) classes.push('queue-row--escalated');
  if (item.status === 'withdrawn') classes.push('queue-row--withdrawn');
  return (
    <div
      id={rowElementId(item.id)}
      role="option"
      aria-selected={selected}
      className={classes.join(' ')}
      style={style}
      data-testid="queue-row"
      data-flag-id={item.id}
      data-state={item.state}
      data-risk={item.risk}
      data-status={item.status}
      data-escalated={escalated ? 'true' : 'false'}
      data-raised={item.riskRaisePending ? 'true' : 'false'}
      onClick={() => onSelect(item.id)}
      onDoubleClick={() => onOpen(item.id)}
    >
      <RiskBadge risk={item.risk} />
      <span className="row-case">{item.caseNo}</span>
      <span className="row-tags">
        {escalated && <span className="tag tag--escalated">{t('queue.escalated')}</span>}
        {item.riskRaisePending && <span className="tag tag--raised">{t('queue.riskRaised')}</span>}
        {item.status === 'withdrawn' && <span className="tag tag--withdrawn">{t('queue.withdrawn')}</span>}
        <StateTag item={item} />
        <HeldTag item={item} />
      </span>
      <span className="row-where">
        <span className={item.districtKey ? undefined : 'unknown-district'}>
          {districtLabel(item.districtKey, language, t('queue.unknownDistrict'))}
        </span>
        {' · '}
        {item.platform ?? t('queue.noPlatform')}
      </span>
      <span className="row-since">
        <Elapsed ms={nowMs - item.flaggedAtMs} />
      </span>
    </div>
  );
}
