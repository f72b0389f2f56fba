// `lifeline migrate` on a real PostgreSQL: --init makes schema and keyring, a second run has nothing to
// apply, a wrong key changes nothing, a password in --database-url and a remote host without
// verify-full are refused with the setting named, and --rotate-key re-seals under a new data key.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { lifeline } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/test-pg';
import { LATEST_PG_SCHEMA_VERSION, PG_MIGRATIONS } from '../../electron/main/core/store/postgres/migrations';

const dbs: TestDatabase[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.drop();
});

describe('lifeline migrate and verify on PostgreSQL', () => {
  it('makes, updates, refuses a wrong key, and rotates', async () => {
    const d = await createTestDatabase();
    dbs.push(d);
    const key = crypto.randomBytes(32).toString('hex');
    const run = (args: string[], k = key) =>
      lifeline(['migrate', ...args], { LIFELINE_DB_KEY: k, LIFELINE_DATABASE_URL: d.url });

    const refused = run([]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/no Lifeline schema.*migrate --init/);

    const init = run(['--init']);
    expect(init.err).toBe('');
    // Every migration applied, in order (the list grows with each release; no number written here).
    const versions = PG_MIGRATIONS.map((m) => m.version).join(', ');
    expect(init.out).toContain(
      `schema version ${LATEST_PG_SCHEMA_VERSION}\n  applied migrations ${versions}\n  keyring created`,
    );
    expect(run([]).out).toMatch(/no migration to apply/);

    const wrong = run([], crypto.randomBytes(32).toString('hex'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/console key does not open this PostgreSQL database/);

    expect(run(['--rotate-key']).out).toMatch(/data key 2 seals from now on/);

    // lifeline verify on the same database: whole, then broken by a superuser's edit of the trail.
    const verify = (k = key) => lifeline(['verify'], { LIFELINE_DB_KEY: k, LIFELINE_DATABASE_URL: d.url });
    const ok = verify();
    expect(ok.out).toMatch(/audit trail: ok, 2 entries chained/);
    expect(ok.out).toMatch(/audit triggers: ok\n.*\nverify: ok/);
    expect(ok.code).toBe(0);
    const client = new pg.Client({ connectionString: d.url });
    await client.connect();
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await client.query(`UPDATE audit_log SET actor = 'someone else' WHERE seq = 1`);
    await client.end();
    const broken = verify();
    expect(broken.code).toBe(4);
    expect(broken.out).toMatch(/audit trail: BROKEN at entry seq 1 .*its contents do not match its hash/);
    // The trigger the superuser disabled to do it guards nothing, and verify says so.
    expect(broken.out).toMatch(/audit triggers: MISSING.*audit_log_append_only/);
  }, 120_000); // five runs of the CLI from source, a few seconds each

  it('the account commands work on PostgreSQL through the same seam', async () => {
    const d = await createTestDatabase();
    dbs.push(d);
    const env = { LIFELINE_DB_KEY: crypto.randomBytes(32).toString('hex'), LIFELINE_DATABASE_URL: d.url };
    expect(lifeline(['migrate', '--init'], env).code).toBe(0);
    const add = lifeline(
      ['account', 'add', '--name', 'Admin Asha', '--role', 'administrator', '--by', 'Installer'],
      {
        ...env,
        LIFELINE_NEW_PASSWORD: 'admin pass 1',
      },
    );
    expect(add.out).toContain('added Admin Asha (administrator)');
    expect(lifeline(['account', 'list'], env).out).toContain('Admin Asha\tadministrator');
    const verified = lifeline(['verify'], env);
    expect(verified.out).toMatch(/audit trail: ok, 2 entries chained/);
  }, 90_000);

  it('refuses a password in the flag and a remote host without verify-full, naming the setting', () => {
    const password = lifeline(['migrate', '--database-url', 'postgres://u:secret@127.0.0.1/x'], {
      LIFELINE_DB_KEY: '0'.repeat(64),
    });
    expect(password.code).toBe(2);
    expect(password.err).toMatch(/--database-url must not carry a password/);
    const remote = lifeline(['migrate', '--database-url', 'postgres://u@db.example.in/x?sslmode=require'], {
      LIFELINE_DB_KEY: '0'.repeat(64),
    });
    expect(remote.code).toBe(2);
    expect(remote.err).toMatch(/sslmode=require is refused for host db\.example\.in/);
  }, 60_000);
});
