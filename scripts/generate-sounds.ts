// Renders the alarm's sound files from the pattern data in renderer/features/alarm/alarm-patterns.ts:
//   npx tsx scripts/generate-sounds.ts          writes resources/sounds/*.wav
//   npx tsx scripts/generate-sounds.ts --check  exits 1 if a committed file differs
// tests/unit/sounds.test.ts makes the same comparison, so the files never drift from the data.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOUND_NAMES, SOUND_SAMPLE_RATE, SOUNDS } from '../renderer/features/alarm/alarm-patterns';
import { renderPattern } from '../renderer/features/alarm/render-pattern';
import { encodeWav } from '../renderer/features/alarm/wav';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sounds');
const check = process.argv.includes('--check');

function readOrNull(path: string): Uint8Array | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

mkdirSync(outDir, { recursive: true });
let differing = 0;
for (const name of SOUND_NAMES) {
  const wav = encodeWav(renderPattern(SOUNDS[name], SOUND_SAMPLE_RATE), SOUND_SAMPLE_RATE);
  const path = join(outDir, `${name}.wav`);
  const current = readOrNull(path);
  const same = current !== null && Buffer.compare(Buffer.from(current), Buffer.from(wav)) === 0;
  if (check) {
    if (!same) differing++;
    console.log(`${same ? 'ok     ' : 'DIFFERS'} ${name}.wav`);
  } else {
    if (!same) writeFileSync(path, wav);
    console.log(`${same ? 'unchanged' : 'wrote    '} ${name}.wav (${wav.length} bytes)`);
  }
}
if (differing > 0) {
  console.error(
    `${differing} sound file(s) differ from the patterns; run: npx tsx scripts/generate-sounds.ts`,
  );
  process.exit(1);
}
