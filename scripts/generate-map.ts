// Builds resources/geo/rajasthan-map.json, the console's own district map, from public facts:
//   npx tsx scripts/generate-map.ts          writes the file
//   npx tsx scripts/generate-map.ts --check  exits 1 if the committed file differs
// No public boundary set exists for the 41 districts of 2024, so the map is derived:
// - the state outline is Rajasthan's shape from @svg-maps/india (CC BY 4.0, © VictorCazanave),
//   placed on latitude/longitude by fitting its extent to the state's known extremes;
// - each district is the Voronoi cell of its headquarters (d3-delaunay), drawn clipped to the outline.
// Cells are an honest approximation: the map shows where flags are, routing never relies on a cell
// alone (see shared/routing/route.ts). tests/unit/map-geometry.test.ts checks it against Census 2011.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import india from '@svg-maps/india';
import { Delaunay } from 'd3-delaunay';
import { geoMercator, geoPath } from 'd3-geo';
import { DISTRICTS } from '../shared/geo/districts';

type Point = [number, number];
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'geo', 'rajasthan-map.json');
// Rajasthan's extremes (Survey of India figures): 23°03'–30°12' N, 69°29'–78°17' E.
const EXTENT = { south: 23.05, north: 30.2, west: 69.48, east: 78.28 };
const SIZE = 1000;

/** The rj path uses only relative moveto + implicit relative linetos, closed once. */
function parseRelativePath(d: string): Point[] {
  const numbers = d
    .replace(/[mz]/gi, ' ')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const points: Point[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    x += numbers[i]!;
    y += numbers[i + 1]!;
    points.push([x, y]);
  }
  return points;
}

const rj = india.locations.find((l) => l.id === 'rj');
if (!rj || (rj.path.match(/m/gi) ?? []).length !== 1) throw new Error('Rajasthan path not as expected');
const svgPoints = parseRelativePath(rj.path);
const xs = svgPoints.map((p) => p[0]);
const ys = svgPoints.map((p) => p[1]);
const [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const outline: Point[] = svgPoints.map(([x, y]) => [
  round(EXTENT.west + ((x - xMin) / (xMax - xMin)) * (EXTENT.east - EXTENT.west), 3),
  round(EXTENT.north - ((y - yMin) / (yMax - yMin)) * (EXTENT.north - EXTENT.south), 3),
]);
// GeoJSON wants the exterior ring counter-clockwise on the sphere (d3-geo: clockwise in planar terms).
const ring = [...outline, outline[0]!];
const feature = { type: 'Polygon' as const, coordinates: [ring] };
const projection = geoMercator().fitSize([SIZE, SIZE], {
  type: 'Feature',
  properties: {},
  geometry: feature,
});
const draw = geoPath(projection);
const project = (p: Point) => projection(p)!.map((n) => round(n, 1)) as Point;

const hqs = DISTRICTS.map((d) => project([d.hq[1], d.hq[0]]));
const voronoi = Delaunay.from(hqs).voronoi([0, 0, SIZE, SIZE]);
const districts = DISTRICTS.map((d, i) => {
  const cell = voronoi.cellPolygon(i) as Point[];
  return {
    key: d.key,
    cell: `M${cell.map((p) => p.map((n) => round(n, 1)).join(',')).join('L')}Z`,
    hq: hqs[i]!,
  };
});
const kota = hqs[DISTRICTS.findIndex((d) => d.key === 'kota')]!;
const kmPerUnit = (() => {
  const a = project([75.8452, 25.1803]);
  const b = project([75.8452, 25.1803 + 1 / 111.2]); // 1 km north
  return 1 / Math.hypot(a[0] - b[0], a[1] - b[1]);
})();

const text = `${JSON.stringify({
  source:
    'Outline: @svg-maps/india 2.0.0 (CC BY 4.0, © VictorCazanave), fitted to the state extremes; districts: Voronoi cells of headquarters',
  size: SIZE,
  outlineLonLat: outline,
  outlinePath: draw(feature),
  kotaCity: { centre: kota, radius: round(12 / kmPerUnit, 1) },
  districts,
})}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error(`${out} differs; run npx tsx scripts/generate-map.ts`);
    process.exit(1);
  }
  console.log('rajasthan-map.json is up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${outline.length} outline points, ${districts.length} districts, ${text.length} bytes`);
}
