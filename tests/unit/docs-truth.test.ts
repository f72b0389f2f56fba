// The README and docs/ must stay true to the code: every flag and every LIFELINE_* variable they
// name exists in the code, every one the code reads is documented somewhere, and every relative
// link (with its #anchor) resolves. The code is read as text here, not imported, because the
// option tables live inside command functions; the patterns below are the shapes those tables
// are written in (parseArgs option objects, the shell's argv checks, ENV constants).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, kebab } from '../../electron/main/core/config/host-config';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // docs/_incoming holds engineers' drafts until the lead merges them into docs/.
      if (entry.name !== 'node_modules' && entry.name !== '_incoming') out.push(...filesUnder(rel, pattern));
    } else if (pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const docFiles = ['README.md', ...filesUnder('docs', /\.md$/)];
const docs = docFiles.map((f) => ({ file: f, text: read(f) }));
const codeFiles = ['electron', 'shared', 'renderer', 'scripts', 'bin'].flatMap((d) =>
  filesUnder(d, /\.(ts|tsx|mjs|cjs)$/),
);

/** Chromium's switches on the browser wall's command line (docs/operations.md, wall PC setup and the room setup). */
const CHROMIUM_SWITCHES = [
  'kiosk',
  'disable-background-timer-throttling',
  'disable-renderer-backgrounding',
  'disable-backgrounding-occluded-windows',
  'autoplay-policy',
  'noerrdialogs',
  'disable-session-crashed-bubble',
  // A browser wall or desk of a room core (`lifeline serve`) pins the core's key with these two.
  'ignore-certificate-errors-spki-list',
  'user-data-dir',
];

/** Flags of other programs shown in the docs' commands (npm, npx, electron-builder, @electron/fuses, Chromium). */
// PostgreSQL's tools (createuser, pg_dump, pg_restore), in the state deployment's runbook.
const DATABASE_TOOL_FLAGS = [
  'pwprompt',
  'replication',
  'no-owner',
  'list',
  'exit-on-error',
  'single-transaction',
];
const OTHER_PROGRAMS_FLAGS = new Set([
  'app',
  'yes',
  'config',
  'publish',
  'help',
  ...CHROMIUM_SWITCHES,
  ...DATABASE_TOOL_FLAGS,
]);

function codeFlags(): Set<string> {
  const flags = new Set<string>();
  // Host configuration: one flag per ENV entry (LIFELINE_DB_KEY has no flag).
  for (const key of Object.keys(ENV)) if (key !== 'keyEnv') flags.add(kebab(key));
  // The CLI's parseArgs option objects: `name: { type: 'string' }` or `'kebab-name': { type: … }`.
  for (const file of filesUnder('electron/main/cli', /\.ts$/)) {
    for (const m of read(file).matchAll(
      /(?:'([a-z][a-z-]*)'|\b([a-z][a-zA-Z]*))\s*:\s*\{\s*type:\s*'(?:string|boolean)'/g,
    ))
      flags.add(m[1] ?? m[2]!);
  }
  // The Electron shell reads argv by hand: '--wall', and `--${name}=` through a helper taking the name.
  for (const file of filesUnder('electron/main/shell', /\.ts$/)) {
    const text = read(file);
    for (const m of text.matchAll(/'--([a-z][a-z-]+)'/g)) flags.add(m[1]!);
    for (const m of text.matchAll(/\b(?:value|argValue)\(args, '([a-z][a-z-]+)'\)/g)) flags.add(m[1]!);
  }
  // Every flag the code names to people — help texts, error messages, comments — whatever builds its
  // option table (e.g. one derived from a constant). `--name.x` is a decrement, not a flag.
  for (const dir of ['electron/main/cli', 'electron/main/shell', 'electron/main/core/config'])
    for (const file of filesUnder(dir, /\.ts$/))
      for (const m of read(file).matchAll(/(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\w.[])/g))
        flags.add(m[1]!);
  flags.delete('help');
  return flags;
}

function codeVariables(): Set<string> {
  const vars = new Set<string>(Object.values(ENV));
  for (const file of codeFiles) {
    const text = read(file);
    // Read as env.LIFELINE_X / process.env.LIFELINE_X, or named as a whole string constant
    // ('LIFELINE_X'); LIFELINE_READY is a line the host prints, not a variable, and never matches.
    for (const m of text.matchAll(/\benv\.(LIFELINE_[A-Z0-9_]+)/g)) vars.add(m[1]!);
    for (const m of text.matchAll(/'(LIFELINE_[A-Z0-9_]+)'/g)) vars.add(m[1]!);
  }
  return vars;
}

function documented(pattern: RegExp): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { file, text } of docs)
    for (const m of text.matchAll(pattern)) found.set(m[1]!, [...(found.get(m[1]!) ?? []), file]);
  return found;
}

describe('the README and docs/ are true to the code', () => {
  const flagsInCode = codeFlags();
  const flagsInDocs = documented(/(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/g);
  const varsInCode = codeVariables();
  const varsInDocs = documented(/\b(LIFELINE_[A-Z0-9_]*[A-Z0-9])\b/g);

  it('finds the code it checks (a guard against patterns that silently match nothing)', () => {
    for (const flag of ['data-dir', 'by', 'older-than-days', 'renderer-dir', 'wall', 'export-key-escrow'])
      expect(flagsInCode, flag).toContain(flag);
    for (const v of ['LIFELINE_FEED_URL', 'LIFELINE_PASSWORD', 'LIFELINE_WALL'])
      expect(varsInCode).toContain(v);
  });

  it('names no flag the code does not have', () => {
    const unknown = [...flagsInDocs]
      .filter(([flag]) => !flagsInCode.has(flag) && !OTHER_PROGRAMS_FLAGS.has(flag))
      .map(([flag, files]) => `--${flag} (in ${[...new Set(files)].join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('documents every flag the code has', () => {
    expect([...flagsInCode].filter((f) => !flagsInDocs.has(f)).map((f) => `--${f}`)).toEqual([]);
  });

  it('names no LIFELINE_* variable the code does not read', () => {
    const unknown = [...varsInDocs]
      .filter(([v]) => !varsInCode.has(v))
      .map(([v, files]) => `${v} (in ${[...new Set(files)].join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('documents every LIFELINE_* variable the code reads', () => {
    expect([...varsInCode].filter((v) => !varsInDocs.has(v))).toEqual([]);
  });

  it('has relative links that resolve, anchors included', () => {
    const broken: string[] = [];
    for (const { file, text } of docs) {
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1]!;
        if (/^[a-z]+:/i.test(link)) continue; // https:, mailto: — not ours to check offline
        const [target, anchor] = link.split('#') as [string, string | undefined];
        const resolved = target === '' ? file : path.join(path.dirname(file), target);
        if (!fs.existsSync(path.join(root, resolved))) {
          broken.push(`${file}: ${link} (no ${resolved})`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor))
          broken.push(`${file}: ${link} (no heading #${anchor} in ${resolved})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}
