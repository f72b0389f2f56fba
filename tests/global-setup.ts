import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Tests of the built app (the built page's CSP, `npm start`) need out/. `npm test` builds before
// vitest; a vitest run on its own in a fresh clone builds here, once, rather than skip them.
function buildIfMissing() {
  const root = path.resolve(__dirname, '..');
  const needed = ['out/renderer/index.html', 'out/main/cli.js'];
  if (needed.every((f) => fs.existsSync(path.join(root, f)))) return;
  console.log('out/ is not built: building it first (npm run build) for the tests of the built app.');
  const r = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('npm run build failed; the tests of the built app cannot run.');
}

// One directory per run (runs of several sessions on one machine must not remove each other's
// databases); test databases hold only invented people, and are still removed after the run.
export default function setup() {
  buildIfMissing();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-vitest-'));
  process.env.LIFELINE_TEST_ROOT = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
