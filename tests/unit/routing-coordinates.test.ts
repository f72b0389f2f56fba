// Coordinates near a border (issue #21): routing places a point in the district of the nearest
// gazetteer town, with medium confidence within NEAR_TOWN_KM of it. This measures that rule against
// an independent source, the Census 2011 district polygons in ../shared/reference/ (read here only,
// never shipped), and against the rule it replaced (nearest district headquarters).
import fs from 'node:fs';
import path from 'node:path';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { routingData } from '../../electron/main/core/routing/routing-data';
import { districtKeyOf } from '../../shared/geo/district-names';
import { DISTRICTS } from '../../shared/geo/districts';
import { distanceKm } from '../../shared/geo/gazetteer';
import { NEAR_TOWN_KM } from '../../shared/routing/evidence';
import { routeLocation } from '../../shared/routing/route';
import { TOWNS_OF_NEW_DISTRICTS } from '../../scripts/town-overrides';

const referenceFile = path.join(__dirname, '../../../shared/reference/rajasthan-2011-districts.topo.json');
const hasReference = fs.existsSync(referenceFile);

/** The 2011 districts a current district's area came from (a 2023 district: its parents). */
const areaOf = (key: string) => Object.keys(TOWNS_OF_NEW_DISTRICTS[key] ?? { [key]: [] });

describe('coordinates', () => {
  it('Ramganj Mandi, in Kota district near the Jhalawar border, goes to Kota Rural', () => {
    const route = routeLocation({ lat: 24.6465, lon: 75.9433 }, routingData);
    expect([route.unitKey, route.basis, route.confidence]).toEqual(['kota-rural', 'coordinates', 'medium']);
  });

  it.skipIf(!hasReference)(
    'nearest town is right at 90%+ of points within NEAR_TOWN_KM, and beats the nearest headquarters',
    () => {
      const topology = JSON.parse(fs.readFileSync(referenceFile, 'utf8')) as Topology;
      const districts = (
        feature(topology, topology.objects.rajasthan!) as unknown as GeoJSON.FeatureCollection
      ).features.map((f) => ({
        f,
        key: districtKeyOf(
          String(f.properties!.district)
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, ''),
        ),
      }));
      const near = { n: 0, town: 0 };
      const all = { n: 0, town: 0, hq: 0 };
      for (let lat = 23.05; lat <= 30.2; lat += 0.2)
        for (let lon = 69.5; lon <= 78.3; lon += 0.2) {
          const truth = districts.find((d) => geoContains(d.f, [lon, lat]))?.key;
          if (!truth) continue;
          const town = routingData.places.nearestTown(lat, lon)!;
          const hq = DISTRICTS.reduce((a, b) =>
            distanceKm(lat, lon, a.hq[0], a.hq[1]) <= distanceKm(lat, lon, b.hq[0], b.hq[1]) ? a : b,
          );
          const townRight = areaOf(town.districtKey).includes(truth);
          all.n++;
          if (townRight) all.town++;
          if (areaOf(hq.key).includes(truth)) all.hq++;
          if (town.km <= NEAR_TOWN_KM) {
            near.n++;
            if (townRight) near.town++;
          }
        }
      const pct = (k: number, n: number) => ((100 * k) / n).toFixed(1);
      console.log(
        `coordinates: within ${NEAR_TOWN_KM} km of a town ${pct(near.town, near.n)}% of ${near.n}; ` +
          `all points: nearest town ${pct(all.town, all.n)}%, nearest headquarters ${pct(all.hq, all.n)}% of ${all.n}`,
      );
      expect(near.n).toBeGreaterThan(20);
      expect(near.town / near.n).toBeGreaterThanOrEqual(0.9);
      expect(all.town).toBeGreaterThan(all.hq);
    },
    60_000,
  );
});
