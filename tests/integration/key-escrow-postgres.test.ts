// The key escrow on a shared PostgreSQL (LIFELINE_DATABASE_URL): the same command as on SQLite
// (key-escrow.test.ts), its key checked against the database's keyring read-only, its records in the
// shared audit trail; a key that does not open the database is never escrowed nor restored.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../electron/main/core/key/key-escrow';
import { openPostgresStore } from '../../electron/main/core/store/postgres/open-postgres';
import { lifeline } from '../helpers/cli';
import { TEST_PASSWORD, testPasswordHash } from '../helpers/accounts';
import { makeFlag } from '../helpers/flags';
import { pageInput, tempDir } from '../helpers/temp-store';
import { createTestDatabase, type TestDatabase } from '../helpers/test-pg';

const PASSPHRASE = 'correct horse battery staple 42';
let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

async function installation() {
  db = await createTestDatabase();
  const dir = tempDir('escrow-pg-');
  const keyFile = path.join(dir, 'db.key');
  const key = crypto.randomBytes(32);
  fs.writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600 });
  const { admin } = await openPostgresStore({ url: db.url, key, createIfMissing: true });
  await admin.commitPage(pageInput([makeFlag({ id: 'fl_pg_esc_1' })]));
  await admin.createAccount(
    { name: 'Admin Asha', role: 'administrator', passwordHash: testPasswordHash() },
    'test set-up',
    0,
  );
  await admin.close();
  const env = {
    LIFELINE_DATABASE_URL: db.url,
    LIFELINE_KEY_FILE: keyFile,
    LIFELINE_DATA_DIR: path.join(dir, 'no-sqlite-here'),
    LIFELINE_PASSWORD: TEST_PASSWORD,
  };
  return { dir, keyFile, key, env };
}

/** The trail's key entries (actor, action, target), read straight from the server. */
async function escrowEntries(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ actor: string; action: string; target: string | null }>(
      "SELECT actor, action, target FROM audit_log WHERE action LIKE 'key.%' ORDER BY seq",
    );
    return rows.map((r) => [r.actor, r.action, r.target]);
  } finally {
    await client.end();
  }
}

describe('key escrow on PostgreSQL', { timeout: 90_000 }, () => {
  it('export, lose the key file, restore it: the same key opens the shared database, both recorded', async () => {
    const inst = await installation();
    const escrow = path.join(inst.dir, 'offline', 'lifeline-key.escrow.json');
    const exported = lifeline(['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha'], {
      ...inst.env,
      LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
    });
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(`key fingerprint ${keyFingerprint(inst.key)}`);
    expect(fs.readFileSync(escrow, 'utf8')).not.toContain(inst.key.toString('hex'));

    fs.rmSync(inst.keyFile);
    const restored = lifeline(
      ['key-escrow', 'restore', '--in', escrow, '--by', 'Admin Bilal'],
      inst.env,
      PASSPHRASE + '\n',
    );
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('it opens the shared PostgreSQL database');
    expect(fs.readFileSync(inst.keyFile, 'utf8').trim()).toBe(inst.key.toString('hex'));

    expect(await escrowEntries(db!.url)).toEqual([
      ['Admin Asha', 'key.escrow_exported', keyFingerprint(inst.key)],
      ['Admin Bilal', 'key.escrow_restored', keyFingerprint(inst.key)],
    ]);
    expect(lifeline(['verify', '--database-url', db!.url], inst.env).out).toContain('verify: ok');
  });

  it('never escrows a key that does not open the database, and writes nothing', async () => {
    const inst = await installation();
    const other = path.join(inst.dir, 'other.key');
    fs.writeFileSync(other, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
    const escrow = path.join(inst.dir, 'wrong.escrow.json');
    const refused = lifeline(
      ['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha', '--key-file', other],
      {
        ...inst.env,
        LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
      },
    );
    expect(refused.code).not.toBe(0);
    expect(fs.existsSync(escrow)).toBe(false);
    expect(await escrowEntries(db!.url)).toEqual([]);
  });
});
