// A database of its own for each PostgreSQL test: created under a unique name on the server that
// tests/global-setup.ts found (scripts/find-postgres.mjs) and dropped afterwards, because other
// sessions' tests use the same server at the same time. No server: the test FAILS with the one
// command that gets one (never a silent skip).
import crypto from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The server's URL (its maintenance database), or a failure saying how to get one. */
export function serverUrl(): string {
  const url = process.env.LIFELINE_TEST_PG_URL;
  if (!url) {
    throw new Error(
      process.env.LIFELINE_TEST_PG_ERROR ??
        'LIFELINE_TEST_PG_URL is not set and tests/global-setup.ts did not find a PostgreSQL server.',
    );
  }
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = serverUrl();
  const name = `lifeline_t_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(admin, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
