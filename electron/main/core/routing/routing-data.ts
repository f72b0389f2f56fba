// What the routing rule consults, bundled into the main build from resources/: the PIN code table
// (scripts/generate-pincodes.ts), the gazetteer of towns and localities (scripts/generate-towns.ts)
// and the state outline of the console's own map (scripts/generate-map.ts). Sources and licences
// are in the files and docs/architecture.md. The gazetteer's index is built once, when this module loads
// (about 100 ms). Built lazily on the first flag instead, it slowed the first page of flags, and
// under load tests/e2e/map.spec.ts then timed out waiting for them on the desk (1 run in 10);
// built here, 16 runs in 16 passed.
import { polygonContains } from 'd3-polygon';
import map from '../../../../resources/geo/rajasthan-map.json';
import table from '../../../../resources/geo/rajasthan-pincodes.json';
import towns from '../../../../resources/geo/rajasthan-towns.json';
import { buildGazetteer, type GazetteerTable } from '../../../../shared/geo/gazetteer';
import type { RoutingData } from '../../../../shared/routing/route';
import { DEFAULT_UNIT_REGISTRY } from '../../../../shared/routing/unit-registry';

const pins: Readonly<Record<string, string>> = table.pins;
const outline = map.outlineLonLat as [number, number][];

export const routingData: RoutingData = {
  pin: (pin) => (Object.hasOwn(pins, pin) ? pins[pin]! : null),
  places: buildGazetteer(towns as unknown as GazetteerTable),
  insideRajasthan: (lon, lat) => polygonContains(outline, [lon, lat]),
  // The shipped registry; ingest routes with the store's current version (unit-registry-holder.ts).
  registry: DEFAULT_UNIT_REGISTRY,
};
