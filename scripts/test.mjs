// `npm test`: everything CI runs, in order, and one closing line "N passed, N failed" summed from
// both runners' JSON reports. Sets up what it can (finds Chromium; installs Debian's when root
// with apt and none is found) and says exactly what to do otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';
import { findPostgres } from './find-postgres.mjs';

const results = 'test-results';
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
const node = process.execPath;
const step = (title, args, env = {}) => {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const r = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return r.status === 0;
};

let chromium = findChromium();
if (!chromium && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
  console.log("No Chromium found; installing Debian's (chromium, fonts-noto-core, poppler-utils)…");
  spawnSync(
    'sh',
    [
      '-c',
      'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-core poppler-utils',
    ],
    { stdio: 'inherit' },
  );
  chromium = findChromium();
}
if (!chromium) {
  console.error('\n' + HOW_TO_GET_CHROMIUM);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The store's suite runs against PostgreSQL too: found, or a throwaway cluster for this run.
const postgres = await findPostgres();
if (!postgres.url) {
  console.error('\n' + postgres.error);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
process.env.LIFELINE_TEST_PG_URL = postgres.url;
process.on('exit', () => postgres.stop());

const okStatic =
  step('typecheck', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.shared.json']) &&
  step('typecheck node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node.json']) &&
  step('typecheck web', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.web.json']) &&
  step('lint', ['node_modules/eslint/bin/eslint.js', '.']) &&
  step('format', ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']) &&
  step('build', ['node_modules/electron-vite/bin/electron-vite.js', 'build']);

const okUnit = step('vitest (unit, integration, fault)', [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${results}/vitest.json`,
]);
const okE2e =
  okStatic &&
  step('playwright (e2e in Chromium)', ['node_modules/@playwright/test/cli.js', 'test'], {
    CHROMIUM_PATH: chromium,
  });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const v = JSON.parse(fs.readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} catch {
  failed += 1; // no report means the runner itself failed
}
try {
  const p = JSON.parse(fs.readFileSync(`${results}/playwright.json`, 'utf8'));
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  skipped += p.stats.skipped;
} catch {
  failed += 1;
}
if (!okStatic) failed += 1;
const ok = okStatic && okUnit && okE2e && failed === 0;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
