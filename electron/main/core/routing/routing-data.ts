// What the routing rule consults, bundled into the main build from resources/: the PIN code table
// (scripts/generate-pincodes.ts), the gazetteer of towns and localities (scripts/generate-towns.ts)
// and the state outline of the console's own map (scripts/generate-map.ts). Sources and licences
// are in the files and the docs. The gazetteer's index is built once, on the first flag routed
// (about 100 ms: not on the start-up path of a process that routes nothing).
import { polygonContains } from 'd3-polygon';
import map from '../../../../resources/geo/rajasthan-map.json';
import table from '../../../../resources/geo/rajasthan-pincodes.json';
import towns from '../../../../resources/geo/rajasthan-towns.json';
import { buildGazetteer, type Gazetteer, type GazetteerTable } from '../../../../shared/geo/gazetteer';
import type { RoutingData } from '../../../../shared/routing/route';

const pins: Readonly<Record<string, string>> = table.pins;
const outline = map.outlineLonLat as [number, number][];

let gazetteer: Gazetteer | null = null;
const places = () => (gazetteer ??= buildGazetteer(towns as unknown as GazetteerTable));

export const routingData: RoutingData = {
  pin: (pin) => (Object.hasOwn(pins, pin) ? pins[pin]! : null),
  places: {
    lookup: (name) => places().lookup(name),
    nearestTown: (lat, lon) => places().nearestTown(lat, lon),
    get size() {
      return places().size;
    },
  },
  insideRajasthan: (lon, lat) => polygonContains(outline, [lon, lat]),
};
