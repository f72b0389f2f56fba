// Retention, proved on the real encrypted store: flags closed longer than the period lose every
// personal field — in the tables, and in the bytes of the file and its WAL, decrypted page by page
// outside SQLite so free pages and free space are searched too — while the de-identified record
// (flag, case number, outcome, events, dispatches, audit trail) stays and the chain still verifies.
// Flags still open, closed recently, or waiting for a check-in keep theirs, which also shows the
// byte search finds what is there.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AuditEntry } from '../../electron/main/core/audit/audit-chain';
import { verifyAuditChain } from '../../electron/main/core/store/sqlite/audit-queries';
import { DAY_MS } from '../../electron/main/core/retention/retention-policy';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { CANARY, makeFlag } from '../helpers/flags';
import { occurrences, plaintextOfDatabase, plaintextOfWal } from '../helpers/plaintext-pages';
import { closedAfterEach, openTempStore, pageInput } from '../helpers/temp-store';

const NOW = Date.parse('2027-06-01T00:00:00Z');
const RETENTION = 90 * DAY_MS;
const OLD = NOW - 120 * DAY_MS;
const OLD_CLOSE = NOW - 100 * DAY_MS;

/** Typed or received for the flags that must be erased. */
const ERASED = {
  ...CANARY,
  handle: 'canary_handle',
  email: 'canary@example.invalid',
  institution: 'CANARY-INSTITUTE-0d4a Coaching',
  earlierRevision: 'CANARY-REV1-9c2e earlier revision text',
  address: 'CANARY-ADDR-31 Talwandi lane',
  closeNote: 'CANARY-NOTE-4b1d spoke with the family',
  followUpNote: 'CANARY-FOLLOWUP-21f0 she is back at classes',
  reason: 'CANARY-REASON-77aa staying with an aunt',
  quarantined: 'CANARY-QUAR-5e6f Ghostwala',
};
/** Held by flags and records that must keep them. */
const KEPT = {
  open: 'KEPT-OPEN-1a2b Openwala',
  recent: 'KEPT-RECENT-3c4d Recentwala',
  deferred: 'KEPT-DEFERRED-5e6f Pendingwala',
  quarantined: 'KEPT-QUAR-7a8b Freshwala',
};

const keptFlag = (id: string, name: string, overrides: Record<string, unknown> = {}) =>
  makeFlag({
    id,
    subject: { account_id: `acct_${id}`, display_name: name },
    content: { excerpt: `${name} excerpt` },
    institution: `${name} Institute`,
    ...overrides,
  });

const opened = closedAfterEach();

function seeded() {
  const t = openTempStore();
  opened.push(t.sync);
  const { sync, store } = t;
  const erasedFlag = (id: string, excerpt: string, revision = 1) =>
    makeFlag({
      id,
      revision,
      subject: {
        account_id: `acct_${id}`,
        display_name: ERASED.name,
        handle: ERASED.handle,
        phone: ERASED.phone,
        email: ERASED.email,
        age: 17,
      },
      content: { excerpt, language: 'en' },
      location: { district: 'Kota', city: 'Kota', pincode: '324005', address: ERASED.address },
      institution: ERASED.institution,
    });
  sync.commitPage(pageInput([erasedFlag('fl_fp', ERASED.earlierRevision)], 'c_1', OLD));
  sync.commitPage(
    pageInput(
      [
        erasedFlag('fl_fp', ERASED.excerpt, 2),
        erasedFlag('fl_sent', ERASED.excerpt),
        keptFlag('fl_deferred', KEPT.deferred),
        makeFlag({ id: 'fl_q_old', risk: 'low', subject: { display_name: ERASED.quarantined } }),
      ],
      'c_2',
      OLD,
    ),
  );
  sync.commitPage(
    pageInput(
      [
        keptFlag('fl_recent', KEPT.recent),
        keptFlag('fl_open', KEPT.open),
        keptFlag('fl_q_new', KEPT.quarantined, { risk: 'low' }),
      ],
      'c_3',
      NOW - 20 * DAY_MS,
    ),
  );
  return { ...t, sync, store };
}

