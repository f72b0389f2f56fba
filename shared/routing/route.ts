// The one routing rule (feed protocol, "Routing rule"): the location → a district → the unit of the
// registry (unit-registry.ts) whose claim is most specific: a PIN, town or point a unit claims before
// the district; outside Rajasthan or unknown → the supervisor decides. Kota City and Kota Rural are
// one case of it (the shipped registry), not a rule of their own. Every answer says what it rests on
// and how sure it is; when the evidence is missing, contradicts itself, or two units claim the place
// (or none does), the answer is "supervisor decides" with the candidates, never a guess.
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
import { claimsOf, type UnitClaims } from './unit-claims';
import type { UnitRegistry } from './unit-registry';

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
  /** The police units in force and the areas they claim (the store's current registry version). */
  registry: UnitRegistry;
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
function fromDistrict(name: string | null | undefined): Evidence | null {
  if (!name) return null;
  const key = districtKeyOf(name);
  if (key) return { basis: 'district', districtKey: key, outside: false, confidence: 'high' };
  // An abolished district split between two: the name alone cannot say which.
  return null;
}

function fromPincode(pin: string | null | undefined, lookup: PinLookup, units: UnitClaims): Evidence | null {
  if (!pin || !/^\d{6}$/.test(pin)) return null;
  if (!/^3[0-4]/.test(pin)) return { basis: 'pincode', districtKey: null, outside: true, confidence: 'high' };
  const claimants = units.byPin.get(pin);
  if (claimants) {
    const claims = claimants.map((u) => u.id);
    return {
      basis: 'pincode',
      districtKey: claimants[0]!.district,
      claims,
      outside: false,
      confidence: 'high',
    };
  }
  const newer = NEW_DISTRICT_PINS[pin];
  if (newer) return { basis: 'pincode', districtKey: newer, outside: false, confidence: 'medium' };
  const key = lookup(pin);
  if (!key) return null;
  const confidence = PARENTS_OF_NEW.has(key) ? 'low' : 'medium';
  return { basis: 'pincode', districtKey: key, outside: false, confidence };
}

const unknown: Route = {
  outcome: 'unknown',
  unitKey: null,
  districtKey: null,
  basis: 'none',
  confidence: null,
  candidates: [],
};

/** The supervisor is shown this many candidates at most (a village name may be in a dozen districts). */
const MAX_CANDIDATES = 8;

/** Every district the evidence names, strongest evidence first, each once, with the units covering it. */
function candidatesOf(evidence: readonly Evidence[], units: UnitClaims): RouteCandidate[] {
  const seen = new Map<string, RouteCandidate>();
  for (const e of evidence) {
    const keys = e.candidates?.map((c) => c.districtKey) ?? (e.districtKey ? [e.districtKey] : []);
    for (const key of keys)
      for (const unit of units.byDistrict.get(key) ?? [])
        if (!seen.has(unit.id)) seen.set(unit.id, { districtKey: key, unitKey: unit.id, basis: e.basis });
  }
  return [...seen.values()].slice(0, MAX_CANDIDATES);
}

// Not the place's name: it comes from the student's location, which the desk shows only after a
// recorded reveal (shared/need-to-know.ts). Districts are what the queue already shows.
const supervisor = (outcome: Route['outcome'], basis: RouteBasis, candidates: RouteCandidate[]): Route => ({
  outcome,
  unitKey: null,
  districtKey: null,
  basis,
  confidence: null,
  candidates,
});

/** Several units claim the place: each is a candidate; one claimant is the answer. */
const claimants = (districtKey: string, ids: readonly string[], basis: RouteBasis): RouteCandidate[] =>
  ids.map((unitKey) => ({ districtKey, unitKey, basis }));

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
  const units = claimsOf(data.registry);
  const supervisorFor = (outcome: Route['outcome'], basis: RouteBasis, evidence: readonly Evidence[]) =>
    supervisor(outcome, basis, candidatesOf(evidence, units));
  // Strongest first: what the location names outright, then the PIN, then the coordinates.
  let evidence = [
    fromCity(location.city, data.places, units),
    fromDistrict(location.district),
    fromPincode(location.pincode, data.pin, units),
    fromCoordinates(location.lat, location.lon, data.insideRajasthan, data.places, units),
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
    if (settled === 'conflict') return supervisorFor('conflict', 'city', evidence);
    if (settled === null) return supervisorFor('ambiguous', 'city', evidence);
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
    if (!another && city.town) return supervisorFor('conflict', first.basis, evidence);
    evidence = [
      district,
      ...evidence.filter((e) => e !== city && e !== district),
      ...(another ? [] : [city]),
    ];
    first = evidence[0]!;
  }

  const districtKey = first.districtKey!;
  // Weaker evidence that disagrees with the named place lowers the confidence; it does not override.
  const disagrees = evidence.some((e) => e.districtKey !== districtKey);
  const confidence: Confidence = disagrees ? 'low' : first.confidence;
  const candidates = first.candidates ? candidatesOf(evidence, units) : [];
  const route = { outcome: 'unit' as const, districtKey, basis: first.basis, candidates };
  const answer = (ids: readonly string[], basis: RouteBasis, sure: Confidence): Route =>
    ids.length === 1
      ? { ...route, unitKey: ids[0]!, confidence: sure }
      : supervisor('ambiguous', basis, claimants(districtKey, ids, basis));

  // Most specific first: a town, PIN or point in the district that a unit claims outright.
  const claimed = evidence.find((e) => e.claims && e.districtKey === districtKey);
  if (claimed) return answer(claimed.claims!, claimed.basis, confidence);
  // The district and nothing finer: the unit that takes such flags first (a command centre), less surely.
  const placed = evidence.some((e) => e.basis !== 'district') || Boolean(location.city?.trim());
  const takesFirst = units.districtOnly.get(districtKey);
  if (!placed && takesFirst)
    return answer(
      takesFirst.map((u) => u.id),
      route.basis,
      confidence === 'low' ? 'low' : 'medium',
    );
  // Then the units that cover the district; none is the supervisor's to decide.
  const covering = units.byDistrict.get(districtKey) ?? [];
  if (covering.length === 0) return supervisor('unknown', route.basis, candidates);
  return answer(
    covering.map((u) => u.id),
    route.basis,
    confidence,
  );
}
