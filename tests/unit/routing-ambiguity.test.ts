// Ambiguity is said, not guessed (issue #21): a name in several districts goes to the supervisor
// with its candidates unless other evidence settles it; and, as a property over many locations,
// adding a weaker piece of evidence never overrides a stronger one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import table from '../../resources/geo/rajasthan-pincodes.json';
import { routingData } from '../../electron/main/core/routing/routing-data';
import { DISTRICTS } from '../../shared/geo/districts';
import { routeLocation, type RoutableLocation, type Route } from '../../shared/routing/route';

const candidatesOf = (route: Route) => route.candidates.map((c) => c.districtKey);

// [city as typed, the districts of its places, most populous first]
const AMBIGUOUS: [string, string[]][] = [
  ['Shahpura', ['jaipur', 'bhilwara']],
  ['शाहपुरा', ['jaipur', 'bhilwara']],
  ['SHAHPURA ', ['jaipur', 'bhilwara']],
  ['Rajgarh', ['churu', 'alwar']],
  ['राजगढ़', ['churu', 'alwar']],
  ['Sanganer', ['bhilwara', 'jaipur']],
  ['Ramsar', ['ajmer', 'barmer', 'bikaner']],
];

describe('a name in several districts', () => {
  it.each(AMBIGUOUS)('%s goes to the supervisor with its candidates', (city, districts) => {
    const route = routeLocation({ city }, routingData);
    expect(route.outcome).toBe('ambiguous');
    expect(route.unitKey).toBeNull();
    expect(route.confidence).toBeNull();
    expect(candidatesOf(route)).toEqual(districts);
    for (const c of route.candidates) {
      expect(c.unitKey).toBe(`${c.districtKey}-control-room`);
      expect(c.basis).toBe('city');
    }
  });

  it('is settled by a named district among its places', () => {
    const route = routeLocation({ city: 'Shahpura', district: 'Bhilwara' }, routingData);
    expect([route.unitKey, route.confidence]).toEqual(['bhilwara-control-room', 'high']);
    expect(candidatesOf(route)).toEqual(['jaipur', 'bhilwara']);
  });

  it('is settled by a PIN or a point in one of its places, with medium confidence', () => {
    const byPin = routeLocation({ city: 'Shahpura', pincode: '303103' }, routingData);
    expect([byPin.unitKey, byPin.confidence]).toEqual(['jaipur-control-room', 'medium']);
    const byPoint = routeLocation({ city: 'Rajgarh', lat: 28.64, lon: 75.38 }, routingData);
    expect([byPoint.unitKey, byPoint.confidence]).toEqual(['churu-control-room', 'medium']);
  });

  it('contradicted by a named district elsewhere, is a conflict that names every candidate', () => {
    const route = routeLocation({ city: 'Shahpura', district: 'Kota' }, routingData);
    expect(route.outcome).toBe('conflict');
    expect(candidatesOf(route)).toEqual(['jaipur', 'bhilwara', 'kota']);
    expect(route.candidates.at(-1)!.basis).toBe('district');
  });

  it('goes to a place many times larger, with medium confidence, naming the others', () => {
    const route = routeLocation({ city: 'Kishangarh' }, routingData);
    expect([route.unitKey, route.confidence]).toEqual(['ajmer-control-room', 'medium']);
    expect(candidatesOf(route)).toEqual(['ajmer', 'khairthal-tijara']);
    // Khairthal's PIN or a point in Kishangarh Bas chooses the smaller place.
    const byPin = routeLocation({ city: 'Kishangarh', pincode: '301404' }, routingData);
    expect(byPin.unitKey).toBe('khairthal-tijara-control-room');
    const byPoint = routeLocation({ city: 'Kishangarh', lat: 27.82, lon: 76.73 }, routingData);
    expect(byPoint.unitKey).toBe('khairthal-tijara-control-room');
  });

  it('goes to the one town of a name, with medium confidence, naming where villages have it', () => {
    const route = routeLocation({ city: 'Ramgarh' }, routingData);
    expect([route.unitKey, route.confidence]).toEqual(['sikar-control-room', 'medium']);
    expect(candidatesOf(route)[0]).toBe('sikar');
    expect(candidatesOf(route)).toContain('alwar');
    const inAlwar = routeLocation({ city: 'Ramgarh', district: 'Alwar' }, routingData);
    expect([inAlwar.unitKey, inAlwar.confidence]).toEqual(['alwar-control-room', 'high']);
  });

  it('an abolished district that was also a town is not read as a district from the city field', () => {
    expect(routeLocation({ district: 'Shahpura' }, routingData).unitKey).toBe('bhilwara-control-room');
    expect(routeLocation({ city: 'Shahpura' }, routingData).outcome).toBe('ambiguous');
  });
});

