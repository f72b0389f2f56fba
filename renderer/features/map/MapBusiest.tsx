import { useTranslation } from 'react-i18next';
import type { AreaKey } from '../../window-state/queue/areas';

interface Props {
  counts: Readonly<Record<AreaKey, number>>;
  /** The area's name in the current language. */
  nameOf(area: AreaKey): string;
  /** How many to list: a few on the desk, more on the wall. */
  limit: number;
}

/**
 * The busiest areas as a readable list beside the map (issue #16, item 12): district names drawn
 * inside the map were about 6 px on the desk and overlapped on the wall; the map now carries counts
 * only, and the names are here, in text of the page's own size.
 */
export function MapBusiest({ counts, nameOf, limit }: Props) {
  const { t } = useTranslation();
  const busiest = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit);
  if (busiest.length === 0) return null;
  return (
    <div className="map-busiest" data-testid="map-busiest">
      <h3 className="map-busiest-title">{t('mapList.title')}</h3>
      <ol>
        {busiest.map(([area, n]) => (
          <li key={area} data-area={area}>
            <span className="map-busiest-name">{nameOf(area)}</span>
            <span className="map-busiest-count">{n}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
