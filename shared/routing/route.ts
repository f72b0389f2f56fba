// The one routing rule (feed protocol, "Routing rule"): Kota city → Kota City police through the
// command centre; elsewhere in Rajasthan → that district's control room; outside Rajasthan or
// unknown → the supervisor decides. Every answer says what it rests on and how sure it is; when
// the evidence is missing or contradicts itself the answer is "supervisor decides", never a guess.
import { districtKeyOf } from '../geo/district-names';
import type { Gazetteer } from '../geo/gazetteer';
import {
  fromCity,
  fromCoordinates,
  PARENTS_OF_NEW,
  type Confidence,
  type Evidence,
  type RouteBasis,
} from './evidence';
import { districtUnitKey, KOTA_CITY_UNIT } from './police-units';

export { CONFIDENCES, ROUTE_BASES, type Confidence, type RouteBasis } from './evidence';
/** 'ambiguous': the city names a place in several districts and nothing else settles which. */
export const ROUTE_OUTCOMES = ['unit', 'outside-rajasthan', 'unknown', 'conflict', 'ambiguous'] as const;

/** A district the flag may belong to, with its unit and the evidence that names it. */
export interface RouteCandidate {
  districtKey: string;
  unitKey: string;
  basis: RouteBasis;
}

export interface Route {
  outcome: (typeof ROUTE_OUTCOMES)[number];
  /** null: the supervisor decides. */
  unitKey: string | null;
  districtKey: string | null;
  basis: RouteBasis;
  confidence: Confidence | null;
  /** The likely districts, most likely first; empty when the evidence names one district only. */
  candidates: RouteCandidate[];
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

/** What routing consults besides the location: the PIN table, the gazetteer and the state's outline. */
export interface RoutingData {
  pin: PinLookup;
  /** Towns and localities → districts (resources/geo/rajasthan-towns.json). */
  places: Gazetteer;
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
const KOTA_CITY_PINS = /^3240(0[1-9]|10)$/;

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

const unknown: Route = {
  outcome: 'unknown',
  unitKey: null,
  districtKey: null,
  basis: 'none',
  confidence: null,
  candidates: [],
};

/** The one place a district becomes a unit (a unit registry may replace it: issue #23). */
const unitOf = (districtKey: string, kotaCity: boolean) =>
  kotaCity ? KOTA_CITY_UNIT : districtUnitKey(districtKey);

/** The supervisor is shown this many districts at most (a village name may be in a dozen). */
const MAX_CANDIDATES = 8;

/** Every district the evidence names, strongest evidence first, each once. */
function candidatesOf(evidence: readonly Evidence[]): RouteCandidate[] {
  const seen = new Map<string, RouteCandidate>();
  for (const e of evidence) {
    const keys = e.candidates?.map((c) => c.districtKey) ?? (e.districtKey ? [e.districtKey] : []);
    for (const key of keys)
      if (!seen.has(key)) seen.set(key, { districtKey: key, unitKey: unitOf(key, false), basis: e.basis });
  }
  return [...seen.values()].slice(0, MAX_CANDIDATES);
}

// Not the place's name: it comes from the student's location, which the desk shows only after a
// recorded reveal (shared/need-to-know.ts). Districts are what the queue already shows.
const supervisor = (outcome: Route['outcome'], basis: RouteBasis, evidence: readonly Evidence[]): Route => ({
  outcome,
  unitKey: null,
  districtKey: null,
  basis,
  confidence: null,
  candidates: candidatesOf(evidence),
});

/**
 * A city in several districts is settled by a named district among them (high), or by a PIN or
 * coordinates that place the flag in one of them (medium: two pieces agree). A named district that
 * is none of them contradicts a town's name; a village's name yields to it. Nothing else decides.
 */
function settleAmbiguousCity(ambiguous: Evidence, rest: readonly Evidence[]): Evidence | 'conflict' | null {
  const keys = new Set(ambiguous.candidates!.map((c) => c.districtKey));
  const named = rest.find((e) => e.basis === 'district');
  if (named) {
    if (named.districtKey && keys.has(named.districtKey)) return { ...named, basis: 'city' };
    return ambiguous.town ? 'conflict' : named;
  }
  const placed = rest.find((e) => !e.outside && e.districtKey !== null && keys.has(e.districtKey));
  if (!placed) return null;
  return { ...placed, basis: 'city', confidence: 'medium' };
}

/**
 * A name routed to its most populous place is a judgement: a PIN or point that names another of
 * its places, and none that backs the judgement, chooses among them (Kishangarh with Khairthal's PIN
 * is Kishangarh Bas). It never leaves the city's places: that would be weaker evidence overriding.
 */
function refines(city: Evidence, evidence: readonly Evidence[]): boolean {
  const others = evidence.filter((e) => e !== city && e.districtKey !== null);
  const places = new Set(city.candidates!.map((c) => c.districtKey));
  return (
    !others.some((e) => e.districtKey === city.districtKey) && others.some((e) => places.has(e.districtKey!))
  );
}

export function routeLocation(location: RoutableLocation | null | undefined, data: RoutingData): Route {
  if (!location) return unknown;
  // Strongest first: what the location names outright, then the PIN, then the coordinates.
  let evidence = [
    fromCity(location.city, data.places),
    fromDistrict(location.district),
    fromPincode(location.pincode, data.pin),
    fromCoordinates(location.lat, location.lon, data.insideRajasthan, data.places),
  ].filter((e): e is Evidence => e !== null);
  let first = evidence[0];
  if (!first) return unknown;
  if (first.outside)
    return { ...unknown, outcome: 'outside-rajasthan', basis: first.basis, confidence: first.confidence };

  if (
    first.basis === 'city' &&
    first.candidates &&
    (first.districtKey === null || refines(first, evidence))
  ) {
    const settled = settleAmbiguousCity(first, evidence.slice(1));
    if (settled === 'conflict') return supervisor('conflict', 'city', evidence);
    if (settled === null) return supervisor('ambiguous', 'city', evidence);
    const rest = evidence.slice(1).filter((e) => e !== settled);
    evidence = [{ ...settled, candidates: first.candidates }, ...rest];
    first = evidence[0]!;
  }

  const city = evidence.find((e) => e.basis === 'city');
  const district = evidence.find((e) => e.basis === 'district');
  if (city && district && city.districtKey !== district.districtKey) {
    // A named district that is one of the city's other places settles the name (Kishangarh, Alwar);
    // one that contradicts a town sends the flag to the supervisor; a village's name yields to it.
    const another = city.candidates?.some((c) => c.districtKey === district.districtKey);
    if (!another && city.town) return supervisor('conflict', first.basis, evidence);
    evidence = [
      district,
      ...evidence.filter((e) => e !== city && e !== district),
      ...(another ? [] : [city]),
    ];
    first = evidence[0]!;
  }

  const kotaCity = evidence.some((e) => e.kotaCity && e.districtKey === first.districtKey);
  const districtKey = first.districtKey!;
  // Weaker evidence that disagrees with the named place lowers the confidence; it does not override.
  const disagrees = evidence.some((e) => e.districtKey !== districtKey);
  const confidence: Confidence = disagrees ? 'low' : first.confidence;
  const candidates = first.candidates ? candidatesOf(evidence) : [];
  const route = { outcome: 'unit' as const, districtKey, basis: first.basis, candidates };
  if (kotaCity) return { ...route, unitKey: unitOf(districtKey, true), confidence };
  // Kota district and nothing more precise: Kota City's command centre takes it first, less surely.
  // A town, PIN or point that is not the city (in Kota district or not) makes it the rural police's.
  const placedElsewhere = evidence.some((e) => e.basis !== 'district' && !e.kotaCity);
  if (districtKey === 'kota' && !placedElsewhere && !location.city?.trim()) {
    const sure = confidence === 'low' ? 'low' : 'medium';
    return { ...route, unitKey: KOTA_CITY_UNIT, confidence: sure };
  }
  return { ...route, unitKey: unitOf(districtKey, false), confidence };
}
