// What the map counts and filters by: Kota City (its own police unit, the command centre's own
// area), every other district, and flags main could not place (the supervisor decides).
// The unit and district come from main's routing (shared/routing/route.ts); nothing is routed here.
import type { QueueItem } from '../../../shared/domain';
import { KOTA_CITY_UNIT } from '../../../shared/routing/police-units';

export const UNPLACED = 'unplaced';
export type AreaKey = string;

export function areaOf(item: Pick<QueueItem, 'route' | 'districtKey'>): AreaKey {
  if (item.route.unitKey === KOTA_CITY_UNIT) return KOTA_CITY_UNIT;
  return item.districtKey ?? UNPLACED;
}

export function countByArea(items: Iterable<QueueItem>): Readonly<Record<AreaKey, number>> {
  const counts: Record<AreaKey, number> = {};
  for (const item of items) {
    const area = areaOf(item);
    counts[area] = (counts[area] ?? 0) + 1;
  }
  return counts;
}

/** Colour steps of the choropleth; 0 has none (no colour where there is nothing to see). */
export function countStep(count: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  if (count <= 4) return 2;
  if (count <= 9) return 3;
  return 4;
}
