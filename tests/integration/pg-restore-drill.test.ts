// The state deployment's restore drill (docs/operations.md), run on every `npm test`: a PostgreSQL
// store with invented flags and a shift's work is dumped with `pg_dump -Fc` while it is open, as the
// nightly backup is; the dump holds no personal value in clear; `pg_restore` into a fresh database
// gives back the same queue, the same decrypted details and an audit trail that `lifeline verify`
// passes through the live trail's last hash; a wrong key is refused and changes nothing; and the
// restored database takes the next write as the live one would.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../electron/main/core/store/postgres/open-postgres';
import { postgresVerifier } from '../../electron/main/core/store/postgres/verify-queries';
import type { StoreAdmin } from '../../electron/main/core/store/store-admin';
import { verifyStore } from '../../electron/main/cli/verify';
import { DEFAULT_SCHEDULE, instanceOf } from '../../shared/shifts/schedule';
import { lifeline } from '../helpers/cli';
import { makeFlag } from '../helpers/flags';
import { pageInput, tempDir } from '../helpers/temp-store';
import { createTestDatabase, type TestDatabase } from '../helpers/test-pg';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function database(): Promise<TestDatabase> {
  const d = await createTestDatabase();
  cleanups.push(() => d.drop());
  return d;
}
async function open(url: string, key: Buffer) {
  const opened = await openPostgresStore({ url, key, createIfMissing: false, desk: 'drill-desk' });
  cleanups.push(() => opened.admin.close());
  return opened;
}

/**
 * The client programs as an operator runs them: Debian's newest (the server tests/global-setup.ts
 * starts is that version, and pg_dump must be at least the server's), else the PATH's.
 */
function pgProgram(name: string): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length > 0 ? path.join(base, versions[0]!, 'bin', name) : name;
}

/** Every table of the schema with its row count: what "creates nothing" is checked against. */
async function census(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows.map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = (
        await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)
      ).rows[0]!.n;
    return counts;
  } finally {
    await client.end();
  }
}

/** What the room and the auditors depend on, read through the store: equal before and after. */
async function whatTheRoomSees(admin: StoreAdmin, ids: string[], shiftId: string) {
  return {
    queue: await admin.listOpenQueue(false),
    details: await Promise.all(ids.map((id) => admin.getFlagDetail(id))),
    personal: await Promise.all(ids.map((id) => admin.readPersonalDetail(id))),
    handover: await admin.getHandover(shiftId),
  };
}

