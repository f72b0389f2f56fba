import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgres } from '../scripts/find-postgres.mjs';

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
// The PostgreSQL server for the store's tests (scripts/find-postgres.mjs): found, or started for this
// run and stopped after it; with none, the PostgreSQL tests fail with the reason (never skip).
export default async function setup() {
  buildIfMissing();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-vitest-'));
  process.env.LIFELINE_TEST_ROOT = root;
  const postgres = await findPostgres();
  if (postgres.url) process.env.LIFELINE_TEST_PG_URL = postgres.url;
  else process.env.LIFELINE_TEST_PG_ERROR = postgres.error;
  return () => {
    postgres.stop?.();
    fs.rmSync(root, { recursive: true, force: true });
  };
}
