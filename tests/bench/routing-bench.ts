// Routing a flag with the gazetteer loaded once (issue #21): the time of routeLocation over a mix of
// locations as the feed carries them (towns in English and Hindi, spelling variants, ambiguous
// names, unknown names, PINs, coordinates and combinations), and the time to build the gazetteer's
// index, which main does once when it loads routing-data.ts.
import towns from '../../resources/geo/rajasthan-towns.json';
import { routingData } from '../../electron/main/core/routing/routing-data';
import { buildGazetteer, type GazetteerTable } from '../../shared/geo/gazetteer';
import { routeLocation, type RoutableLocation } from '../../shared/routing/route';

const CITIES = [
  'Bhiwadi',
  'Bhiwari',
  'भिवाड़ी',
  'Kishangarh',
  'किशनगढ़',
  'Shahpura',
  'शाहपुरा',
  'Rajgarh',
  'Ramganj Mandi',
  'Shri Ganganager',
  'Kuchaman City',
  'हिंडौन सिटी',
  'Makrana',
  'Kotputli',
  'बहरोड़',
  'Kota',
  'Jodhpur',
  'Rampura',
  'Delhi',
  'Xyzabad',
  'लाडनूं',
  'सरदारशहर',
  'Neem Ka Thana',
  'Gangapur City',
];
const PINS = ['324005', '301404', '303103', '342001', '335001', '110001', '305801'];

/** A deterministic mix (a linear congruential generator, so every run routes the same locations). */
function locations(count: number): RoutableLocation[] {
  let seed = 21;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const kind = next();
    if (kind < 0.5) return { city: pick(CITIES) };
    if (kind < 0.65) return { city: pick(CITIES), pincode: pick(PINS) };
    if (kind < 0.8) return { lat: 23 + next() * 7, lon: 69.5 + next() * 8.5 };
    if (kind < 0.9) return { city: pick(CITIES), lat: 23 + next() * 7, lon: 69.5 + next() * 8.5 };
    return { pincode: pick(PINS) };
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export function benchRouting(count: number) {
  const buildStart = performance.now();
  const gazetteer = buildGazetteer(towns as unknown as GazetteerTable);
  const buildMs = performance.now() - buildStart;
  const all = locations(count);
  for (const l of all.slice(0, 2000)) routeLocation(l, routingData); // warm the JIT
  const times: number[] = [];
  for (const l of all) {
    const start = performance.now();
    routeLocation(l, routingData);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    flags: count,
    places: gazetteer.size,
    buildMs,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: times.at(-1)!,
  };
}
