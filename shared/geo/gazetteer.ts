// The gazetteer: Rajasthan's towns (with coordinates and population) and the localities of its post
// offices, each with its district, indexed by the keys of place-keys.ts. It only says what the
// sources say, all of it: which districts a name is in, most likely first. Whether that is enough
// to route is the routing rule's call (shared/routing/city-evidence.ts). Built once from the
// generated table (resources/geo/rajasthan-towns.json, scripts/generate-towns.ts), which main
// bundles and hands in: shared/ reads no files.
import { distanceKm } from './distance';
import { editDistance, placeKey, soundKey, spellingKey } from './place-keys';

export { distanceKm } from './distance';

/** The generated table's shape: towns as [name, district key, lat, lon, population or 0]. */
export interface GazetteerTable {
  /** lat and lon are null for a town known as a fact of scripts/town-overrides.ts only. */
  towns: readonly (readonly [string, string, number | null, number | null, number])[];
  /** District key → locality names joined by '|'. */
  localities: Readonly<Record<string, string>>;
  /** placeKeys of large cities outside Rajasthan joined by '|': "Delhi" is not a variant of Deoli. */
  elsewhere: string;
}

interface Entry {
  name: string;
  spelling: string;
  districtKey: string;
  /** A town of GeoNames (with coordinates), or a post office's locality (without). */
  town: boolean;
  population: number;
  lat: number | null;
  lon: number | null;
}

/** One district a name is in, with the best-known place of that name there. */
export interface PlaceInDistrict {
  districtKey: string;
  name: string;
  population: number;
  lat: number | null;
  lon: number | null;
}

export interface PlaceMatch {
  /** The gazetteer's spelling of the best-known place found. */
  name: string;
  /** 'exact': the name as a source writes it; 'sound': only a spelling variant matched. */
  via: 'exact' | 'sound';
  /** Towns outrank post-office localities: where a town has the name, villages of it are left out. */
  kind: 'town' | 'locality';
  /** Every district the name is in, the most populous place first. */
  districts: PlaceInDistrict[];
  /** Districts where only a village (a post office's locality) has the name, besides the towns. */
  villagesElsewhere: string[];
}

export interface NearestTown {
  name: string;
  districtKey: string;
  km: number;
}

export interface Gazetteer {
  lookup(name: string): PlaceMatch | null;
  nearestTown(lat: number, lon: number): NearestTown | null;
  readonly size: number;
}

function add(index: Map<string, Entry[]>, key: string, entry: Entry) {
  if (key.length < 2) return;
  const list = index.get(key);
  if (list) list.push(entry);
  else index.set(key, [entry]);
}

function match(entries: readonly Entry[], via: PlaceMatch['via']): PlaceMatch {
  const towns = entries.filter((e) => e.town);
  const kept = towns.length > 0 ? towns : entries;
  const best = new Map<string, Entry>();
  for (const e of kept) {
    const seen = best.get(e.districtKey);
    if (!seen || e.population > seen.population) best.set(e.districtKey, e);
  }
  const districts = [...best.values()]
    .sort((a, b) => b.population - a.population || a.districtKey.localeCompare(b.districtKey))
    .map(({ districtKey, name, population, lat, lon }) => ({ districtKey, name, population, lat, lon }));
  const villagesElsewhere = [
    ...new Set(entries.filter((e) => !e.town && !best.has(e.districtKey)).map((e) => e.districtKey)),
  ].sort();
  return {
    name: districts[0]!.name,
    via,
    kind: towns.length > 0 ? 'town' : 'locality',
    districts,
    villagesElsewhere,
  };
}

/**
 * Of the places whose skeleton matches, the ones spelt closest (शाहपुरा is Shahpura, not Sheopur),
 * if close enough to be the same name. English is compared letter for letter: Bhiwari/Bhiwadi and
 * Ganganager/Ganganagar are one edit apart, Mandrail/Mandal and Shahbad/Sawar are not variants.
 * Hindi writes the vowels English drops, so it is compared on the spellingKey.
 */
