// The police units a flag can go to. Revenue districts are not police jurisdictions: Kota has a
// City and a Rural police district, and the command centre that watches the feed is Kota City's.
// The protocol's rule routes every other district to its district control room. Control-room
// contacts are not shipped: they come from police headquarters and are entered on site.
import { z } from 'zod';
import { DISTRICTS } from '../geo/districts';

export interface PoliceUnit {
  readonly key: string;
  readonly en: string;
  readonly hi: string;
  /** The revenue district the unit serves. */
  readonly districtKey: string;
  /** Control-room telephone, entered by the administrator; null until then. */
  readonly contact: string | null;
}

export const KOTA_CITY_UNIT = 'kota-city';
export const KOTA_RURAL_UNIT = 'kota-rural';
/** A district's control room; Kota's is Kota Rural (Kota City is routed on its own). */
export const districtUnitKey = (districtKey: string) =>
  districtKey === 'kota' ? KOTA_RURAL_UNIT : `${districtKey}-control-room`;

export const DEFAULT_POLICE_UNITS: readonly PoliceUnit[] = [
  {
    key: KOTA_CITY_UNIT,
    en: 'Kota City Police (via the command centre)',
    hi: 'कोटा शहर पुलिस (कमांड सेंटर के माध्यम से)',
    districtKey: 'kota',
    contact: null,
  },
  {
    key: KOTA_RURAL_UNIT,
    en: 'Kota Rural Police control room',
    hi: 'कोटा ग्रामीण पुलिस कंट्रोल रूम',
    districtKey: 'kota',
    contact: null,
  },
  ...DISTRICTS.filter((d) => d.key !== 'kota').map((d) => ({
    key: districtUnitKey(d.key),
    en: `${d.en} district police control room`,
    hi: `${d.hi} ज़िला पुलिस कंट्रोल रूम`,
    districtKey: d.key,
    contact: null,
  })),
];

const byKey = new Map(DEFAULT_POLICE_UNITS.map((u) => [u.key, u]));
export const policeUnitByKey = (key: string | null): PoliceUnit | undefined =>
  key === null ? undefined : byKey.get(key);

/** A control-room number as an administrator may enter it: digits, spaces, + and - only. */
export const unitContactSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'contact: a telephone number (digits, spaces, + and -)');
