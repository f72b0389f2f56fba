// Routing through a unit registry other than the shipped one (issue #23): Jaipur split into a
// commissionerate (the city's PINs and towns) and a rural police district, and Bhiwadi, a police
// district the revenue map does not have. The most specific claim wins (PIN or town before the
// district); two claimants, or none, leave the flag to the supervisor with the candidates.
import { describe, expect, it } from 'vitest';
import { routingData } from '../../electron/main/core/routing/routing-data';
import { routeLocation, type RoutableLocation } from '../../shared/routing/route';
import {
  DEFAULT_UNIT_REGISTRY,
  emptyArea,
  type RegistryUnit,
  type UnitRegistry,
} from '../../shared/routing/unit-registry';

const JAIPUR_CITY_PINS = Object.entries(
  (await import('../../resources/geo/rajasthan-pincodes.json')).default.pins as Record<string, string>,
)
  .filter(([pin, district]) => district === 'jaipur' && pin.startsWith('302'))
  .map(([pin]) => pin);

const unit = (
  id: string,
  kind: RegistryUnit['kind'],
  district: string,
  area: Partial<RegistryUnit['area']>,
) => ({
  id,
  en: `${id} police (test)`,
  hi: `${id} पुलिस (परीक्षण)`,
  kind,
  district,
  contacts: [],
  active: true,
  replacedBy: [],
  area: { ...emptyArea(), ...area },
});

/** Jaipur's district control room retired: its area is the commissionerate's and the rural police's. */
const SPLIT: UnitRegistry = {
  units: [
    ...DEFAULT_UNIT_REGISTRY.units.map((u) =>
      u.id === 'jaipur-control-room'
        ? { ...u, active: false, replacedBy: ['jaipur-commissionerate', 'jaipur-rural'] }
        : u,
    ),
    unit('jaipur-commissionerate', 'commissionerate', 'jaipur', {
      towns: ['Jaipur', 'जयपुर', 'Sanganer', 'Amer'],
      pins: JAIPUR_CITY_PINS,
    }),
    unit('jaipur-rural', 'rural', 'jaipur', { districts: ['jaipur'] }),
    unit('bhiwadi', 'police-district', 'khairthal-tijara', { towns: ['Bhiwadi'], pins: ['301019'] }),
  ],
};
const withRegistry = (registry: UnitRegistry) => ({ ...routingData, registry });
const route = (location: RoutableLocation, registry = SPLIT) =>
  routeLocation(location, withRegistry(registry));

describe('routing through the unit registry', () => {
  it('sends the city of Jaipur to the commissionerate and a village of the district to rural', () => {
    expect(JAIPUR_CITY_PINS.length).toBeGreaterThan(20);
    for (const pincode of JAIPUR_CITY_PINS)
      expect(route({ pincode }), pincode).toMatchObject({
        unitKey: 'jaipur-commissionerate',
        basis: 'pincode',
      });
    expect(route({ city: 'Jaipur' })).toMatchObject({
      unitKey: 'jaipur-commissionerate',
      confidence: 'high',
    });
    expect(route({ city: 'जयपुर', district: 'Jaipur' }).unitKey).toBe('jaipur-commissionerate');
    // Achrol: a village of Jaipur district (India Post's localities), not in the city.
    expect(route({ city: 'Achrol' })).toMatchObject({ unitKey: 'jaipur-rural', districtKey: 'jaipur' });
    expect(route({ pincode: '303702' }).unitKey).toBe('jaipur-rural');
    expect(route({ district: 'Jaipur' }).unitKey).toBe('jaipur-rural');
    // A village's name with a city PIN: the PIN is the claim, more specific than the district.
    expect(route({ city: 'Achrol', pincode: '302017' }).unitKey).toBe('jaipur-commissionerate');
    // The shipped registry still knows one Jaipur control room for all of it.
    expect(route({ pincode: '302017' }, DEFAULT_UNIT_REGISTRY).unitKey).toBe('jaipur-control-room');
    expect(route({ city: 'Achrol' }, DEFAULT_UNIT_REGISTRY).unitKey).toBe('jaipur-control-room');
  });

  it('routes to a police district the revenue map does not have', () => {
    expect(route({ city: 'Bhiwadi' })).toMatchObject({ unitKey: 'bhiwadi', districtKey: 'khairthal-tijara' });
    expect(route({ pincode: '301019' }).unitKey).toBe('bhiwadi');
    expect(route({ city: 'Tijara' }).unitKey).toBe('khairthal-tijara-control-room');
  });

  it('gives a place two units claim to the supervisor, with both as candidates', () => {
    const contested: UnitRegistry = {
      units: SPLIT.units.map((u) =>
        u.id === 'jaipur-rural' ? { ...u, area: { ...u.area, towns: ['Sanganer'] } } : u,
      ),
    };
    const r = route({ city: 'Sanganer' }, contested);
    expect(r).toMatchObject({ outcome: 'ambiguous', unitKey: null, confidence: null });
    expect(r.candidates).toEqual([
      { districtKey: 'jaipur', unitKey: 'jaipur-commissionerate', basis: 'city' },
      { districtKey: 'jaipur', unitKey: 'jaipur-rural', basis: 'city' },
    ]);
    // Two units covering the whole district, and nothing finer: the same.
    const twice: UnitRegistry = {
      units: SPLIT.units.map((u) =>
        u.id === 'jaipur-commissionerate' ? { ...u, area: { ...u.area, districts: ['jaipur'] } } : u,
      ),
    };
    const d = route({ district: 'Jaipur' }, twice);
    expect(d.outcome).toBe('ambiguous');
    expect(d.candidates.map((c) => c.unitKey)).toEqual(['jaipur-commissionerate', 'jaipur-rural']);
  });

  it('gives a place no unit claims to the supervisor', () => {
    const uncovered: UnitRegistry = {
      units: SPLIT.units.map((u) => (u.id === 'jaipur-rural' ? { ...u, area: emptyArea() } : u)),
    };
    expect(route({ district: 'Jaipur' }, uncovered)).toMatchObject({ outcome: 'unknown', unitKey: null });
    expect(route({ city: 'Achrol' }, uncovered).unitKey).toBeNull();
  });

  it('lets an inactive unit claim nothing', () => {
    // The retired control room still lists Jaipur district: it takes none of its flags.
    expect(SPLIT.units.find((u) => u.id === 'jaipur-control-room')!.area.districts).toEqual(['jaipur']);
    const retired: UnitRegistry = {
      units: SPLIT.units.map((u) =>
        u.id === 'jaipur-commissionerate' ? { ...u, active: false, replacedBy: ['jaipur-rural'] } : u,
      ),
    };
    expect(route({ pincode: '302017' }, retired).unitKey).toBe('jaipur-rural');
    expect(route({ city: 'Jaipur' }, retired).unitKey).toBe('jaipur-rural');
  });
});