async function workTheFlags({ sync, store }: ReturnType<typeof seeded>) {
  // A false positive, revealed first (the reason typed is free text).
  sync.acknowledge('fl_fp', 'Op A', OLD + 60_000);
  await store.revealFlag('fl_fp', 'Op A', ERASED.reason, OLD + 90_000);
  await store.closeFlag(
    'fl_fp',
    'Op A',
    { outcome: 'false_positive', note: ERASED.closeNote, reason: 'no unit was needed (test set-up)' },
    OLD_CLOSE,
  );
  // Sent to another unit than routed (with a reason), confirmed, closed, one check-in done.
  sync.acknowledge('fl_sent', 'Op B', OLD + 60_000);
  await store.dispatch(
    'fl_sent',
    'Op B',
    {
      unitKey: 'jaipur-control-room',
      reason: ERASED.reason,
      called: 'SI Ramesh Meena',
      means: 'phone',
      unitReference: 'JPR/2027/114',
    },
    OLD + 120_000,
  );
  await store.confirmDispatch('fl_sent', 'Op B', 'HC Sunil Kumar', OLD + 300_000);
  await store.closeFlag(
    'fl_sent',
    'Op B',
    { outcome: 'welfare_check_done', note: ERASED.closeNote },
    OLD_CLOSE,
    [DAY_MS],
  );
  await store.surfaceDueFollowUps(OLD_CLOSE + DAY_MS);
  await store.recordFollowUp(
    'fl_sent',
    1,
    'Op C',
    { outcome: 'safe_and_well', note: ERASED.followUpNote },
    OLD_CLOSE + DAY_MS + 60_000,
  );
  // Closed as long ago, but its check-in has not been done: it keeps its details until it is.
  sync.acknowledge('fl_deferred', 'Op A', OLD + 60_000);
  await store.dispatch(
    'fl_deferred',
    'Op A',
    { unitKey: 'kota-city', called: 'SI Meera Singh', means: 'radio' },
    OLD + 120_000,
  );
  await store.closeFlag('fl_deferred', 'Op A', { outcome: 'contacted' }, OLD_CLOSE, [200 * DAY_MS]);
  // Closed ten days ago: within the period.
  sync.acknowledge('fl_recent', 'Op A', NOW - 11 * DAY_MS);
  await store.closeFlag(
    'fl_recent',
    'Op A',
    { outcome: 'false_positive', reason: 'no unit was needed (test set-up)' },
    NOW - 10 * DAY_MS,
  );
}

/** Every row of every table (audit_log, sqlite_sequence and sqlite_stat* included), as text. */
function dumpAllTables(sync: SqliteStore): string {
  const db = sync.database;
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all();
  return tables
    .map(({ name }) => `${name}\n${JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all())}`)
    .join('\n');
}

