// Finds a PostgreSQL server for the tests: $LIFELINE_TEST_PG_URL, else one on 127.0.0.1:5432 (trust,
// user root or postgres). If none answers and this is root on Debian, starts a throwaway cluster from
// Debian's binaries (installing `postgresql` when apt is there) in a temporary directory and stops it
// at the end. Otherwise it says the one command that gets one: the PostgreSQL tests then FAIL with
// that message, never skip. Plain JavaScript: scripts/test.mjs and tests/global-setup.ts share it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const HOW_TO_GET_POSTGRES =
  'No PostgreSQL server for the tests. Get one with:\n' +
  '  sudo apt-get install -y postgresql && sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
  'or point LIFELINE_TEST_PG_URL at a server where this user may create databases.';

/** Whether this URL answers SELECT 1 within a couple of seconds. */
export async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function debianBinDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway cluster (root on Debian only: initdb refuses root, so it runs as the postgres user,
 * which owns the directory). Returns { url, stop } or null when this machine cannot make one.
 */
export async function startThrowawayCluster(log = console.log) {
  if (process.getuid?.() !== 0) return null;
  let bin = debianBinDir();
  if (!bin && fs.existsSync('/usr/bin/apt-get')) {
    log("No PostgreSQL found; installing Debian's (postgresql)…");
    spawnSync(
      'sh',
      ['-c', 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql'],
      {
        stdio: 'inherit',
      },
    );
    bin = debianBinDir();
  }
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-pg-'));
  fs.chmodSync(dir, 0o755);
  spawnSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const asPostgres = (args) => spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
  const init = asPostgres([path.join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const start = asPostgres([
    path.join(bin, 'pg_ctl'),
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}`);
  log(`Started a throwaway PostgreSQL cluster on 127.0.0.1:${port} (${dir}); it is removed at the end.`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      asPostgres([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The server the tests use: { url, stop } (stop is a no-op for a server we did not start), or
 * { url: null, error } with the one command that gets one.
 */
export async function findPostgres(env = process.env, log = console.log) {
  if (env.LIFELINE_TEST_PG_URL) {
    if (await answers(env.LIFELINE_TEST_PG_URL)) return { url: env.LIFELINE_TEST_PG_URL, stop() {} };
    return {
      url: null,
      error: `LIFELINE_TEST_PG_URL (${redact(env.LIFELINE_TEST_PG_URL)}) does not answer.\n${HOW_TO_GET_POSTGRES}`,
    };
  }
  for (const user of ['root', 'postgres']) {
    const url = `postgres://${user}@127.0.0.1:5432/postgres`;
    if (await answers(url)) return { url, stop() {} };
  }
  const cluster = await startThrowawayCluster(log).catch((error) => {
    log(`Could not start a throwaway PostgreSQL cluster: ${error.message}`);
    return null;
  });
  if (cluster) return cluster;
  return { url: null, error: HOW_TO_GET_POSTGRES };
}

/** A URL with its password hidden, for messages. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}