function closest(entries: readonly Entry[], name: string, hindi: boolean, most: number): Entry[] {
  const typed = hindi ? spellingKey(name) : placeKey(name);
  const distances = entries.map((e) => editDistance(typed, hindi ? e.spelling : placeKey(e.name)));
  const distance = Math.min(...distances);
  const limit = hindi
    ? Math.max(most, Math.floor(typed.length * 0.35))
    : Math.min(most, typed.length >= 9 ? 2 : 1);
  return distance <= limit ? entries.filter((_, i) => distances[i] === distance) : [];
}

const DEVANAGARI = /[\u0900-\u097f]/;
/** A town's variant beats a village's exact name when this close (Chomu/Chomun). */
const TOWN_OVER_VILLAGE_EDITS = 1;
/** Edits a variant may differ by at most (Hindi: more, in proportion to length). */
const VARIANT_EDITS = 2;
/** A village is found by a variant only from Hindi, and only this close. */
const VILLAGE_VARIANT_EDITS = 2;
// "Hindaun City", हिंडौन सिटी, "Kota Town": the town's own name, when the whole is not known.
const QUALIFIER = /[\s-]+(city|town|सिटी|शहर)$/iu;

export function buildGazetteer(table: GazetteerTable): Gazetteer {
  const exact = new Map<string, Entry[]>();
  const townSounds = new Map<string, Entry[]>();
  const villageSounds = new Map<string, Entry[]>();
  const located: Entry[] = [];
  let size = 0;
  for (const [name, districtKey, lat, lon, population] of table.towns) {
    const entry = { name, spelling: spellingKey(name), districtKey, town: true, population, lat, lon };
    if (lat !== null && lon !== null) located.push(entry);
    add(exact, placeKey(name), entry);
    add(townSounds, soundKey(name), entry);
    size++;
  }
  for (const [districtKey, names] of Object.entries(table.localities))
    for (const name of names.split('|')) {
      const entry = {
        name,
        spelling: spellingKey(name),
        districtKey,
        town: false,
        population: 0,
        lat: null,
        lon: null,
      };
      add(exact, placeKey(name), entry);
      add(villageSounds, soundKey(name), entry);
      size++;
    }
  const elsewhere = new Set(table.elsewhere.split('|'));

  const find = (name: string): PlaceMatch | null => {
    const key = placeKey(name);
    if (key.length < 3) return null;
    const found = exact.get(key);
    // Hindi is transliterated with every inherent vowel, so its exact key is trusted only on a town
    // (शाहपुरा is "sahapura", a village in Dholpur, before it is Shahpura).
    const hindi = DEVANAGARI.test(name);
    if (found?.some((e) => e.town)) return match(found, 'exact');
    if (elsewhere.has(key)) return null; // "Delhi" is not a variant of Deoli
    const towns = townSounds.get(soundKey(name));
    if (towns) {
      const near = closest(towns, name, hindi, found && !hindi ? TOWN_OVER_VILLAGE_EDITS : VARIANT_EDITS);
      if (near.length > 0) return match(near, 'sound');
    }
    if (found) return match(found, 'exact');
    const villages = hindi ? villageSounds.get(soundKey(name)) : undefined;
    const near = villages ? closest(villages, name, true, VILLAGE_VARIANT_EDITS) : [];
    return near.length > 0 ? match(near, 'sound') : null;
  };

  return {
    size,
    lookup(name) {
      const text = name.trim();
      const found = find(text);
      if (found) return found;
      // A final anusvara is written or not (लाडनूं, Ladnun); a qualifier may be added.
      if (/[\u0901\u0902]$/.test(text)) return find(text.slice(0, -1));
      return QUALIFIER.test(text) ? find(text.replace(QUALIFIER, '')) : null;
    },
    nearestTown(lat, lon) {
      let nearest: NearestTown | null = null;
      // A degree of latitude is 111 km: a cheap bound skips most towns before the exact distance.
      for (const t of located) {
        if (nearest && Math.abs(t.lat! - lat) * 111 > nearest.km) continue;
        const km = distanceKm(lat, lon, t.lat!, t.lon!);
        if (!nearest || km < nearest.km) nearest = { name: t.name, districtKey: t.districtKey, km };
      }
      return nearest;
    },
  };
}
