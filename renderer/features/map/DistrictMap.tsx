// Rajasthan's districts with the open flags in each: colour only where there are flags, the count
// in figures large enough for a wall, Kota City as its own ringed area. On the desk, a click (or
// Enter) on an area filters the queue to it; the wall passes no onSelect and nothing is clickable.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS } from '../../../shared/geo/districts';
import { KOTA_CITY_UNIT } from '../../../shared/routing/police-units';
import map from '../../../resources/geo/rajasthan-map.json';
import { countStep, UNPLACED, type AreaKey } from '../../window-state/queue/areas';
import { MapBusiest } from './MapBusiest';
import type { Language } from '../../window-state/session/initial-state';

interface Props {
  counts: Readonly<Record<AreaKey, number>>;
  language: Language;
  variant: 'wall' | 'desk';
  selected?: AreaKey | null;
  onSelect?(area: AreaKey): void;
}

interface Shape {
  key: string;
  cell: string;
  hq: [number, number];
}
const SHAPES = map.districts as Shape[];
const KOTA = SHAPES.find((d) => d.key === 'kota')!;
// The real 12 km city circle is a few pixels; drawn larger so it can be seen and clicked.
const KOTA_CITY_RADIUS = Math.max(map.kotaCity.radius, 34);
// Kota Rural's count sits away from the city ring, inside the Kota cell (south-east of the HQ).
const KOTA_RURAL_AT: [number, number] = [KOTA.hq[0] - 4, KOTA.hq[1] + 88];
/** The order the arrow keys walk the areas in: the unplaced box, Kota City, then the districts. */
const AREA_ORDER: readonly AreaKey[] = [UNPLACED, KOTA_CITY_UNIT, ...SHAPES.map((d) => d.key)];

export function DistrictMap({ counts, language, variant, selected = null, onSelect }: Props) {
  const { t } = useTranslation();
  const interactive = onSelect !== undefined;
  // One Tab stop for the whole map (42 districts were 42 stops before the queue): the selected area,
  // or the first; the arrow keys move between areas, Enter or Space filters.
  const tabStop = selected ?? UNPLACED;
  const focusArea = (e: KeyboardEvent, from: AreaKey, step: number) => {
    const at = AREA_ORDER.indexOf(from);
    const next = AREA_ORDER[(at + step + AREA_ORDER.length) % AREA_ORDER.length]!;
    (e.currentTarget as Element)
      .closest('svg')
      ?.querySelector<SVGElement>(`[data-focus-area="${next}"]`)
      ?.focus();
  };
  const areaProps = (area: AreaKey, name: string) => {
    const count = counts[area] ?? 0;
    const label = t('map.area', { name, count });
    // A label needs a role: on the wall each area is a picture with its count (axe: aria-prohibited-attr).
    if (!interactive) return { role: 'img', 'aria-label': label };
    return {
      role: 'button',
      tabIndex: area === tabStop ? 0 : -1,
      'data-focus-area': area,
      'aria-label': label,
      'aria-pressed': selected === area,
      onClick: () => onSelect(area),
      onKeyDown: (e: KeyboardEvent) => {
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (e.key === 'Enter' || e.key === ' ') onSelect(area);
        else if (step !== undefined) focusArea(e, area, step);
        else return;
        e.preventDefault();
      },
    };
  };
  const cls = (area: AreaKey, base: string) =>
    `${base} map-step-${countStep(counts[area] ?? 0)}${selected === area ? ' map-selected' : ''}`;
  const names = new Map(DISTRICTS.map((d) => [d.key, d[language]]));
  const kotaCityCount = counts[KOTA_CITY_UNIT] ?? 0;
  const unplacedCount = counts[UNPLACED] ?? 0;

  return (
    <figure className={`district-map district-map--${variant}`} data-testid={`district-map-${variant}`}>
      <svg viewBox={`0 0 ${map.size} ${map.size}`} role="group" aria-label={t('map.title')}>
        <defs>
          <clipPath id={`rajasthan-${variant}`}>
            <path d={map.outlinePath} />
          </clipPath>
        </defs>
        <g clipPath={`url(#rajasthan-${variant})`}>
          {SHAPES.map((d) => (
            <path
              key={d.key}
              d={d.cell}
              className={cls(d.key, 'map-cell')}
              data-area={d.key}
              data-count={counts[d.key] ?? 0}
              {...areaProps(d.key, names.get(d.key) ?? d.key)}
            />
          ))}
        </g>
        <path d={map.outlinePath} className="map-outline" />
        {SHAPES.map((d) => {
          const count = counts[d.key] ?? 0;
          const at = d.key === 'kota' ? KOTA_RURAL_AT : d.hq;
          return (
            <g
              key={d.key}
              className="map-label"
              transform={`translate(${at[0]} ${at[1]})`}
              aria-hidden="true"
            >
              {count > 0 && (
                <text className="map-count" y={-4}>
                  {count}
                </text>
              )}
            </g>
          );
        })}
        <g
          className={cls(KOTA_CITY_UNIT, 'map-kota-city')}
          data-area={KOTA_CITY_UNIT}
          data-count={kotaCityCount}
        >
          <circle
            cx={KOTA.hq[0]}
            cy={KOTA.hq[1]}
            r={KOTA_CITY_RADIUS}
            {...areaProps(KOTA_CITY_UNIT, t('map.kotaCity'))}
          />
          <text className="map-count" x={KOTA.hq[0]} y={KOTA.hq[1] + 12} aria-hidden="true">
            {kotaCityCount}
          </text>
          <text
            className="map-kota-name"
            x={KOTA.hq[0]}
            y={KOTA.hq[1] - KOTA_CITY_RADIUS - 10}
            aria-hidden="true"
          >
            {t('map.kotaCity')}
          </text>
        </g>
        <g
          className={cls(UNPLACED, 'map-unplaced')}
          data-area={UNPLACED}
          data-count={unplacedCount}
          {...areaProps(UNPLACED, t('map.unplaced'))}
        >
          <rect x={20} y={20} width={300} height={110} rx={10} />
          <text className="map-unplaced-name" x={170} y={62}>
            {t('map.unplaced')}
          </text>
          <text className="map-count" x={170} y={112}>
            {unplacedCount}
          </text>
        </g>
      </svg>
      <MapBusiest
        counts={counts}
        limit={variant === 'wall' ? 8 : 5}
        nameOf={(area) =>
          area === KOTA_CITY_UNIT
            ? t('map.kotaCity')
            : area === UNPLACED
              ? t('map.unplaced')
              : (names.get(area) ?? area)
        }
      />
      <figcaption className="map-attribution">{t('map.attribution')}</figcaption>
    </figure>
  );
}
