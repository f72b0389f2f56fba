// A machine without any Devanagari font: a fontconfig that lists only DejaVu. Shared by the specs
// that look at Hindi as such a machine draws it (fonts.spec.ts, feed-cluster.spec.ts).
import fs from 'node:fs';
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
