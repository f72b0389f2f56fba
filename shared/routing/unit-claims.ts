// The registry read as claims: which active units claim a town, a PIN, a point or a district.
// Built once per registry object (routing runs per flag; the registry changes rarely) and read by
// evidence.ts and route.ts. Inactive units claim nothing: they can no longer receive flags.
import { distanceKm } from '../geo/distance';
import { townKey, type RegistryUnit, type UnitRegistry } from './unit-registry';

export interface UnitClaims {
  byTown: ReadonlyMap<string, readonly RegistryUnit[]>;
  byPin: ReadonlyMap<string, readonly RegistryUnit[]>;
  byDistrict: ReadonlyMap<string, readonly RegistryUnit[]>;
  districtOnly: ReadonlyMap<string, readonly RegistryUnit[]>;
  circles: readonly { unit: RegistryUnit; lat: number; lon: number; km: number }[];
}

function add(map: Map<string, RegistryUnit[]>, key: string, unit: RegistryUnit) {
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (!list.includes(unit)) list.push(unit);
}

const built = new WeakMap<UnitRegistry, UnitClaims>();

export function claimsOf(registry: UnitRegistry): UnitClaims {
  const known = built.get(registry);
  if (known) return known;
  const byTown = new Map<string, RegistryUnit[]>();
  const byPin = new Map<string, RegistryUnit[]>();
  const byDistrict = new Map<string, RegistryUnit[]>();
  const districtOnly = new Map<string, RegistryUnit[]>();
  const circles: UnitClaims['circles'][number][] = [];
  for (const unit of registry.units) {
    if (!unit.active) continue;
    for (const town of unit.area.towns) add(byTown, townKey(town), unit);
    for (const pin of unit.area.pins) add(byPin, pin, unit);
    for (const d of unit.area.districts) add(byDistrict, d, unit);
    for (const d of unit.area.districtOnly) add(districtOnly, d, unit);
    for (const c of unit.area.circles) circles.push({ unit, ...c });
  }
  const claims = { byTown, byPin, byDistrict, districtOnly, circles };
  built.set(registry, claims);
  return claims;
}

/** The units whose circle holds the point (each once). */
export function unitsAround(claims: UnitClaims, lat: number, lon: number): RegistryUnit[] {
  const found: RegistryUnit[] = [];
  for (const c of claims.circles)
    if (!found.includes(c.unit) && distanceKm(lat, lon, c.lat, c.lon) <= c.km) found.push(c.unit);
  return found;
}