describe('PostgreSQL restore drill: pg_dump -Fc, pg_restore into a fresh database, the same key', () => {
  it('gives back the queue, the decrypted details and a whole audit trail; a wrong key creates nothing', async () => {
    const live = await database();
    const key = crypto.randomBytes(32);
    // The live database, made as `lifeline migrate --init` makes it.
    const init = await openPostgresStore({ url: live.url, key, createIfMissing: true, desk: 'kota-core' });
    cleanups.push(() => init.admin.close());
    const { admin } = init;

    // Invented people only; the canary is random per run so no earlier run can satisfy the search.
    const canary = `Drillname ${crypto.randomBytes(6).toString('hex')}`;
    const phone = `+91 9${crypto.randomInt(100_000_000, 999_999_999)}`;
    const flags = [
      makeFlag({
        risk: 'imminent',
        subject: { account_id: `acc_${canary}`, display_name: canary, phone },
        content: { excerpt: `Post by ${canary}`, language: 'en' },
        institution: `${canary} Coaching`,
      }),
      makeFlag({ risk: 'high' }),
      makeFlag({ risk: 'elevated' }),
    ];
    const ids = flags.map((f) => f.id as string);
    const [first, second, third] = ids as [string, string, string];
    const page = await admin.commitPage(pageInput(flags, 'c_1', 1_000));
    expect(page).toMatchObject({ inserted: 3, quarantined: 0 });
    // A shift's work: reveal (its reason sealed), acknowledge, dispatch, the unit's receipt and step,
    // a close with a note; one flag left new so the queue has both groups.
    await admin.revealFlag(first, 'Op Meera', `Welfare check for ${canary}`, 2_000);
    await admin.acknowledge(first, 'Op Meera', 2_100);
    await admin.dispatch(
      first,
      'Op Meera',
      { unitKey: 'kota-city', called: 'SHO Kota', means: 'phone' },
      2_200,
    );
    await admin.recordUnitAction(first, { kind: 'receipt', unitKey: 'kota-city' }, 'Unit Kota', 2_300);
    await admin.recordUnitAction(
      first,
      { kind: 'step', unitKey: 'kota-city', step: { kind: 'officers_sent', officers: `SI ${canary}` } },
      'Unit Kota',
      2_400,
    );
    await admin.acknowledge(second, 'Op Meera', 2_500);
    await admin.closeFlag(
      second,
      'Op Meera',
      { outcome: 'false_positive', note: `Spoke with ${canary}`, reason: 'duplicate' },
      2_600,
    );
    // A signed handover: its notes are sealed and its summary carries an audit anchor verify checks.
    const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', DEFAULT_SCHEDULE[0]!.key);
    const summary = await admin.handoverSummary(shift, shift.endMs, false);
    await admin.signHandover(summary, `Carry over ${canary}`, 'Sup Kavita', shift.endMs);

    const before = await whatTheRoomSees(admin, ids, shift.id);
    expect(before.queue.map((q) => q.id).sort()).toEqual([first, third].sort());
    expect(before.personal[0]!.subject).toMatchObject({ display_name: canary, phone });
    const liveCheck = await verifyStore(postgresVerifier(init.db));
    expect(liveCheck.ok).toBe(true);
    if (!liveCheck.audit.ok) throw new Error('the live trail must be whole');
    const liveHead = liveCheck.audit.head;
    expect(liveCheck.anchors.map((a) => a.source)).toEqual([`handover ${shift.id}`]);

    // The nightly backup, taken while the core is open: custom format.
    const dump = path.join(tempDir('drill-'), 'lifeline.dump');
    execFileSync(pgProgram('pg_dump'), ['-Fc', '--no-owner', '--dbname', live.url, '--file', dump]);
    // -Fc compresses, so a search of the file alone would prove little: its SQL, as pg_restore
    // reads it back, is searched too, and the same search finds a name kept in clear by design.
    const raw = fs.readFileSync(dump);
    const script = execFileSync(pgProgram('pg_restore'), ['--file', '-', dump], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(script.includes(Buffer.from('CREATE TABLE'))).toBe(true);
    expect(script.includes(Buffer.from('Op Meera'))).toBe(true);
    for (const needle of [canary, phone, `acc_${canary}`].map((s) => Buffer.from(s, 'utf8'))) {
      expect(raw.includes(needle)).toBe(false);
      expect(script.includes(needle)).toBe(false);
    }

    // The restore: a fresh database, whole or nothing.
    const drill = await database();
    execFileSync(pgProgram('pg_restore'), [
      '--exit-on-error',
      '--single-transaction',
      '--no-owner',
      '--dbname',
      drill.url,
      dump,
    ]);
    const restored = await census(drill.url);
    expect(restored.flags).toBe(3);
    expect(restored.audit_log).toBe(liveHead.seq);

    // A wrong key (a lost console key replaced by a new one) is refused, even where it may create,
    // and writes nothing: no keyring, no audit entry, no row anywhere.
    const wrong = crypto.randomBytes(32);
    for (const createIfMissing of [false, true])
      await expect(
        openPostgresStore({ url: drill.url, key: wrong, createIfMissing, desk: 'drill-desk' }),
      ).rejects.toThrow(/console key does not open this PostgreSQL database/);
    const refused = lifeline(['verify'], {
      LIFELINE_DB_KEY: wrong.toString('hex'),
      LIFELINE_DATABASE_URL: drill.url,
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/console key does not open this PostgreSQL database/);
    expect(await census(drill.url)).toEqual(restored);

    // The operator's check: `lifeline verify` with the escrowed key and the live trail's last hash.
    const verified = lifeline(['verify', '--anchor', liveHead.hash], {
      LIFELINE_DB_KEY: key.toString('hex'),
      LIFELINE_DATABASE_URL: drill.url,
    });
    expect(verified.err).toBe('');
    expect(verified.out).toContain(`audit trail: ok, ${liveHead.seq} entries chained`);
    expect(verified.out).toContain(`hash ${liveHead.hash}`);
    expect(verified.out).toMatch(
      /audit anchors: ok, the trail passes through all 2 \(1 from signed handovers, 1 given\)/,
    );
    expect(verified.out).toMatch(/verify: ok$/m);
    expect(verified.code).toBe(0);
    expect(await census(drill.url)).toEqual(restored); // verify only reads

    // The same key opens it, and the room would see what it saw.
    const back = await open(drill.url, key);
    expect(await whatTheRoomSees(back.admin, ids, shift.id)).toEqual(before);
    expect((await back.admin.getHandover(shift.id))!.notes).toBe(`Carry over ${canary}`);

    // Restored sequences and triggers: the next write chains onto the restored head.
    await back.admin.acknowledge(third, 'Op Meera', 3_000);
    const after = await verifyStore(postgresVerifier(back.db));
    expect(after.ok).toBe(true);
    expect(after.audit).toMatchObject({ ok: true, entries: liveHead.seq + 1 });
    expect(after.missingTriggers).toEqual([]);
  }, 120_000); // pg_dump, pg_restore twice and two runs of the CLI from source
});
