// docs/glossary.md is the glossary for people; shared/i18n/glossary.ts is the same list as data that
// the tests enforce. This keeps the two from drifting apart: every concept's word, every word to
// avoid and every allowed Latin token of the data must be on the page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, LATIN_ALLOWED } from '../../shared/i18n/glossary';

const page = fs.readFileSync(path.join(__dirname, '../../docs/glossary.md'), 'utf8').normalize('NFC');
const onPage = (s: string) => page.includes(s.normalize('NFC'));

describe('docs/glossary.md', () => {
  it('gives every concept’s Hindi word', () => {
    const missing = GLOSSARY.filter((c) => !onPage(`**${c.use}**`)).map((c) => `${c.concept}: ${c.use}`);
    expect(missing).toEqual([]);
  });

  it('lists every word to avoid', () => {
    const missing = GLOSSARY.flatMap((c) =>
      c.avoid.filter((a) => !onPage(`~~${a.term}~~`)).map((a) => a.term),
    );
    expect(missing).toEqual([]);
  });

  it('lists every Latin token allowed in Hindi strings', () => {
    expect(LATIN_ALLOWED.filter((l) => !onPage(`\`${l.token}\``)).map((l) => l.token)).toEqual([]);
  });
});
