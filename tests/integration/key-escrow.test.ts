// Key escrow and the restore drill: `lifeline key-escrow export|restore` run from source as a child
// process (like tests/integration/cli.test.ts), and the same restore into the desktop app's keychain
// (safeStorage mocked) after a change of keychain backend.
import { lifeline } from '../helpers/cli';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openEncryptedDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { decryptKey, keyFingerprint } from '../../electron/main/core/key/key-escrow';
import { safeStorageKeyProvider } from '../../electron/main/shell/safe-storage-key';
import { escrowRequest, runEscrowRequest } from '../../electron/main/shell/escrow-mode';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { CANARY, makeFlag } from '../helpers/flags';
import { pageInput, tempDir } from '../helpers/temp-store';

vi.mock('electron', () => ({}));

const PASSPHRASE = 'correct horse battery staple 42';
const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** A data directory with a key file and a database holding two flags, one acknowledged. */
function installation() {
  const dir = tempDir('escrow-');
  const dataDir = path.join(dir, 'data');
  const keyFile = path.join(dir, 'keys', 'db.key');
  const key = crypto.randomBytes(32);
  fs.mkdirSync(path.dirname(keyFile), { mode: 0o700 });
  fs.writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600 });
  const dbFile = path.join(dataDir, 'lifeline.db');
  const store = SqliteStore.open(dbFile, key, { createIfMissing: true });
  store.commitPage(pageInput([makeFlag({ id: 'fl_esc_1' }), makeFlag({ id: 'fl_esc_2' })]));
  store.acknowledge('fl_esc_1', 'Op A', Date.parse('2026-12-01T22:41:07.538Z'));
  addTestAccount(store.database, 'Admin Asha', 'administrator');
  addTestAccount(store.database, 'Op Asha', 'operator');
  store.close();
  const env = { LIFELINE_DATA_DIR: dataDir, LIFELINE_KEY_FILE: keyFile, LIFELINE_PASSWORD: TEST_PASSWORD };
  return { dir, dataDir, keyFile, key, dbFile, env };
}

function auditActions(dbFile: string, key: Buffer) {
  const db = openEncryptedDatabase(dbFile, key, { createIfMissing: false });
  try {
    return db
      .prepare<[], { actor: string; action: string; target: string | null; detail_json: string }>(
        `SELECT actor, action, target, detail_json FROM audit_log WHERE action LIKE 'key.%' ORDER BY seq`,
      )
      .all();
  } finally {
    db.close();
  }
}

function flagStates(dbFile: string, key: Buffer) {
  const store = SqliteStore.open(dbFile, key, { createIfMissing: false });
  try {
    return store.status().flagsByState;
  } finally {
    store.close();
  }
}