describe('retention purge', () => {
  it('leaves no personal field of flags closed past the period, in any table, the file or the WAL', async () => {
    const t = seeded();
    await workTheFlags(t);
    const { sync, store, file, key } = t;
    const pageSize = sync.database.pragma('page_size', { simple: true }) as number;

    // Before: the details are in the store, and the WAL holds the pages written so far, earlier
    // revision included (the byte search sees through the encryption).
    const walBefore = plaintextOfWal(`${file}-wal`, key, pageSize);
    expect(occurrences(walBefore, ERASED.name)).toBeGreaterThan(0);
    expect(occurrences(walBefore, ERASED.earlierRevision)).toBeGreaterThan(0);
    expect(dumpAllTables(sync)).toContain(ERASED.followUpNote);

    const result = await store.purgePersonal(RETENTION, NOW, 'Sup Retention');
    expect(result).toMatchObject({
      cutoffMs: NOW - RETENTION,
      flagsErased: 2,
      personalRowsDeleted: 2,
      notesErased: 2, // fl_sent's dispatch reason and check-in note
      quarantineErased: 1,
      deferred: 1,
      walTruncated: true,
    });
    expect(result.eventsRedacted).toBeGreaterThanOrEqual(6);

    // (a) Through SQL: every column of every table.
    const dump = dumpAllTables(sync);
    for (const [what, text] of Object.entries(ERASED))
      expect(dump.includes(text), `${what} still in a table`).toBe(false);
    for (const [what, text] of Object.entries(KEPT))
      expect(dump.includes(text), `${what} should be kept`).toBe(true);

    // (b) In the bytes: the WAL was checkpointed and truncated; every page of the file, decrypted.
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    const plain = plaintextOfDatabase(file, key, pageSize);
    expect(occurrences(plain, 'CREATE TABLE flag_personal')).toBe(1);
    const freePages = sync.database.pragma('freelist_count', { simple: true }) as number;
    expect(plain.length).toBe(
      (sync.database.pragma('page_count', { simple: true }) as number) * (pageSize - 80) - 16,
    );
    for (const [what, text] of Object.entries(ERASED))
      expect(occurrences(plain, text), `${what} in the file's bytes (${freePages} free pages)`).toBe(0);
    for (const [what, text] of Object.entries(KEPT))
      expect(occurrences(plain, text), `${what} in the file's bytes`).toBeGreaterThan(0);
    // And the file as stored shows nothing, of course (it is encrypted).
    expect(occurrences(fs.readFileSync(file), KEPT.open)).toBe(0);
  });

  it('keeps the de-identified record and an intact audit chain, and records each erasure', async () => {
    const t = seeded();
    await workTheFlags(t);
    const { sync, store } = t;
    await store.purgePersonal(RETENTION, NOW, 'Sup Retention');
    const db = sync.database;

    const flag = db
      .prepare<
        [string],
        { seq: number; state: string; outcome: string; closed_at_ms: number; subject_key: string | null }
      >('SELECT seq, state, outcome, closed_at_ms, subject_key FROM flags WHERE id = ?')
      .get('fl_sent')!;
    expect(flag).toMatchObject({ state: 'closed', outcome: 'welfare_check_done', closed_at_ms: OLD_CLOSE });
    expect(flag.subject_key).toBeNull();
    expect(db.prepare(`SELECT subject_key FROM flags WHERE id = 'fl_open'`).pluck().get()).toMatch(
      /^[0-9a-f]{32}$/,
    );

    const detail = (await store.getFlagDetail('fl_sent'))!;
    expect(detail.caseNo).toBe(`LC-${String(flag.seq).padStart(6, '0')}`);
    expect(detail.route.unitKey).toBe('kota-city');
    expect(detail.events.map((e) => e.kind)).toEqual([
      'received',
      'acknowledged',
      'dispatched',
      'unit_confirmed',
      'closed',
      'follow_up_due',
      'follow_up_done',
      'personal_erased',
    ]);
    const byKind = Object.fromEntries(detail.events.map((e) => [e.kind, e]));
    expect(byKind.closed!.detail).toEqual({
      outcome: 'welfare_check_done',
      noteLength: ERASED.closeNote.length,
    });
    expect(byKind.dispatched!.detail).toMatchObject({
      unitKey: 'jaipur-control-room',
      routedUnitKey: 'kota-city',
      reasonLength: ERASED.reason.length,
      means: 'phone',
    });
    expect(byKind.follow_up_done!.detail).toEqual({
      sequence: 1,
      outcome: 'safe_and_well',
      noteLength: ERASED.followUpNote.length,
    });
    expect(byKind.personal_erased).toMatchObject({
      actor: 'Sup Retention',
      atMs: NOW,
      detail: { olderThanMs: RETENTION, personalRows: 1, notesErased: 2 },
    });
    // The dispatch stays, with the officers' names (the police's, not the student's).
    expect(
      db.prepare(`SELECT unit_key, called, confirmed_by, unit_reference, reason FROM dispatches`).get(),
    ).toEqual({
      unit_key: 'jaipur-control-room',
      called: 'SI Ramesh Meena',
      confirmed_by: 'HC Sunil Kumar',
      unit_reference: 'JPR/2027/114',
      reason: null,
    });
    expect(
      db.prepare(`SELECT outcome, note, done_by FROM follow_ups WHERE flag_id = 'fl_sent'`).get(),
    ).toEqual({ outcome: 'safe_and_well', note: null, done_by: 'Op C' });
    await expect(store.revealFlag('fl_sent', 'Op A', 'check', NOW)).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect((await store.revealFlag('fl_deferred', 'Op A', 'check-in call', NOW)).subject).toMatchObject({
      display_name: KEPT.deferred,
    });
    // The quarantined record keeps what and when, not its content.
    expect(
      db.prepare(`SELECT field, rule, raw_text, id_hint FROM quarantine ORDER BY seq`).all(),
    ).toMatchObject([
      { field: 'risk', raw_text: '', id_hint: null },
      { field: 'risk', id_hint: 'fl_q_new' },
    ]);

    const audit = db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').all();
    const erasures = audit.filter((e) => e.action === 'flag.personal_erased');
    expect(erasures.map((e) => [e.target, e.actor])).toEqual([
      ['fl_fp', 'Sup Retention'],
      ['fl_sent', 'Sup Retention'],
    ]);
    expect(audit.find((e) => e.action === 'quarantine.raw_erased')).toMatchObject({
      action: 'quarantine.raw_erased',
      actor: 'Sup Retention',
      target: null,
      detail_json: JSON.stringify({ olderThanMs: RETENTION, records: 1 }),
    });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: audit.length });
    // Events stay append-only: the only change allowed is reducing a detail to its audited form.
    expect(() => db.prepare(`UPDATE flag_events SET actor = 'x' WHERE flag_id = 'fl_fp'`).run()).toThrow(
      /append-only/,
    );
  });

  it('is idempotent, and erases again what a later feed revision brought back', async () => {
    const t = seeded();
    await workTheFlags(t);
    const { sync, store } = t;
    await store.purgePersonal(RETENTION, NOW, 'Sup Retention');
    const entries = () => sync.database.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const before = entries();
    expect(await store.purgePersonal(RETENTION, NOW + 60_000, 'system')).toMatchObject({
      flagsErased: 0,
      quarantineErased: 0,
      eventsRedacted: 0,
      walTruncated: true,
    });
    expect(entries()).toBe(before);

    sync.commitPage(
      pageInput(
        [
          makeFlag({
            id: 'fl_fp',
            revision: 3,
            subject: { account_id: 'acct_fl_fp', display_name: ERASED.name },
          }),
        ],
        'c_4',
        NOW + 120_000,
      ),
    );
    expect(dumpAllTables(sync)).toContain(ERASED.name);
    expect(await store.purgePersonal(RETENTION, NOW + 180_000, 'system')).toMatchObject({
      flagsErased: 1,
      personalRowsDeleted: 1,
    });
    expect(dumpAllTables(sync)).not.toContain(ERASED.name);
  });

  it('the byte search reads free pages: content SQLite deleted without secure_delete is found there', () => {
    // The control for the proof above: were the purge to leave a value in a free page or in a
    // page's free space, the decrypted bytes would show it.
    const { sync, file, key } = openTempStore();
    opened.push(sync);
    const db = sync.database;
    db.pragma('secure_delete = OFF');
    sync.commitPage(pageInput(Array.from({ length: 40 }, (_, i) => makeFlag({ id: `fl_free_${i}` }))));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('DELETE FROM flag_personal');
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(db.prepare('SELECT count(*) FROM flag_personal').pluck().get()).toBe(0);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
    expect(occurrences(plaintextOfDatabase(file, key, pageSize), CANARY.name)).toBeGreaterThan(0);
  });

  it('refuses a purge without who runs it, or with a negative period', async () => {
    const { store, sync } = seeded();
    await expect(store.purgePersonal(RETENTION, NOW, '  ')).rejects.toThrow(/by/);
    await expect(store.purgePersonal(-1, NOW, 'Sup')).rejects.toThrow(/olderThanMs/);
    expect(sync.database.prepare('SELECT count(*) FROM flag_personal').pluck().get()).toBe(5);
  });
});
