// What the routing rule consults, bundled into the main build from resources/: the PIN code table
// (scripts/generate-pincodes.ts) and the state outline of the console's own map
// (scripts/generate-map.ts). Sources and licences are in the files and docs/architecture.md.
import { polygonContains } from 'd3-polygon';
import map from '../../../../resources/geo/rajasthan-map.json';
import table from '../../../../resources/geo/rajasthan-pincodes.json';
import type { RoutingData } from '../../../../shared/routing/route';

const pins: Readonly<Record<string, string>> = table.pins;
const outline = map.outlineLonLat as [number, number][];

export const routingData: RoutingData = {
  pin: (pin) => (Object.hasOwn(pins, pin) ? pins[pin]! : null),
  insideRajasthan: (lon, lat) => polygonContains(outline, [lon, lat]),
};
