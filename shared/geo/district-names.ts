// Resolves a district name as feeds write it (English or Hindi, old or new spelling, abolished
// 2023 districts) to a district key. Ambiguous or unknown names resolve to null: the console says
// "unknown" rather than guessing.
import { ABOLISHED_DISTRICTS, DISTRICTS } from './districts';

/** Old and variant spellings seen in Census, postal and police usage. */
const ALIASES: Readonly<Record<string, string>> = {
  chittaurgarh: 'chittorgarh',
  chittor: 'chittorgarh',
  ganganagar: 'sri-ganganagar',
  shriganganagar: 'sri-ganganagar',
  jalor: 'jalore',
  jhunjhunun: 'jhunjhunu',
  jhujhunu: 'jhunjhunu',
  dhaulpur: 'dholpur',
  khairthal: 'khairthal-tijara',
  kotputli: 'kotputli-behror',
  didwana: 'didwana-kuchaman',
  kuchamancity: 'didwana-kuchaman',
  salumber: 'salumbar',
  beawer: 'beawar',
  sawaimadhopur: 'sawai-madhopur',
  karoli: 'karauli',
};

export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u093c/g, '') // nukta: ड़ and ड are written both ways
    .replace(/\u0902|\u0901/g, 'ं') // anusvara and chandrabindu
    .replace(/[\s\-_.,'()]+/g, '')
    .replace(/(district|zila|jila|जिला)$/u, '');
}

const byName = new Map<string, string>();
for (const d of DISTRICTS) {
  byName.set(normaliseName(d.en), d.key);
  byName.set(normaliseName(d.hi), d.key);
}
for (const [alias, key] of Object.entries(ALIASES)) byName.set(alias, key);
for (const a of ABOLISHED_DISTRICTS) {
  // An abolished district whose area went back to one district resolves there; one split between
  // several does not resolve by name alone.
  if (a.mergedInto.length === 1) {
    byName.set(normaliseName(a.en), a.mergedInto[0]!);
    byName.set(normaliseName(a.hi), a.mergedInto[0]!);
  }
}

// A current district's name or alias only: an abolished district's name is also a town's (Shahpura
// is a town in Bhilwara and one in Jaipur), so a city field is not read as one.
const currentByName = new Map<string, string>();
for (const d of DISTRICTS) {
  currentByName.set(normaliseName(d.en), d.key);
  currentByName.set(normaliseName(d.hi), d.key);
}
for (const [alias, key] of Object.entries(ALIASES)) currentByName.set(alias, key);

export function currentDistrictKeyOf(name: string | null | undefined): string | null {
  if (!name) return null;
  return currentByName.get(normaliseName(name)) ?? null;
}

export function districtKeyOf(name: string | null | undefined): string | null {
  if (!name) return null;
  return byName.get(normaliseName(name)) ?? null;
}

export function districtByKey(key: string | null): (typeof DISTRICTS)[number] | undefined {
  return key === null ? undefined : DISTRICTS.find((d) => d.key === key);
}