describe('key escrow (lifeline key-escrow)', { timeout: 90_000 }, () => {
  it('restore drill: export, lose the key file, restore it, the database opens with the same data', () => {
    const inst = installation();
    const escrow = path.join(inst.dir, 'offline', 'lifeline-key.escrow.json');
    const before = flagStates(inst.dbFile, inst.key);

    const exported = lifeline(['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha'], {
      ...inst.env,
      LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
    });
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(`key fingerprint ${keyFingerprint(inst.key)}`);
    expect(mode(escrow)).toBe(0o600);
    const text = fs.readFileSync(escrow, 'utf8');
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'lifeline-key-escrow',
      version: 1,
      kdf: { name: 'scrypt', logN: 17, r: 8, p: 1 },
      cipher: 'aes-256-gcm',
      fingerprint: keyFingerprint(inst.key),
      createdBy: 'Admin Asha',
    });
    expect(text).not.toContain(inst.key.toString('hex'));
    expect(text).not.toContain(inst.key.toString('base64'));
    expect(text).not.toContain(PASSPHRASE);
    // Exporting again never overwrites the escrow.
    expect(
      lifeline(['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha'], {
        ...inst.env,
        LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
      }).err,
    ).toMatch(/exists already/);

    // The disaster: the key file is gone. The console refuses to start rather than make a new one.
    fs.rmSync(inst.keyFile);
    const blind = lifeline(['status'], inst.env);
    expect(blind.code).not.toBe(0);
    expect(blind.err).toMatch(/key file .* is missing but a database exists/);
    expect(fs.existsSync(inst.keyFile)).toBe(false);

    // The restore, with the passphrase on stdin.
    const restored = lifeline(
      ['key-escrow', 'restore', '--in', escrow, '--by', 'Admin Bilal'],
      inst.env,
      PASSPHRASE + '\n',
    );
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`key restored to ${inst.keyFile}`);
    expect(mode(inst.keyFile)).toBe(0o600);
    expect(fs.readFileSync(inst.keyFile, 'utf8').trim()).toBe(inst.key.toString('hex'));

    expect(flagStates(inst.dbFile, inst.key)).toEqual(before);
    const status = lifeline(['status', '--json'], inst.env);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out).flagsByState).toEqual(before);

    const audit = auditActions(inst.dbFile, inst.key);
    expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual([
      ['Admin Asha', 'key.escrow_exported', keyFingerprint(inst.key)],
      ['Admin Bilal', 'key.escrow_restored', keyFingerprint(inst.key)],
    ]);
    for (const a of audit) expect(a.detail_json).not.toContain(inst.key.toString('hex'));
    const verify = lifeline(['verify'], inst.env);
    expect(verify.out).toContain('verify: ok');
    for (const out of [exported.out, restored.out, status.out, verify.out])
      for (const canary of Object.values(CANARY)) expect(out).not.toContain(canary);
  });

  it('a wrong passphrase is named as such and writes nothing', () => {
    const inst = installation();
    const escrow = path.join(inst.dir, 'escrow.json');
    expect(
      lifeline(['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha'], inst.env, PASSPHRASE).code,
    ).toBe(0);
    fs.rmSync(inst.keyFile);
    const r = lifeline(['key-escrow', 'restore', '--in', escrow, '--by', 'Admin Asha'], {
      ...inst.env,
      LIFELINE_ESCROW_PASSPHRASE: 'not the passphrase at all',
    });
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/Wrong passphrase for the escrow file .*Nothing was written/);
    expect(fs.existsSync(inst.keyFile)).toBe(false);
    expect(fs.readdirSync(path.dirname(inst.keyFile))).toEqual([]);
  });

  it('an altered escrow file fails authentication and writes nothing', () => {
    const inst = installation();
    const escrow = path.join(inst.dir, 'escrow.json');
    expect(
      lifeline(['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha'], {
        ...inst.env,
        LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
      }).code,
    ).toBe(0);
    const original = JSON.parse(fs.readFileSync(escrow, 'utf8')) as Record<string, string>;
    const ct = Buffer.from(original.ciphertext!, 'base64');
    ct[0]! ^= 0x01;
    const cases: Record<string, Record<string, unknown>> = {
      ciphertext: { ...original, ciphertext: ct.toString('base64') },
      createdBy: { ...original, createdBy: 'Someone Else' },
      fingerprint: { ...original, fingerprint: '0123456789abcdef' },
    };
    for (const [field, altered] of Object.entries(cases)) {
      const text = JSON.stringify(altered);
      expect(() => decryptKey(text, PASSPHRASE), field).toThrow(/was altered: .*fail authentication/);
    }
    fs.writeFileSync(escrow, JSON.stringify(cases.ciphertext));
    fs.rmSync(inst.keyFile);
    const r = lifeline(['key-escrow', 'restore', '--in', escrow, '--by', 'Admin Asha'], {
      ...inst.env,
      LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
    });
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/was altered: the passphrase is right but its contents fail authentication/);
    expect(fs.existsSync(inst.keyFile)).toBe(false);

    fs.writeFileSync(escrow, JSON.stringify({ ...original, kdf: { name: 'scrypt', logN: 30, r: 8, p: 1 } }));
    expect(
      lifeline(['key-escrow', 'restore', '--in', escrow, '--by', 'A'], inst.env, PASSPHRASE).err,
    ).toMatch(/fields are missing or altered/);
    fs.writeFileSync(escrow, '{"hello": 1}');
    expect(
      lifeline(['key-escrow', 'restore', '--in', escrow, '--by', 'A'], inst.env, PASSPHRASE).err,
    ).toMatch(/not a Lifeline key escrow file/);
    expect(fs.existsSync(inst.keyFile)).toBe(false);
  });

  it('refuses to restore a key that does not open this database, and keeps the key that is there', () => {
    const a = installation();
    const b = installation();
    const escrow = path.join(a.dir, 'escrow.json');
    expect(
      lifeline(['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha'], {
        ...a.env,
        LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
      }).code,
    ).toBe(0);
    const bKey = fs.readFileSync(b.keyFile);
    const bDb = fs.readFileSync(b.dbFile);
    const r = lifeline(['key-escrow', 'restore', '--in', escrow, '--by', 'Admin Asha'], {
      ...b.env,
      LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
    });
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/does not open .*lifeline\.db\. Nothing was written/);
    expect(fs.readFileSync(b.keyFile)).toEqual(bKey);
    expect(fs.readFileSync(b.dbFile)).toEqual(bDb);
    expect(fs.readdirSync(path.dirname(b.keyFile))).toEqual(['db.key']);
    expect(auditActions(b.dbFile, b.key)).toEqual([]);
  });

  it('wants --by and a passphrase of 16 characters or more, never one given as an argument', () => {
    const inst = installation();
    const escrow = path.join(inst.dir, 'escrow.json');
    const noBy = lifeline(['key-escrow', 'export', '--out', escrow], {
      ...inst.env,
      LIFELINE_ESCROW_PASSPHRASE: PASSPHRASE,
    });
    expect(noBy.err).toMatch(/--by NAME is required/);
    expect(noBy.code).toBe(2);
    const short = lifeline(
      ['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha'],
      inst.env,
      'short pass',
    );
    expect(short.err).toMatch(/at least 16 characters/);
    const asArgument = lifeline(
      ['key-escrow', 'export', '--out', escrow, '--by', 'Admin Asha', '--passphrase', PASSPHRASE],
      inst.env,
    );
    expect(asArgument.code).toBe(2);
    expect(asArgument.err).toMatch(/key-escrow has no option --passphrase\. See lifeline key-escrow --help/);
    expect(fs.existsSync(escrow)).toBe(false);
    expect(auditActions(inst.dbFile, inst.key)).toEqual([]);
    const help = lifeline(['key-escrow', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('LIFELINE_ESCROW_PASSPHRASE');
  });

  it('desktop app: after a keychain change the escrow re-wraps the key with the new keychain', async () => {
    const inst = installation();
    const userData = path.join(inst.dir, 'userData');
    const fakeSafeStorage = (backend: string) =>
      ({
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => backend,
        encryptString: (s: string) => Buffer.from(`${backend}:` + s),
        decryptString: (b: Buffer) => {
          const [tag, hex] = b.toString().split(':');
          if (tag !== backend) throw new Error('Error while decrypting the ciphertext provided');
          return hex!;
        },
      }) as never;
    const provider = (backend: string) =>
      safeStorageKeyProvider(fakeSafeStorage(backend), userData, {
        platform: 'linux',
        allowWeakBackend: false,
      });
    // The key as the desktop app had it, wrapped by KWallet.
    provider('kwallet5').install!(inst.key);
    expect(await provider('kwallet5').obtain({ databaseExists: true })).toEqual(inst.key);

    const escrow = path.join(inst.dir, 'escrow.json');
    // The desktop app asks the database who --by is before the key leaves it.
    const refuse = async () => {
      throw new Error('--by Op Asha: the operator role may not export the key escrow');
    };
    await expect(
      runEscrowRequest(escrowRequest([`--export-key-escrow=${escrow}`, '--by=Op Asha'])!, {
        keyProvider: provider('kwallet5'),
        databaseFile: inst.dbFile,
        passphrase: PASSPHRASE,
        authenticate: refuse,
      }),
    ).rejects.toThrow(/may not export/);
    expect(fs.existsSync(escrow)).toBe(false);
    const exported = await runEscrowRequest(
      escrowRequest([`--export-key-escrow=${escrow}`, '--by=Admin Asha'])!,
      {
        keyProvider: provider('kwallet5'),
        databaseFile: inst.dbFile,
        passphrase: PASSPHRASE,
        authenticate: async (_db, by) => by,
      },
    );
    expect(exported).toContain(keyFingerprint(inst.key));

    // The machine moved to GNOME: the app stops and names both keychains.
    await expect(provider('gnome_libsecret').obtain({ databaseExists: true })).rejects.toThrow(
      /wrapped by the "kwallet5" keychain but this session uses "gnome_libsecret"/,
    );
    const restored = await runEscrowRequest(
      escrowRequest([`--restore-key-escrow=${escrow}`, '--by=Admin Bilal'])!,
      {
        keyProvider: provider('gnome_libsecret'),
        databaseFile: inst.dbFile,
        passphrase: PASSPHRASE,
      },
    );
    expect(restored).toContain('wrapped by this session');
    expect(await provider('gnome_libsecret').obtain({ databaseExists: true })).toEqual(inst.key);
    const files = fs.readdirSync(userData).sort();
    expect(files.filter((f) => f.startsWith('db.key.wrapped.replaced-'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('db.key.backend.replaced-'))).toHaveLength(1);
    expect(mode(path.join(userData, 'db.key.wrapped'))).toBe(0o600);
    expect(mode(path.join(userData, 'db.key.backend'))).toBe(0o600);
    expect(auditActions(inst.dbFile, inst.key).map((a) => [a.actor, a.action])).toEqual([
      ['Admin Asha', 'key.escrow_exported'],
      ['Admin Bilal', 'key.escrow_restored'],
    ]);
  });
});
