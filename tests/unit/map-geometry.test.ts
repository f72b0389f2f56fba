// The console's own map (resources/geo/rajasthan-map.json, derived by scripts/generate-map.ts)
// checked against an independent source: the Census 2011 district polygons in ../shared/reference/
// (read here only; never shipped). Also: the generated files match their generators.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { geoCentroid, geoContains } from 'd3-geo';
import { polygonContains } from 'd3-polygon';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import map from '../../resources/geo/rajasthan-map.json';
import { DISTRICTS } from '../../shared/geo/districts';
import { routingData } from '../../electron/main/core/routing/routing-data';
import { routeLocation } from '../../shared/routing/route';
import { itWithReference } from '../helpers/reference';

const REFERENCE_MAP = 'rajasthan-2011-districts.topo.json';
const outline = map.outlineLonLat as [number, number][];

function reference(referenceFile: string) {
  const topology = JSON.parse(fs.readFileSync(referenceFile, 'utf8')) as Topology;
  const collection = feature(topology, topology.objects.rajasthan!) as unknown as GeoJSON.FeatureCollection;
  return collection.features;
}

describe('district map geometry', () => {
  it('puts every district headquarters inside the state outline', () => {
    for (const d of DISTRICTS) expect(polygonContains(outline, [d.hq[1], d.hq[0]]), d.en).toBe(true);
  });

  itWithReference(
    'agrees with the Census 2011 state area on at least 95% of a 0.2° grid',
    REFERENCE_MAP,
    (file) => {
      const districts = reference(file);
      let agree = 0;
      let total = 0;
      for (let lat = 23.0; lat <= 30.3; lat += 0.2)
        for (let lon = 69.4; lon <= 78.4; lon += 0.2) {
          const inReference = districts.some((f) => geoContains(f, [lon, lat]));
          if (inReference === polygonContains(outline, [lon, lat])) agree++;
          total++;
        }
      console.log(
        `map: outline agrees with Census 2011 on ${((100 * agree) / total).toFixed(1)}% of ${total} grid points`,
      );
      expect(agree / total).toBeGreaterThan(0.95);
    },
  );

  itWithReference(
    'places most 2011 district centroids in their own district by coordinates',
    REFERENCE_MAP,
    (file) => {
      // Districts that lost area to the 2023 districts are left out: their 2011 centroid may now lie
      // in the new district. The rest must mostly agree (Voronoi cells are approximate boundaries).
      const reshaped = new Set([
        'Barmer',
        'Ajmer',
        'Nagaur',
        'Alwar',
        'Jaipur',
        'Jodhpur',
        'Udaipur',
        'Bharatpur',
      ]);
      const results: [string, boolean][] = [];
      for (const f of reference(file)) {
        const name = String(f.properties?.district);
        if (reshaped.has(name)) continue;
        const [lon, lat] = geoCentroid(f);
        const expected = routeLocation({ district: name }, routingData).districtKey;
        if (expected === null) continue;
        results.push([name, routeLocation({ lat, lon }, routingData).districtKey === expected]);
      }
      const agreeing = results.filter(([, ok]) => ok).length;
      console.log(
        `map: ${agreeing}/${results.length} centroids routed to their district; misses:`,
        results
          .filter(([, ok]) => !ok)
          .map(([n]) => n)
          .join(', ') || 'none',
      );
      expect(results.length).toBeGreaterThan(20);
      expect(agreeing / results.length).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('ships the files its generators make from the packages', () => {
    for (const script of ['scripts/generate-map.ts', 'scripts/generate-pincodes.ts'])
      execFileSync(process.execPath, ['--import', 'tsx', script, '--check'], { stdio: 'pipe' });
  });
});
