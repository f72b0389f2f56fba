import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain';
import { registryUnit } from '../registry/registry-in-force';
import type { Language } from '../../window-state/session/initial-state';

/** A unit's name in the desk's language, as the registry in force names it (its id when unknown). */
export function unitName(unitKey: string, language: Language): string {
  return registryUnit(unitKey)?.[language] ?? unitKey;
}

/**
 * What the command centre sees of a district control room on a flag, on the desk and the wall:
 * "received by NAME" (or confirmed by telephone), and a hand-back waiting for the supervisor.
 */
export function UnitTag({ item, language }: { item: QueueItem; language: Language }) {
  const { t } = useTranslation();
  const progress = item.dispatch?.progress;
  if (item.handBack)
    return (
      <span className="tag tag--handed-back" data-testid="unit-handed-back">
        {t('unitDesk.handedBack', { unit: unitName(item.handBack.unitKey, language) })}
      </span>
    );
  if (progress?.receivedBy)
    return (
      <span className="tag tag--received" data-testid="unit-received" data-via={progress.via ?? ''}>
        {progress.via === 'telephone'
          ? t('unitDesk.receivedByPhone', { name: progress.receivedBy })
          : t('unitDesk.receivedBy', { name: progress.receivedBy })}
      </span>
    );
  return null;
}
