// A first start with a wrong path is refused before anything is created, naming the flag, the path
// and the rule; a first start that fails later (here: its port is taken) removes what it created,
// so the next, correct start is not refused by a key left behind. Run from source as a child process.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole } from '../../electron/main/core/start-console';
import type { KeyProvider } from '../../electron/main/core/key/key-provider';
import { startWorkerStore } from '../../electron/main/core/store/sqlite/worker-store';
import { storeWorkerLocation } from '../../electron/main/core/store/sqlite/worker-location';
import { lifeline } from '../helpers/cli';
import { tempDir } from '../helpers/temp-store';

const listing = (dir: string) => fs.readdirSync(dir).sort();
/** A stand-in for the built renderer, so that the host gets as far as its paths when run from source. */
function rendererIn(dir: string): string[] {
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  return ['--renderer-dir', renderer];
}
let occupied: net.Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (occupied ? occupied.close(() => resolve()) : resolve()));
  occupied = null;
});

describe('the first start of a host, an import or the first administrator', () => {
  it('refuses a --data-dir that is a file, naming the flag, the path and the rule, and creates no key', () => {
    const dir = tempDir();
    const notADir = path.join(dir, 'a-file');
    fs.writeFileSync(notADir, 'not a directory');
    const keyFile = path.join(dir, 'keys', 'db.key');
    for (const command of [
      ['host', ...rendererIn(dir)],
      ['import', notADir, '--by', 'Admin Asha'],
      ['account', 'add', '--name', 'Admin Asha', '--role', 'administrator', '--by', 'Installer'],
    ]) {
      const r = lifeline([...command, '--data-dir', notADir, '--key-file', keyFile], {
        LIFELINE_NEW_PASSWORD: 'admin pass 1',
      });
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`--data-dir / LIFELINE_DATA_DIR: ${notADir} is a file.`);
      expect(r.err).toContain('It must be a directory');
      expect(r.err).not.toMatch(/ENOTDIR|Internal error/);
    }
    expect(listing(dir)).toEqual(['a-file', 'renderer']);
  });

  it('refuses a --data-dir below a file, and a --key-file that is a directory', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const below = path.join(dir, 'a-file', 'data');
    const renderer = rendererIn(dir);
    const r1 = lifeline(['host', ...renderer, '--data-dir', below, '--key-file', path.join(dir, 'db.key')]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain(`--data-dir / LIFELINE_DATA_DIR: ${below} cannot be created: `);
    expect(r1.err).toContain('is a file, not a directory');
    fs.mkdirSync(path.join(dir, 'keydir'));
    const r2 = lifeline([
      'host',
      ...renderer,
      '--data-dir',
      path.join(dir, 'data'),
      '--key-file',
      path.join(dir, 'keydir'),
    ]);
    expect(r2.code, r2.err).toBe(2);
    expect(r2.err).toContain(`--key-file / LIFELINE_KEY_FILE: ${path.join(dir, 'keydir')} is a directory.`);
    expect(listing(dir)).toEqual(['a-file', 'keydir', 'renderer']);
  });

  it('leaves nothing behind when a first host start fails after making its key, so the next start works', async () => {
    const dir = tempDir();
    occupied = net.createServer();
    await new Promise<void>((resolve) => occupied!.listen(0, '127.0.0.1', resolve));
    const port = (occupied.address() as net.AddressInfo).port;
    const renderer = rendererIn(dir);
    const paths = ['--data-dir', path.join(dir, 'data'), '--key-file', path.join(dir, 'keys', 'db.key')];
    const r = lifeline(['host', ...paths, ...renderer, '--port', String(port)]);
    expect(r.code, r.err).not.toBe(0);
    expect(listing(dir)).toEqual(['renderer']); // no data directory, no key directory, no key

    // The next first start (here the first administrator's, which also makes the key and the
    // database) is not refused because of anything the failed one left.
    const next = lifeline(
      ['account', 'add', '--name', 'Admin Asha', '--role', 'administrator', '--by', 'Installer', ...paths],
      { LIFELINE_NEW_PASSWORD: 'admin pass 1' },
    );
    expect(next.err).toBe('');
    expect(next.code).toBe(0);
  });

  it("startConsole (the desktop app's way in) removes the key its provider made when the store then fails", async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'userData', 'db.key.wrapped');
    // A provider that writes its key file, then hands over a key the store refuses (wrong length).
    const provider: KeyProvider = {
      describe: () => 'test provider',
      exists: () => fs.existsSync(keyFile),
      createdFiles: () => [keyFile],
      async obtain() {
        fs.mkdirSync(path.dirname(keyFile), { recursive: true });
        fs.writeFileSync(keyFile, 'wrapped');
        return Buffer.alloc(16);
      },
    };
    await expect(
      startConsole({
        dataDir: path.join(dir, 'userData', 'data'),
        keyProvider: provider,
        host: 'electron',
        version: 'test',
        pollIntervalMs: 2000,
        simRate: 0,
      }),
    ).rejects.toThrow(/key/i);
    expect(listing(dir)).toEqual([]);
  });

  it('the store worker names the path and the cause when the file system refuses the database', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const file = path.join(dir, 'a-file', 'lifeline.db');
    const opening = startWorkerStore({
      ...storeWorkerLocation(),
      file,
      key: new Uint8Array(32),
      createIfMissing: true,
    });
    await expect(opening).rejects.toThrow(
      `The database ${file} cannot be opened: a part of its path is a file, not a directory (ENOTDIR).`,
    );
  });
});
