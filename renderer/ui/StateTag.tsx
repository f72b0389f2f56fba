import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../shared/domain';
import { followUpLabel } from '../../shared/follow-ups';

/** Where a flag stands, on the desk and the wall: its state, or the welfare check-in now due. */
export function StateTag({ item }: { item: Pick<QueueItem, 'state' | 'followUp'> }) {
  const { t } = useTranslation();
  if (item.followUp)
    return (
      <span className="tag tag--follow-up" data-testid="follow-up-tag">
        {t('followUp.tag', { after: followUpLabel(item.followUp.afterMs) })}
      </span>
    );
  return <span className={`tag tag--state-${item.state}`}>{t(`state.${item.state}`)}</span>;
}
