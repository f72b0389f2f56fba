// The one routing rule (feed protocol, "Routing rule"): Kota city → Kota City police through the
// command centre; elsewhere in Rajasthan → that district's control room; outside Rajasthan or
// unknown → the supervisor decides. Every answer says what it rests on and how sure it is; when
// the evidence is missing or contradicts itself the answer is "supervisor decides", never a guess.
import { DISTRICTS } from '../geo/districts';
import { districtKeyOf, normaliseName } from '../geo/district-names';
import { districtUnitKey, KOTA_CITY_UNIT } from './police-units';

export const ROUTE_BASES = ['city', 'district', 'pincode', 'coordinates', 'none'] as const;
export type RouteBasis = (typeof ROUTE_BASES)[number];
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const ROUTE_OUTCOMES = ['unit', 'outside-rajasthan', 'unknown', 'conflict'] as const;

export interface Route {
  outcome: (typeof ROUTE_OUTCOMES)[number];
  /** null: the supervisor decides. */
  unitKey: string | null;
  districtKey: string | null;
  basis: RouteBasis;
  confidence: Confidence | null;
}

export interface RoutableLocation {
  district?: string | null;
  city?: string | null;
  pincode?: string | null;
  lat?: number | null;
  lon?: number | null;
}

/** PIN code → district key (resources/geo/rajasthan-pincodes.json, from India Post's directory). */
export type PinLookup = (pin: string) => string | null;

/** What routing consults besides the location: the PIN table and the state's outline. */
export interface RoutingData {
  pin: PinLookup;
  /** Whether a point lies inside Rajasthan's outline (resources/geo/rajasthan-map.json). */
  insideRajasthan(lon: number, lat: number): boolean;
}

