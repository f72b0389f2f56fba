// The police units by id, as the rest of the console names them. The units themselves are the
// registry's (unit-registry.ts: data, edited by an administrator); this module keeps the shipped
// registry's view that code written before the registry reads (names of the shipped units), and the
// control-room number rule. Control-room contacts are not shipped: they come from police headquarters.
import { DEFAULT_UNIT_REGISTRY } from './unit-registry';

export { unitContactSchema } from './unit-contact';

export interface PoliceUnit {
  readonly key: string;
  readonly en: string;
  readonly hi: string;
  /** The revenue district the unit serves. */
  readonly districtKey: string;
  /** Control-room telephone, entered by the administrator; null until then. */
  readonly contact: string | null;
}

/** Kota City's unit: the command centre's own, which the map draws apart from Kota district. */
export const KOTA_CITY_UNIT = 'kota-city';
export const KOTA_RURAL_UNIT = 'kota-rural';

/** The shipped registry's units (42: Kota City, Kota Rural and 40 district control rooms). */
export const DEFAULT_POLICE_UNITS: readonly PoliceUnit[] = DEFAULT_UNIT_REGISTRY.units.map((u) => ({
  key: u.id,
  en: u.en,
  hi: u.hi,
  districtKey: u.district,
  contact: null,
}));

const byKey = new Map(DEFAULT_POLICE_UNITS.map((u) => [u.key, u]));
export const policeUnitByKey = (key: string | null): PoliceUnit | undefined =>
  key === null ? undefined : byKey.get(key);
