import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeStorageKeyProvider } from '../../../electron/main/shell/safe-storage-key';
import { tempDir } from '../../helpers/temp-store';

vi.mock('electron', () => ({}));

function fakeSafeStorage(backend: string) {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (s: string) => Buffer.from('wrapped:' + s),
    decryptString: (b: Buffer) => b.toString().replace(/^wrapped:/, ''),
  } as never;
}

describe('safeStorage key provider', () => {
  it('creates a wrapped key on first run and unwraps the same key later', async () => {
    const dir = tempDir();
    const provider = safeStorageKeyProvider(fakeSafeStorage('gnome_libsecret'), dir, {
      platform: 'linux',
      allowWeakBackend: false,
    });
    const key = await provider.obtain({ databaseExists: false });
    expect(key).toHaveLength(32);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'db.key.backend'), 'utf8'))).toMatchObject({
      version: 1,
      backend: 'gnome_libsecret',
      platform: 'linux',
    });
    expect(fs.statSync(path.join(dir, 'db.key.wrapped')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'db.key.backend')).mode & 0o777).toBe(0o600);
    expect(await provider.obtain({ databaseExists: true })).toEqual(key);
  });

  it('refuses the basic_text backend unless the operator opts in', async () => {
    const dir = tempDir();
    await expect(
      safeStorageKeyProvider(fakeSafeStorage('basic_text'), dir, {
        platform: 'linux',
        allowWeakBackend: false,
      }).obtain({ databaseExists: false }),
    ).rejects.toThrow(/does not protect the key/);
    expect(fs.readdirSync(dir)).toEqual([]);
    const key = await safeStorageKeyProvider(fakeSafeStorage('basic_text'), dir, {
      platform: 'linux',
      allowWeakBackend: true,
    }).obtain({
      databaseExists: false,
    });
    expect(key).toHaveLength(32);
  });

  it('stops on a change of keychain backend instead of re-keying', async () => {
    const dir = tempDir();
    await safeStorageKeyProvider(fakeSafeStorage('kwallet5'), dir, {
      platform: 'linux',
      allowWeakBackend: false,
    }).obtain({ databaseExists: false });
    const before = fs.readFileSync(path.join(dir, 'db.key.wrapped'));
    await expect(
      safeStorageKeyProvider(fakeSafeStorage('gnome_libsecret'), dir, {
        platform: 'linux',
        allowWeakBackend: false,
      }).obtain({ databaseExists: true }),
    ).rejects.toThrow(/wrapped by the "kwallet5" keychain/);
    expect(fs.readFileSync(path.join(dir, 'db.key.wrapped'))).toEqual(before);
  });

  it('never makes a new key when the wrapped key is gone but the database exists', async () => {
    const dir = tempDir();
    await expect(
      safeStorageKeyProvider(fakeSafeStorage('gnome_libsecret'), dir, {
        platform: 'linux',
        allowWeakBackend: false,
      }).obtain({ databaseExists: true }),
    ).rejects.toThrow(/missing but a database exists/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('safeStorage backend recorded beside the key', () => {
  const linux = (backend: string, dir: string, allowWeakBackend = false) =>
    safeStorageKeyProvider(fakeSafeStorage(backend), dir, { platform: 'linux', allowWeakBackend });
  const snapshot = (dir: string) =>
    Object.fromEntries(
      fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('hex')]),
    );

  it('records the platform name on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const dir = tempDir();
      const storage = {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: vi.fn(() => 'unknown'),
        encryptString: (s: string) => Buffer.from('wrapped:' + s),
        decryptString: (b: Buffer) => b.toString().replace(/^wrapped:/, ''),
      };
      const provider = safeStorageKeyProvider(storage as never, dir, { platform, allowWeakBackend: false });
      const key = await provider.obtain({ databaseExists: false });
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'db.key.backend'), 'utf8'))).toMatchObject({
        backend: platform,
        platform,
      });
      expect(await provider.obtain({ databaseExists: true })).toEqual(key);
      expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
    }
  });

  it('stops, naming both backends, when the keychain fell back to basic_text — even with --allow-weak-keychain', async () => {
    const dir = tempDir();
    await linux('gnome_libsecret', dir).obtain({ databaseExists: false });
    const before = snapshot(dir);
    for (const allowWeak of [false, true]) {
      const error = await linux('basic_text', dir, allowWeak)
        .obtain({ databaseExists: true })
        .catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain(
        'wrapped by the "gnome_libsecret" keychain but this session uses "basic_text"',
      );
      expect(message).toContain('does not protect the key');
      expect(message).toMatch(/restore the previous keyring/);
      expect(message).toMatch(/restore the key from the escrow: lifeline-console --restore-key-escrow=FILE/);
      expect(message).toContain('no new database was created');
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('stops when a key wrapped under basic_text meets a real keyring (the escrow re-wraps it)', async () => {
    const dir = tempDir();
    await linux('basic_text', dir, true).obtain({ databaseExists: false });
    const before = snapshot(dir);
    await expect(linux('kwallet5', dir).obtain({ databaseExists: true })).rejects.toThrow(
      /wrapped by the "basic_text" keychain but this session uses "kwallet5"\. Log in/,
    );
    // The same weak backend later still needs the operator's explicit consent.
    await expect(linux('basic_text', dir).obtain({ databaseExists: true })).rejects.toThrow(
      /does not protect the key/,
    );
    expect(await linux('basic_text', dir, true).obtain({ databaseExists: true })).toHaveLength(32);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a wrapped key whose backend record is missing, and reads the first plain-text record', async () => {
    const dir = tempDir();
    const key = await linux('kwallet5', dir).obtain({ databaseExists: false });
    fs.writeFileSync(path.join(dir, 'db.key.backend'), 'kwallet5\n', { mode: 0o600 });
    expect(await linux('kwallet5', dir).obtain({ databaseExists: true })).toEqual(key);
    fs.rmSync(path.join(dir, 'db.key.backend'));
    const before = snapshot(dir);
    await expect(linux('kwallet5', dir).obtain({ databaseExists: true })).rejects.toThrow(
      /record of the keychain that wrapped the key .* is missing or unreadable/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('says so when the same keychain cannot unwrap the key (a reset keyring), without re-keying', async () => {
    const dir = tempDir();
    await linux('gnome_libsecret', dir).obtain({ databaseExists: false });
    const before = snapshot(dir);
    const resetKeyring = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: vi.fn(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    await expect(
      safeStorageKeyProvider(resetKeyring as never, dir, {
        platform: 'linux',
        allowWeakBackend: false,
      }).obtain({
        databaseExists: true,
      }),
    ).rejects.toThrow(/"gnome_libsecret" keychain could not unwrap .* restore the key from the escrow/);
    expect(resetKeyring.encryptString).not.toHaveBeenCalled();
    expect(snapshot(dir)).toEqual(before);
  });

  it('install (escrow restore) wraps the key with the current keychain and keeps the old files aside', async () => {
    const dir = tempDir();
    await linux('kwallet5', dir).obtain({ databaseExists: false });
    const restored = Buffer.alloc(32, 7);
    linux('gnome_libsecret', dir).install!(restored);
    expect(await linux('gnome_libsecret', dir).obtain({ databaseExists: true })).toEqual(restored);
    const files = fs.readdirSync(dir);
    expect(files.filter((f) => f.includes('.replaced-'))).toHaveLength(2);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).mode & 0o777, f).toBe(0o600);
    // Never onto a weak keychain without consent.
    expect(() => linux('basic_text', tempDir()).install!(restored)).toThrow(/does not protect the key/);
  });
});
