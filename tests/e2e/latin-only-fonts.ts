// A machine without any Devanagari font: a fontconfig that lists only DejaVu. Shared by the specs
// that look at Hindi as such a machine draws it (fonts.spec.ts, feed-cluster.spec.ts).
import fs from 'node:fs';
import { chromium, test, type Browser } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with scripts/test.mjs
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import os from 'node:os';
import path from 'node:path';

export const LATIN_ONLY_FONTS = '/usr/share/fonts/truetype/dejavu';

/** A fontconfig that lists only DejaVu (no Devanagari in it): a machine without Noto Devanagari. */
export function latinOnlyFontconfig(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-fonts-'));
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${LATIN_ONLY_FONTS}</dir>\n  <cachedir>${dir}/cache</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/** Chromium as such a machine runs it; the test is skipped, with the reason, where DejaVu is missing. */
export async function launchLatinOnlyChromium(): Promise<Browser> {
  test.skip(
    !fs.existsSync(LATIN_ONLY_FONTS),
    `${LATIN_ONLY_FONTS} not found: apt-get install fonts-dejavu-core`,
  );
  return chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: CHROMIUM_ARGS as string[],
    env: { ...process.env, FONTCONFIG_FILE: latinOnlyFontconfig() },
  });
}
