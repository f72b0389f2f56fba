// The unpacked native module is checked against the SHA-256 recorded at packaging (issue #15 item
// 15): the electron-builder hooks record and re-check it, the app refuses to start on a mismatch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NATIVE_MANIFEST, verifyNativeIntegrity } from '../../../electron/main/shell/native-integrity';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the hooks are CommonJS, as electron-builder loads them
const beforePack = require('../../../scripts/native-integrity-before-pack.cjs').default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const afterPack = require('../../../scripts/native-integrity-after-pack.cjs').default;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, content: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** A project with a native module, packed by the hooks into a Linux-style app directory. */
async function packedApp() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'native-integrity-'));
  dirs.push(root);
  const project = path.join(root, 'project');
  const moduleFile = 'better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node';
  write(path.join(project, 'node_modules', moduleFile), 'the real module');
  write(path.join(project, 'node_modules', 'other/index.js'), 'not native');
  fs.mkdirSync(path.join(project, 'out/main'), { recursive: true });
  const context = {
    packager: { projectDir: project, appInfo: { productFilename: 'Lifeline Console' } },
    appOutDir: path.join(root, 'linux-unpacked'),
    electronPlatformName: 'linux',
  };
  await beforePack(context);
  const unpacked = path.join(context.appOutDir, 'resources/app.asar.unpacked/node_modules');
  write(path.join(unpacked, moduleFile), 'the real module');
  await afterPack(context);
  return { manifest: path.join(project, 'out/main', NATIVE_MANIFEST), unpacked, moduleFile, context };
}

describe('native module integrity', () => {
  it('passes the module as packed', async () => {
    const app = await packedApp();
    expect(verifyNativeIntegrity(app.manifest, app.unpacked)).toBe(1);
  });

  it('refuses a swapped module, naming it', async () => {
    const app = await packedApp();
    fs.writeFileSync(path.join(app.unpacked, app.moduleFile), 'a tampered module');
    expect(() => verifyNativeIntegrity(app.manifest, app.unpacked)).toThrow(
      /linux-x64\.node differs from the file recorded at packaging/,
    );
    // The packaging hook would have refused to ship it too.
    await expect(afterPack(app.context)).rejects.toThrow(/does not match/);
  });

  it('refuses a .node file that was not recorded at packaging', async () => {
    const app = await packedApp();
    write(path.join(app.unpacked, 'evil/evil.node'), 'planted');
    expect(() => verifyNativeIntegrity(app.manifest, app.unpacked)).toThrow(
      /evil\/evil\.node is not in the list recorded at packaging/,
    );
  });

  it('fails closed without a valid manifest', async () => {
    const app = await packedApp();
    fs.writeFileSync(app.manifest, JSON.stringify({ algorithm: 'sha256', files: { x: 'nothex' } }));
    expect(() => verifyNativeIntegrity(app.manifest, app.unpacked)).toThrow(/hex SHA-256/);
    fs.rmSync(app.manifest);
    expect(() => verifyNativeIntegrity(app.manifest, app.unpacked)).toThrow(/missing or unreadable/);
  });
});
