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
    expect(fs.readFileSync(path.join(dir, 'db.key.backend'), 'utf8').trim()).toBe('gnome_libsecret');
    expect(fs.statSync(path.join(dir, 'db.key.wrapped')).mode & 0o777).toBe(0o600);
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