/** Head-post-office PINs of the towns that head the districts created in 2023 (the PIN table predates them). */
export const NEW_DISTRICT_PINS: Readonly<Record<string, string>> = {
  '344022': 'balotra',
  '305901': 'beawar',
  '321203': 'deeg',
  '341303': 'didwana-kuchaman',
  '341508': 'didwana-kuchaman',
  '301404': 'khairthal-tijara',
  '303108': 'kotputli-behror',
  '301701': 'kotputli-behror',
  '342301': 'phalodi',
  '313027': 'salumbar',
  '312605': 'pratapgarh',
};
/** Districts that gave area to a newer district: a PIN there may now lie in the newer one. */
const PARENTS_OF_NEW = new Set([
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
const KOTA_CITY_PINS = /^3240(0[1-9]|10)$/;
const KOTA_CITY_NAMES = new Set(['kota', 'कोटा', 'kotacity', 'कोटाशहर'].map(normaliseName));
const KOTA_HQ = DISTRICTS.find((d) => d.key === 'kota')!.hq;
const KOTA_CITY_RADIUS_KM = 12;
/** Farther than this from every district headquarters, a point is not placed in a district. */
const MAX_HQ_DISTANCE_KM = 90;
// Rajasthan lies within these; a point outside them is certainly outside the state.
const BOUNDS = { south: 23.0, north: 30.2, west: 69.4, east: 78.3 };

interface Evidence {
  basis: RouteBasis;
  districtKey: string | null;
  kotaCity: boolean;
  outside: boolean;
  confidence: Confidence;
}

function distanceKm([lat1, lon1]: readonly [number, number], [lat2, lon2]: readonly [number, number]) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

function fromCity(city: string | null | undefined): Evidence | null {
  if (!city) return null;
  if (KOTA_CITY_NAMES.has(normaliseName(city)))
    return { basis: 'city', districtKey: 'kota', kotaCity: true, outside: false, confidence: 'high' };
  // A district headquarters' name as the city places it in that district.
  const key = districtKeyOf(city);
  return key
    ? { basis: 'city', districtKey: key, kotaCity: false, outside: false, confidence: 'high' }
    : null;
}

function fromDistrict(name: string | null | undefined): Evidence | null {
  if (!name) return null;
  const key = districtKeyOf(name);
  if (key)
    return { basis: 'district', districtKey: key, kotaCity: false, outside: false, confidence: 'high' };
  // An abolished district split between two: the name alone cannot say which.
  return null;
}

function fromPincode(pin: string | null | undefined, lookup: PinLookup): Evidence | null {
  if (!pin || !/^\d{6}$/.test(pin)) return null;
  if (!/^3[0-4]/.test(pin))
    return { basis: 'pincode', districtKey: null, kotaCity: false, outside: true, confidence: 'high' };
  if (KOTA_CITY_PINS.test(pin))
    return { basis: 'pincode', districtKey: 'kota', kotaCity: true, outside: false, confidence: 'high' };
  const newer = NEW_DISTRICT_PINS[pin];
  if (newer)
    return { basis: 'pincode', districtKey: newer, kotaCity: false, outside: false, confidence: 'medium' };
  const key = lookup(pin);
  if (!key) return null;
  const confidence = PARENTS_OF_NEW.has(key) ? 'low' : 'medium';
  return { basis: 'pincode', districtKey: key, kotaCity: false, outside: false, confidence };
}

function fromCoordinates(
  lat: number | null | undefined,
  lon: number | null | undefined,
  inside: RoutingData['insideRajasthan'],
): Evidence | null {
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  const point = [lat, lon] as const;
  const inBounds = lat >= BOUNDS.south && lat <= BOUNDS.north && lon >= BOUNDS.west && lon <= BOUNDS.east;
  if (!inBounds)
    return { basis: 'coordinates', districtKey: null, kotaCity: false, outside: true, confidence: 'high' };
  // The outline is fitted, not surveyed: outside it is "outside", said with less certainty.
  if (!inside(lon, lat))
    return { basis: 'coordinates', districtKey: null, kotaCity: false, outside: true, confidence: 'medium' };
  if (distanceKm(point, KOTA_HQ) <= KOTA_CITY_RADIUS_KM)
    return {
      basis: 'coordinates',
      districtKey: 'kota',
      kotaCity: true,
      outside: false,
      confidence: 'medium',
    };
  let nearest: { key: string; km: number } | null = null;
  for (const d of DISTRICTS) {
    const km = distanceKm(point, d.hq);
    if (!nearest || km < nearest.km) nearest = { key: d.key, km };
  }
  if (!nearest || nearest.km > MAX_HQ_DISTANCE_KM) return null;
  // Nearest headquarters is the district's Voronoi cell on the map, not its real boundary:
  // good enough to suggest, not to be sure.
  return {
    basis: 'coordinates',
    districtKey: nearest.key,
    kotaCity: false,
    outside: false,
    confidence: 'low',
  };
}

const unknown: Route = {
  outcome: 'unknown',
  unitKey: null,
  districtKey: null,
  basis: 'none',
  confidence: null,
};

export function routeLocation(location: RoutableLocation | null | undefined, data: RoutingData): Route {
  if (!location) return unknown;
  // Strongest first: what the location names outright, then the PIN, then the coordinates.
  const evidence = [
    fromCity(location.city),
    fromDistrict(location.district),
    fromPincode(location.pincode, data.pin),
    fromCoordinates(location.lat, location.lon, data.insideRajasthan),
  ].filter((e): e is Evidence => e !== null);
  const first = evidence[0];
  if (!first) return unknown;
  if (first.outside)
    return {
      outcome: 'outside-rajasthan',
      unitKey: null,
      districtKey: null,
      basis: first.basis,
      confidence: first.confidence,
    };

  const named = evidence.filter((e) => e.basis === 'city' || e.basis === 'district');
  const districts = new Set(named.map((e) => e.districtKey));
  if (districts.size > 1 || named.some((e) => e.outside))
    return { outcome: 'conflict', unitKey: null, districtKey: null, basis: first.basis, confidence: null };

  const kotaCity = evidence.some((e) => e.kotaCity && e.districtKey === first.districtKey);
  const districtKey = first.districtKey!;
  // Weaker evidence that disagrees with the named place lowers the confidence; it does not override.
  const disagrees = evidence.some((e) => e.districtKey !== districtKey);
  const confidence: Confidence = disagrees ? 'low' : first.confidence;
  if (kotaCity)
    return { outcome: 'unit', unitKey: KOTA_CITY_UNIT, districtKey, basis: first.basis, confidence };
  // Kota district and nothing more precise: Kota City's command centre takes it first, less surely.
  // A town, PIN or point in Kota district that is not the city is the rural police district's.
  const placedInKota = evidence.some((e) => e.basis !== 'district' && e.districtKey === 'kota');
  if (districtKey === 'kota' && !placedInKota && !location.city?.trim()) {
    const sure = confidence === 'low' ? 'low' : 'medium';
    return { outcome: 'unit', unitKey: KOTA_CITY_UNIT, districtKey, basis: first.basis, confidence: sure };
  }
  return {
    outcome: 'unit',
    unitKey: districtUnitKey(districtKey),
    districtKey,
    basis: first.basis,
    confidence,
  };
}
