import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { inProcessStore, SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { routeUnroutedFlags } from '../../electron/main/core/ingest/route-backfill';
import { openAdminStore } from '../../electron/main/core/open-admin-store';
import { openEncryptedDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/core/store/sqlite/migrations';
import { fileKeyProvider } from '../../electron/main/core/key/key-provider';
import { CANARY, makeFlag } from '../helpers/flags';
import { closedAfterEach, openTempStore, pageInput, sha256File, tempDir } from '../helpers/temp-store';

const opened = closedAfterEach();
const open = () => {
  const t = openTempStore();
  opened.push(t.sync);
  return t;
};

describe('encrypted store: ingest', () => {
  it('is idempotent per (id, revision) and commits the cursor with the page', () => {
    const { sync } = open();
    const flag = makeFlag();
    const first = sync.commitPage(pageInput([flag, flag], 'c_2'));
    expect(first).toMatchObject({ inserted: 1, duplicates: 1, quarantined: 0 });
    const again = sync.commitPage(pageInput([flag], 'c_3'));
    expect(again).toMatchObject({ inserted: 0, duplicates: 1 });
    expect(sync.getCursor('default')).toBe('c_3');
    expect(sync.listOpenQueue(false)).toHaveLength(1);
  });

  it('applies a higher revision to platform fields only, never to what operators recorded', () => {
    const { sync } = open();
    const flag = makeFlag({ risk: 'elevated' });
    sync.commitPage(pageInput([flag]));
    sync.acknowledge(flag.id as string, 'Op Testwal', 2_000);
    const revised = sync.commitPage(
      pageInput([{ ...flag, revision: 2, risk: 'imminent', status: 'withdrawn' }], 'c_2', 3_000),
    );
    expect(revised.revised).toBe(1);
    const detail = sync.getFlagDetail(flag.id as string)!;
    expect(detail).toMatchObject({
      revision: 2,
      risk: 'imminent',
      status: 'withdrawn',
      state: 'acknowledged',
      acknowledgedBy: 'Op Testwal',
    });
    expect(detail.events.map((e) => e.kind)).toEqual(['received', 'acknowledged', 'revised', 'withdrawn']);
  });

  it('alarms again when the platform raises the risk of an acknowledged flag, until that is acknowledged', () => {
    const { sync } = open();
    const flag = makeFlag({ id: 'fl_raise', risk: 'elevated' });
    sync.commitPage(pageInput([flag]));
    sync.commitPage(pageInput([{ ...flag, revision: 2, risk: 'high' }], 'c_2', 1_500)); // still new: no raise to note
    expect(sync.getFlagDetail('fl_raise')!.riskRaisePending).toBe(false);
    sync.acknowledge('fl_raise', 'Op One', 2_000);
    sync.commitPage(pageInput([{ ...flag, revision: 3, risk: 'elevated' }], 'c_3', 2_500)); // lowered: nothing
    expect(sync.getFlagDetail('fl_raise')!.riskRaisePending).toBe(false);
    sync.commitPage(pageInput([{ ...flag, revision: 4, risk: 'imminent' }], 'c_4', 3_000));
    expect(sync.getFlagDetail('fl_raise')).toMatchObject({
      riskRaisePending: true,
      state: 'acknowledged',
      acknowledgedBy: 'Op One',
    });
    const item = sync.acknowledge('fl_raise', 'Op Two', 4_000);
    expect(item).toMatchObject({
      riskRaisePending: false,
      state: 'acknowledged',
      acknowledgedBy: 'Op One',
      acknowledgedAtMs: 2_000,
    });
    expect(sync.getFlagDetail('fl_raise')!.events.at(-1)).toMatchObject({
      kind: 'risk_raise_acknowledged',
      actor: 'Op Two',
    });
    expect(() => sync.acknowledge('fl_raise', 'Op Three', 5_000)).toThrow(/already acknowledged/);
  });

  it('records an older revision arriving late without applying it', () => {
    const { sync } = open();
    const flag = makeFlag();
    sync.commitPage(pageInput([{ ...flag, revision: 3, risk: 'imminent' }]));
    const late = sync.commitPage(pageInput([{ ...flag, revision: 2, risk: 'elevated' }], 'c_2'));
    expect(late).toMatchObject({ stale: 1, revised: 0 });
    expect(sync.getFlagDetail(flag.id as string)).toMatchObject({ revision: 3, risk: 'imminent' });
  });

  it('quarantines invalid records with field, rule and hash, and stores the rest of the page', () => {
    const { sync } = open();
    const good = makeFlag();
    const result = sync.commitPage(pageInput([good, makeFlag({ risk: 'low' }), 'not a flag']));
    expect(result).toMatchObject({ inserted: 1, quarantined: 2 });
    const rows = sync.database
      .prepare('SELECT field, rule, raw_sha256 FROM quarantine ORDER BY seq')
      .all() as {
      field: string;
      rule: string;
      raw_sha256: string;
    }[];
    expect(rows.map((r) => r.field)).toEqual(['risk', '(record)']);
    expect(sync.listQuarantine(10).map((q) => [q.field, q.idHint])).toEqual([
      ['(record)', null],
      ['risk', expect.stringMatching(/^fl_test_/)],
    ]);
    expect(JSON.stringify(sync.listQuarantine(10))).not.toContain('Canarywala'); // what and why, not the content
    expect(rows[0]!.raw_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rolls back the whole page, cursor included, when the transaction fails', () => {
    const { sync } = open();
    sync.commitPage(pageInput([makeFlag()], 'c_1'));
    sync.database.exec(
      `CREATE TRIGGER fail_second BEFORE INSERT ON flags WHEN NEW.id = 'fl_boom' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    expect(() => sync.commitPage(pageInput([makeFlag(), makeFlag({ id: 'fl_boom' })], 'c_9'))).toThrow(
      /disk on fire/,
    );
    expect(sync.getCursor('default')).toBe('c_1');
    expect(sync.listOpenQueue(false)).toHaveLength(1);
  });

  it('keeps the event log append-only', () => {
    const { sync } = open();
    sync.commitPage(pageInput([makeFlag()]));
    expect(() => sync.database.exec('DELETE FROM flag_events')).toThrow(/append-only/);
    expect(() => sync.database.exec(`UPDATE flag_events SET kind = 'x'`)).toThrow(/append-only/);
    // Retention's one permitted change: a detail reduced to what its audit entry holds (migration 10).
    expect(() => sync.database.exec(`UPDATE flag_events SET detail_json = '{"note":"x"}'`)).toThrow(
      /append-only/,
    );
    expect(() =>
      sync.database.exec('UPDATE flag_events SET detail_json = audit_detail(detail_json)'),
    ).not.toThrow();
  });

  it('acknowledges once and says who got there first', () => {
    const { sync } = open();
    const flag = makeFlag();
    sync.commitPage(pageInput([flag]));
    expect(sync.acknowledge(flag.id as string, 'Op One', 5).state).toBe('acknowledged');
    expect(() => sync.acknowledge(flag.id as string, 'Op Two', 6)).toThrow(
      /already acknowledged \(by Op One\)/,
    );
    expect(() => sync.acknowledge('fl_missing', 'Op Two', 6)).toThrow(/No flag/);
  });

  it('orders the open queue by risk then age, through the partial index', () => {
    const { sync } = open();
    sync.commitPage(
      pageInput([
        makeFlag({ id: 'a', risk: 'elevated', flagged_at: '2026-11-25T09:00:00+05:30' }),
        makeFlag({ id: 'b', risk: 'imminent', flagged_at: '2026-11-25T10:00:00+05:30' }),
        makeFlag({ id: 'c', risk: 'imminent', flagged_at: '2026-11-25T09:30:00+05:30' }),
      ]),
    );
    expect(sync.listOpenQueue(false).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    const plan = sync.database
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM flags WHERE state <> 'closed' ORDER BY risk_rank, flagged_at_ms`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX flags_open_queue/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });

  it('resolves Hindi and old district spellings to one district key', () => {
    const { sync } = open();
    sync.commitPage(
      pageInput([
        makeFlag({ id: 'hi', location: { district: 'कोटा' } }),
        makeFlag({ id: 'old', location: { district: 'Dhaulpur' } }),
        makeFlag({ id: 'none', location: { source: 'none' } }),
      ]),
    );
    const byId = Object.fromEntries(sync.listOpenQueue(false).map((i) => [i.id, i.districtKey]));
    expect(byId).toEqual({ hi: 'kota', old: 'dholpur', none: null });
  });
});

describe('encrypted store: the file on disk', () => {
  it('holds no plaintext personal data in the database or its WAL, and is mode 0600', () => {
    const { sync, file } = open();
    sync.commitPage(pageInput([makeFlag()]));
    // Read while the WAL still holds the page (before any checkpoint on close).
    for (const f of [file, `${file}-wal`]) {
      expect(fs.existsSync(f)).toBe(true);
      const bytes = fs.readFileSync(f);
      for (const canary of [CANARY.name, CANARY.phone, CANARY.excerpt, 'canary_handle']) {
        expect(bytes.includes(Buffer.from(canary)), `${canary} in ${path.basename(f)}`).toBe(false);
      }
      expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    }
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(sync.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sync.database.pragma('synchronous', { simple: true })).toBe(2);
    expect(sync.database.pragma('cipher', { simple: true })).toBe('sqlcipher');
    // 64 MiB of decrypted pages: a year's kept report days stay in memory between reports.
    expect(sync.database.pragma('cache_size', { simple: true })).toBe(-65536);
  });

  it('leaves the file byte-for-byte untouched on a wrong key, and never creates a new one', () => {
    const { sync, file, dir } = open();
    sync.commitPage(pageInput([makeFlag()]));
    sync.close();
    const before = sha256File(file);
    const listing = fs.readdirSync(dir).sort();
    expect(() => SqliteStore.open(file, crypto.randomBytes(32), { createIfMissing: true })).toThrow(
      /key does not open/,
    );
    expect(sha256File(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it('refuses a plaintext SQLite file rather than opening or converting it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lifeline.db');
    const plain = new Database(file);
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    plain.close();
    const before = sha256File(file);
    expect(() => openEncryptedDatabase(file, crypto.randomBytes(32), { createIfMissing: true })).toThrow(
      /unencrypted/,
    );
    expect(sha256File(file)).toBe(before);
  });

  it('refuses a database written by newer code', () => {
    const { sync, file, key } = open();
    sync.database.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    sync.close();
    const before = sha256File(file);
    expect(() => SqliteStore.open(file, key, { createIfMissing: false })).toThrow(/newer than this program/);
    expect(sha256File(file)).toBe(before);
  });

  it('does not create a key when the key file is gone but a database exists', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'db.key');
    await expect(fileKeyProvider(keyFile).obtain({ databaseExists: true })).rejects.toThrow(
      /missing but a database exists/,
    );
    expect(fs.existsSync(keyFile)).toBe(false);
    const key = await fileKeyProvider(keyFile).obtain({ databaseExists: false });
    expect(key).toHaveLength(32);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await fileKeyProvider(keyFile).obtain({ databaseExists: true })).toEqual(key);
  });

  it('routes each flag as it is stored, and routes flags stored before routing existed on open', async () => {
    const { sync, file, key } = open();
    sync.commitPage(
      pageInput([
        makeFlag({ id: 'fl_route_kota', location: { city: 'Kota', district: 'Kota' } }),
        makeFlag({ id: 'fl_route_none', location: { source: 'none' } }),
      ]),
    );
    expect(sync.getFlagDetail('fl_route_kota')!.route).toMatchObject({
      unitKey: 'kota-city',
      confidence: 'high',
    });
    expect(sync.getFlagDetail('fl_route_none')!.route).toMatchObject({ unitKey: null, outcome: 'unknown' });
    // As a schema-3 database would hold them after migration 4 added the columns:
    sync.database.exec(
      `UPDATE flags SET route_outcome = NULL, unit_key = NULL, route_basis = NULL, route_confidence = NULL,
         subject_key = NULL;
       INSERT INTO pending_backfills (name) VALUES ('routes'), ('subject_keys');`,
    );
    sync.close();
    const reopened = SqliteStore.open(file, key, { createIfMissing: false });
    opened.push(reopened);
    // The store does not route: the core routes what it lists, on open (start-console.ts).
    expect(reopened.listUnroutedFlags().map((f) => f.id)).toEqual(
      expect.arrayContaining(['fl_route_kota', 'fl_route_none']),
    );
    await routeUnroutedFlags(inProcessStore(reopened));
    expect(reopened.listUnroutedFlags()).toEqual([]);
    expect(reopened.getFlagDetail('fl_route_kota')!.route).toMatchObject({
      unitKey: 'kota-city',
      basis: 'city',
    });
    expect(reopened.database.prepare('SELECT count(*) AS n FROM pending_backfills').get()).toEqual({ n: 0 });
    expect(
      reopened.database.prepare('SELECT count(*) AS n FROM flags WHERE subject_key IS NULL').get(),
    ).toEqual({
      n: 0,
    });
  });

  it('a one-shot command (openAdminStore) routes flags stored before routing existed, as the console does', async () => {
    const { sync, file, key } = open();
    sync.commitPage(
      pageInput([makeFlag({ id: 'fl_route_cli', location: { city: 'Kota', district: 'Kota' } })]),
    );
    sync.database.exec(
      `UPDATE flags SET route_outcome = NULL, unit_key = NULL, route_basis = NULL, route_confidence = NULL;
       INSERT INTO pending_backfills (name) VALUES ('routes');`,
    );
    sync.close();
    const admin = openAdminStore(file, key, { createIfMissing: false });
    try {
      expect((await admin.getFlagDetail('fl_route_cli'))!.route).toMatchObject({ unitKey: 'kota-city' });
      expect(await admin.listUnroutedFlags()).toEqual([]);
    } finally {
      await admin.close();
    }
  });

  it('links the flags of one account on one platform, newest first, without merging them', () => {
    const { sync } = open();
    const same = (id: string, at: string, platform = 'instagram') =>
      makeFlag({
        id,
        platform,
        flagged_at: at,
        subject: { account_id: 'acct-repeat-1', display_name: 'Invented Person' },
      });
    sync.commitPage(
      pageInput([
        same('fl_r1', '2026-11-20T10:00:00+05:30'),
        same('fl_r2', '2026-11-22T10:00:00+05:30'),
        same('fl_r3', '2026-11-25T10:00:00+05:30'),
        same('fl_other_platform', '2026-11-24T10:00:00+05:30', 'youtube'),
        makeFlag({ id: 'fl_stranger' }),
      ]),
    );
    const detail = sync.getFlagDetail('fl_r3')!;
    expect(detail.related.map((r) => r.id)).toEqual(['fl_r2', 'fl_r1']);
    expect(sync.listOpenQueue(false).filter((i) => i.id.startsWith('fl_r'))).toHaveLength(3); // never merged
    expect(sync.getFlagDetail('fl_stranger')!.related).toEqual([]);
    const plan = sync.database
      .prepare(
        `EXPLAIN QUERY PLAN SELECT seq FROM flags WHERE subject_key = (SELECT subject_key FROM flags WHERE id = ?)
         AND id <> ? ORDER BY flagged_at_ms DESC LIMIT 50`,
      )
      .all('fl_r3', 'fl_r3') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING INDEX flags_by_subject/);
  });

  it('migrates a new database to the latest schema version', () => {
    const { sync } = open();
    expect(sync.status()).toMatchObject({ engine: 'sqlite', version: String(LATEST_SCHEMA_VERSION) });
  });
});

describe('key file', () => {
  it('refuses a key file other users can read', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'db.key');
    await fileKeyProvider(keyFile).obtain({ databaseExists: false });
    fs.chmodSync(keyFile, 0o644);
    await expect(fileKeyProvider(keyFile).obtain({ databaseExists: true })).rejects.toThrow(
      /readable by other users.*chmod 600/,
    );
  });
});
