// The routing rule on a table of cases: spellings, Hindi, abolished districts, PINs, coordinates,
// borders, contradictions and empty locations. "Supervisor decides" (unitKey null) is the answer
// whenever the location cannot say, never a guess.
import { describe, expect, it } from 'vitest';
import { routingData } from '../../electron/main/core/routing/routing-data';
import { DEFAULT_POLICE_UNITS, policeUnitByKey } from '../../shared/routing/police-units';
import { routeLocation, type RoutableLocation } from '../../shared/routing/route';

type Case = [string, RoutableLocation | null, string | null, string, string | null];
// [what, location, unit (null = supervisor decides), outcome or basis, confidence]
const CASES: Case[] = [
  ['Kota city by name', { district: 'Kota', city: 'Kota' }, 'kota-city', 'city', 'high'],
  ['Kota city in Hindi', { city: 'कोटा' }, 'kota-city', 'city', 'high'],
  ['Kota district, no town', { district: 'KOTA ' }, 'kota-city', 'district', 'medium'],
  // The gazetteer knows Ramganj Mandi: the town, not only the district, says where (issue #21).
  ['Kota district, a rural town', { district: 'Kota', city: 'Ramganj Mandi' }, 'kota-rural', 'city', 'high'],
  ['Kota city PIN only', { pincode: '324005' }, 'kota-city', 'pincode', 'high'],
  ['Kota rural PIN', { pincode: '325003' }, 'kota-rural', 'pincode', 'medium'],
  [
    'Kota district, point in Sangod, outside the city',
    { district: 'Kota', lat: 24.92, lon: 76.29 },
    'kota-rural',
    'district',
    'high',
  ],
  // 24.95 N 75.6 E is Rawatbhata, Chittorgarh district (Census 2011 polygons): the named district
  // still routes, the point only lowers the confidence, and it is not Kota city.
  [
    'Kota district, point across the border',
    { district: 'Kota', lat: 24.95, lon: 75.6 },
    'kota-rural',
    'district',
    'low',
  ],
  ['Jodhpur', { district: 'Jodhpur' }, 'jodhpur-control-room', 'district', 'high'],
  ['Jodhpur in Hindi', { district: 'जोधपुर' }, 'jodhpur-control-room', 'district', 'high'],
  ['old spelling Chittaurgarh', { district: 'Chittaurgarh' }, 'chittorgarh-control-room', 'district', 'high'],
  ['misspelt Jhujhunu', { district: 'Jhujhunu' }, 'jhunjhunu-control-room', 'district', 'high'],
  ['nukta-less Hindi बाडमेर', { district: 'बाडमेर' }, 'barmer-control-room', 'district', 'high'],
  ['with "district"', { district: 'Bikaner District' }, 'bikaner-control-room', 'district', 'high'],
  ['abolished Dudu → Jaipur', { district: 'Dudu' }, 'jaipur-control-room', 'district', 'high'],
  ['abolished Anupgarh', { district: 'अनूपगढ़' }, 'sri-ganganagar-control-room', 'district', 'high'],
  ['abolished Kekri, split: no guess', { district: 'Kekri' }, null, 'unknown', null],
  ['new district Phalodi', { district: 'Phalodi' }, 'phalodi-control-room', 'district', 'high'],
  ['city is a district HQ', { city: 'Udaipur' }, 'udaipur-control-room', 'city', 'high'],
  ['PIN of a new district HQ', { pincode: '344022' }, 'balotra-control-room', 'pincode', 'medium'],
  ['PIN in a district that gave area away', { pincode: '342001' }, 'jodhpur-control-room', 'pincode', 'low'],
  ['PIN elsewhere', { pincode: '335001' }, 'sri-ganganagar-control-room', 'pincode', 'medium'],
  ['PIN outside Rajasthan', { pincode: '110001' }, null, 'outside-rajasthan', 'high'],
  ['PIN spanning two districts', { pincode: '303302' }, null, 'unknown', null],
  ['coordinates in Kota city', { lat: 25.16, lon: 75.83 }, 'kota-city', 'coordinates', 'medium'],
  // Within 5 km of a town: medium (tests/unit/routing-coordinates.test.ts measures the band).
  [
    'coordinates near Jaisalmer',
    { lat: 26.9, lon: 70.95 },
    'jaisalmer-control-room',
    'coordinates',
    'medium',
  ],
  ['coordinates far from any town', { lat: 27.5, lon: 70.5 }, 'jaisalmer-control-room', 'coordinates', 'low'],
  ['coordinates in Delhi', { lat: 28.61, lon: 77.21 }, null, 'outside-rajasthan', 'medium'],
  ['coordinates in Mumbai', { lat: 19.07, lon: 72.88 }, null, 'outside-rajasthan', 'high'],
  [
    'named district wins over a far PIN',
    { district: 'Ajmer', pincode: '324005' },
    'ajmer-control-room',
    'district',
    'low',
  ],
  ['city and district disagree', { district: 'Jodhpur', city: 'Kota' }, null, 'conflict', null],
  ['a district outside Rajasthan', { district: 'Gwalior' }, null, 'unknown', null],
  ['empty strings', { district: '', city: '  ', pincode: null }, null, 'unknown', null],
  ['no location', null, null, 'unknown', null],
];

describe('routing rule', () => {
  it.each(CASES)('%s', (_what, location, unit, basisOrOutcome, confidence) => {
    const route = routeLocation(location, routingData);
    expect(route.unitKey).toBe(unit);
    if (unit === null) expect(route.outcome).toBe(basisOrOutcome === 'pincode' ? 'unknown' : basisOrOutcome);
    else expect(route.basis).toBe(basisOrOutcome);
    expect(route.confidence).toBe(confidence);
  });

  it('names a unit for every district of Rajasthan, and the unit exists', () => {
    const keys = new Set(DEFAULT_POLICE_UNITS.map((u) => u.key));
    expect(keys.size).toBe(DEFAULT_POLICE_UNITS.length);
    expect(DEFAULT_POLICE_UNITS).toHaveLength(42); // 41 districts, Kota split into City and Rural
    for (const unit of DEFAULT_POLICE_UNITS) {
      const route = routeLocation(
        { district: unit.districtKey === 'kota' ? 'Kota' : unit.en.split(' district')[0] },
        routingData,
      );
      expect(policeUnitByKey(route.unitKey)).toBeDefined();
    }
  });
});
