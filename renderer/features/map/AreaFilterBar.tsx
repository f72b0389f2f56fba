import { useTranslation } from 'react-i18next';
import { districtByKey } from '../../../shared/geo/district-names';
import { KOTA_CITY_UNIT } from '../../../shared/routing/police-units';
import { UNPLACED, type AreaKey } from '../../window-state/queue/areas';
import type { Language } from '../../window-state/session/initial-state';

/** Says which map area the queue is narrowed to, and undoes it; nothing when it shows all. */
export function AreaFilterBar({
  area,
  language,
  onClear,
}: {
  area: AreaKey | null;
  language: Language;
  onClear(): void;
}) {
  const { t } = useTranslation();
  if (area === null) return null;
  const name =
    area === KOTA_CITY_UNIT
      ? t('map.kotaCity')
      : area === UNPLACED
        ? t('map.unplaced')
        : (districtByKey(area)?.[language] ?? area);
  return (
    <div className="area-filter" role="status" data-testid="area-filter" data-area={area}>
      <span>{t('map.showing', { name })}</span>
      <button type="button" onClick={onClear} data-testid="area-filter-clear">
        {t('map.showAll')}
      </button>
    </div>
  );
}
