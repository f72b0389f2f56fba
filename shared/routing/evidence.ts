// What one field of a location says about where the student is: a piece of evidence, with how sure
// it is. The city and the coordinates are read against the gazetteer (shared/geo/gazetteer.ts);
// route.ts weighs the pieces against each other. A town, PIN or point that a unit of the registry
// claims (unit-claims.ts) carries the claim: the most specific answer there is.
import { currentDistrictKeyOf } from '../geo/district-names';
import type { Gazetteer, PlaceInDistrict } from '../geo/gazetteer';
import { unitsAround, type UnitClaims } from './unit-claims';
import { townKey, type RegistryUnit } from './unit-registry';

export const ROUTE_BASES = ['city', 'district', 'pincode', 'coordinates', 'none'] as const;
export type RouteBasis = (typeof ROUTE_BASES)[number];
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface Evidence {
  basis: RouteBasis;
  /** null and not outside: the name is in several districts (see candidates). */
  districtKey: string | null;
  /** Units of the registry that claim this town, PIN or point outright (several: a contested claim). */
  claims?: readonly string[];
  outside: boolean;
  confidence: Confidence;
  /** A city found in the gazetteer: every district of that name, most likely first. */
  candidates?: readonly PlaceInDistrict[];
  /** The city names a town (or a headquarters), not only a post office's locality or village. */
  town?: boolean;
}

/** Districts that gave area to a 2023 district: a place the sources put there may now lie in the newer one. */
export const PARENTS_OF_NEW = new Set([
  'barmer',
  'ajmer',
  'pali',
  'bhilwara',
  'bharatpur',
  'nagaur',
  'alwar',
  'jaipur',
  'jodhpur',
  'udaipur',
  'chittorgarh',
]);

/**
 * A name in several districts goes to the most populous place only when it is this many times
 * larger than the next (Kishangarh, Ajmer: 131,749 people; Kishangarh Bas: 10,288), and then with
 * medium confidence. Shahpura (33,273 and 29,259) and Rajgarh (49,583 and 26,953) stay ambiguous.
 */
export const DOMINANCE = 4;
/** A GeoNames town whose population the sources do not give is taken as this large, to be safe. */
const UNKNOWN_POPULATION = 5000;
/**
 * Coordinates are placed in the district of the nearest gazetteer town: within NEAR_TOWN_KM with
 * medium confidence, farther (up to FAR_TOWN_KM) with low. Measured against the Census 2011
 * polygons on a 0.05° grid (tests/unit/routing-coordinates.test.ts checks it on a coarser one):
 * the nearest town's district is right at 97-99% of points within 5 km of a town, 92% at 5-10 km,
 * 82-87% farther; the nearest headquarters, which routing used before, at 77-82% in every band.
 */
export const NEAR_TOWN_KM = 5;
const FAR_TOWN_KM = 90;
// Rajasthan lies within these; a point outside them is certainly outside the state.
const BOUNDS = { south: 23.0, north: 30.2, west: 69.4, east: 78.3 };

const city = (
  districtKey: string | null,
  confidence: Confidence,
  more: Partial<Evidence> = {},
): Evidence => ({
  basis: 'city',
  districtKey,
  outside: false,
  confidence,
  ...more,
});

/** The claimants' ids, placed in the first claimant's district. */
const claimedBy = (units: readonly RegistryUnit[]) => ({
  districtKey: units[0]!.district,
  claims: units.map((u) => u.id),
});

const weaker = (c: Confidence): Confidence => (c === 'high' ? 'medium' : 'low');

export function fromCity(
  name: string | null | undefined,
  gazetteer: Gazetteer,
  units: UnitClaims,
): Evidence | null {
  if (!name?.trim()) return null;
  // A town the registry names is a unit's by police headquarters' word: nothing is more specific.
  const claimants = units.byTown.get(townKey(name));
  if (claimants) {
    const { districtKey, claims } = claimedBy(claimants);
    return city(districtKey, 'high', { claims, town: true });
  }
  // A district's own name as the city is its headquarters town.
  const hq = currentDistrictKeyOf(name);
  if (hq) return city(hq, 'high', { town: true });
  const found = gazetteer.lookup(name);
  if (!found) return null;
  const [first, second] = found.districts;
  const town = found.kind === 'town';
  // One town and villages of its name elsewhere: the town, less surely, and the villages are named.
  const elsewhere = found.villagesElsewhere.map((districtKey) => ({
    districtKey,
    name: found.name,
    population: 0,
    lat: null,
    lon: null,
  }));
  if (!second) {
    const candidates = [...found.districts, ...elsewhere];
    // A town is known by name; a post office's locality may have namesakes the directory lacks; a
    // place in a district that gave area in 2023 may have moved; a spelling variant may be another name.
    let confidence: Confidence = town ? 'high' : 'medium';
    if (PARENTS_OF_NEW.has(first!.districtKey)) confidence = weaker(confidence);
    if ((found.via === 'sound' || elsewhere.length > 0) && confidence === 'high') confidence = 'medium';
    return city(first!.districtKey, confidence, { town, ...(elsewhere.length > 0 && { candidates }) });
  }
  const dominant =
    town &&
    first!.population >= DOMINANCE * Math.max(second.population || UNKNOWN_POPULATION, UNKNOWN_POPULATION);
  // Several towns: the towns are the candidates (villages of the name are not the question).
  const candidates = found.districts;
  if (dominant) return city(first!.districtKey, 'medium', { candidates, town });
  return city(null, town ? 'medium' : 'low', { candidates, town });
}

export function fromCoordinates(
  lat: number | null | undefined,
  lon: number | null | undefined,
  inside: (lon: number, lat: number) => boolean,
  gazetteer: Gazetteer,
  units: UnitClaims,
): Evidence | null {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return null;
  const at = (
    districtKey: string | null,
    confidence: Confidence,
    more: Partial<Evidence> = {},
  ): Evidence => ({
    basis: 'coordinates',
    districtKey,
    outside: false,
    confidence,
    ...more,
  });
  const inBounds = lat >= BOUNDS.south && lat <= BOUNDS.north && lon >= BOUNDS.west && lon <= BOUNDS.east;
  if (!inBounds) return at(null, 'high', { outside: true });
  // The outline is fitted, not surveyed: outside it is "outside", said with less certainty.
  if (!inside(lon, lat)) return at(null, 'medium', { outside: true });
  const around = unitsAround(units, lat, lon);
  if (around.length > 0) {
    const { districtKey, claims } = claimedBy(around);
    return at(districtKey, 'medium', { claims });
  }
  // The nearest town knows its district; a district boundary seldom passes within a few km of a town.
  const town = gazetteer.nearestTown(lat, lon);
  if (!town || town.km > FAR_TOWN_KM) return null;
  return at(town.districtKey, town.km <= NEAR_TOWN_KM ? 'medium' : 'low');
}
