// The first administrator made from the command line on a machine where no desk has run yet (as
// the README and docs/operations.md promise): `lifeline account add` creates the key and the
// encrypted database as a host's first start would, with the same refusals.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifeline } from '../helpers/cli';
import { tempDir } from '../helpers/temp-store';

const addAdmin = ['account', 'add', '--name', 'Admin Asha', '--role', 'administrator', '--by', 'Installer'];
const NEW_PASSWORD = { LIFELINE_NEW_PASSWORD: 'admin pass 1' };

describe('lifeline account add on an empty data directory', () => {
  it('creates the key and the database, and the administrator in it', () => {
    const dir = tempDir();
    const env = {
      LIFELINE_DATA_DIR: path.join(dir, 'data'),
      LIFELINE_KEY_FILE: path.join(dir, 'keys', 'db.key'),
    };
    const r = lifeline(addAdmin, { ...env, ...NEW_PASSWORD });
    expect(r.err).toBe('');
    expect(r.out).toContain('added Admin Asha (administrator)');
    expect(fs.statSync(env.LIFELINE_KEY_FILE).mode & 0o777).toBe(0o600);
    expect(lifeline(['account', 'list'], env).out).toContain('Admin Asha\tadministrator');
    expect(lifeline(['status'], env).code).toBe(0);
  });

  it('refuses, creating nothing, where a key exists without a database (a wrong or unmounted directory)', () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'db.key');
    fs.writeFileSync(keyFile, 'ab'.repeat(32) + '\n', { mode: 0o600 });
    const env = { LIFELINE_DATA_DIR: path.join(dir, 'not-mounted'), LIFELINE_KEY_FILE: keyFile };
    const r = lifeline(addAdmin, { ...env, ...NEW_PASSWORD });
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/No database in .*not-mounted, but a key already exists/);
    expect(fs.readdirSync(dir)).toEqual(['db.key']);
  });

  it('names the flag when --data-dir is a file, and creates no key', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const r = lifeline(
      [...addAdmin, '--data-dir', path.join(dir, 'a-file'), '--key-file', path.join(dir, 'k')],
      NEW_PASSWORD,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--data-dir / LIFELINE_DATA_DIR: ${path.join(dir, 'a-file')} is a file.`);
    expect(fs.readdirSync(dir)).toEqual(['a-file']);
  });

  it('still opens, never creates, for the other commands', () => {
    const dir = tempDir();
    const env = { LIFELINE_DATA_DIR: path.join(dir, 'data'), LIFELINE_KEY_FILE: path.join(dir, 'db.key') };
    expect(lifeline(['account', 'list'], env).err).toMatch(/No database in /);
    expect(lifeline(['purge', '--by', 'Admin Asha'], env).err).toMatch(/No database in /);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
