// A missing code must fail a test, not silently show English on a Hindi desk: no desk-reachable
// ContractError or InvokeError is built from a sentence.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Host-side errors that only the CLI and the host log show (startup, keys, config, opening the
 * database): they may still carry a sentence, which a desk shows as the generic "see the host log".
 * Anything else that builds a ContractError from a string would show English on a Hindi desk.
 */
const SENTENCE_ALLOWED = [
  'electron/main/core/key/',
  'electron/main/core/config/',
  'electron/main/core/host/host-tokens.ts',
  'electron/main/core/store/sqlite/open-database.ts',
  'electron/main/core/store/sqlite/worker-entry.ts',
  // Start-up of `lifeline serve` (its certificate, its listen address) and the device commands of
  // the CLI: only the administrator at the core's console sees these, in English.
  'electron/main/core/net/core-certificate.ts',
  'electron/main/core/host/contract-listener.ts',
  // The device commands' refusals, for either engine (store/device-row.ts).
  'electron/main/core/store/device-row.ts',
  'electron/main/core/store/device-units.ts',
  // Whether a key opens the file (`lifeline verify`, the key escrow): the key holder's words, as key/.
  'electron/main/core/store/sqlite/sqlite-verify.ts',
  // Opening the PostgreSQL store (its key check, its schema): host-side.
  'electron/main/core/store/postgres/field-crypto.ts',
  'electron/main/core/store/postgres/keyring.ts',
  'electron/main/core/store/postgres/migrations.ts',
  'electron/main/core/store/postgres/open-postgres.ts',
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('errors a desk can see carry a code', () => {
  it('no ContractError or InvokeError is built from a sentence outside the host-only files', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    for (const dir of ['shared', 'electron/main/core', 'renderer']) {
      for (const file of sourceFiles(path.join(root, dir))) {
        const relative = path.relative(root, file).split(path.sep).join('/');
        if (SENTENCE_ALLOWED.some((allowed) => relative.startsWith(allowed))) continue;
        const text = fs.readFileSync(file, 'utf8');
        // A kind then a string literal / template as the message; or a hand-built error envelope.
        const sentence = /new (?:ContractError|InvokeError)\(\s*(?:'[a-z_]+'|[\w.]+)\s*,\s*['"`]/g;
        const envelope = /new InvokeError\(\{\s*kind:|error:\s*\{\s*kind:\s*'[a-z_]+',\s*message:/g;
        for (const match of [...text.matchAll(sentence), ...text.matchAll(envelope)])
          offenders.push(`${relative}:${text.slice(0, match.index).split('\n').length}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