const RANK = { high: 3, medium: 2, low: 1 } as const;
const rank = (route: Route) => (route.confidence ? RANK[route.confidence] : 0);

const cities = fc.oneof(
  fc.constantFrom(
    'Kota',
    'Shahpura',
    'Rajgarh',
    'Kishangarh',
    'Bhiwadi',
    'भिवाड़ी',
    'Ramganj Mandi',
    'Gangapur',
    'Kekri',
    'Makrana',
    'Rampura',
    'Delhi',
    'Jodhpur',
    'Sanganer',
  ),
  fc.string({ maxLength: 12 }),
);
const districts = fc.constantFrom(...DISTRICTS.map((d) => d.en), 'Kekri', 'Dudu', 'Gwalior', 'कोटा');
const pins = fc.oneof(
  fc.constantFrom(...Object.keys(table.pins).slice(0, 400), '324005', '301404', '303103', '110001'),
  fc.stringMatching(/^\d{6}$/),
);
const points = fc.record({
  lat: fc.double({ min: 22.5, max: 30.5, noNaN: true }),
  lon: fc.double({ min: 69, max: 78.5, noNaN: true }),
});

/** Where the stronger evidence may still lead: its district, or another of the city's places. */
function allowed(strong: Route): Set<string | null> {
  return new Set([strong.districtKey, ...candidatesOf(strong)]);
}

function neverOverridden(strong: Route, withWeaker: Route) {
  if (strong.outcome === 'unit') {
    expect(withWeaker.outcome).toBe('unit');
    expect(allowed(strong).has(withWeaker.districtKey)).toBe(true);
    expect(rank(withWeaker)).toBeLessThanOrEqual(rank(strong));
  } else if (strong.outcome === 'ambiguous') {
    expect(['ambiguous', 'unit']).toContain(withWeaker.outcome);
    if (withWeaker.outcome === 'unit') expect(allowed(strong).has(withWeaker.districtKey)).toBe(true);
  } else if (strong.outcome !== 'unknown') {
    // Outside Rajasthan, or a contradiction between city and district: still the supervisor's.
    expect(withWeaker.outcome).toBe(strong.outcome);
  }
}

describe('property: weaker evidence never overrides stronger', () => {
  it('a PIN or coordinates added to a city and district', () => {
    fc.assert(
      fc.property(
        cities,
        fc.option(districts),
        fc.option(pins),
        fc.option(points),
        (city, district, pincode, point) => {
          const named: RoutableLocation = { city, district };
          const strong = routeLocation(named, routingData);
          if (strong.outcome === 'unknown') return;
          neverOverridden(strong, routeLocation({ ...named, pincode, ...point }, routingData));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('coordinates added to a PIN', () => {
    fc.assert(
      fc.property(pins, points, (pincode, point) => {
        const strong = routeLocation({ pincode }, routingData);
        if (strong.outcome === 'unknown') return;
        const withPoint = routeLocation({ pincode, ...point }, routingData);
        neverOverridden(strong, withPoint);
        if (strong.outcome === 'unit') expect(withPoint.districtKey).toBe(strong.districtKey);
      }),
      { numRuns: 3000 },
    );
  });
});
