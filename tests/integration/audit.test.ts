// The audit trail in the real encrypted store: operators' and the system's changes are chained into
// audit_log (the store writes each entry, audit_append chains it), with no personal field, ingest
// adds nothing, the table refuses UPDATE and DELETE, and tampering (after dropping its triggers) is
// found at the altered entry. A database from before migration 26 (its triggers fed the trail)
// keeps its entries and gets the same ones from the store.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { GENESIS_PREV_HASH, auditHash, type AuditEntry } from '../../electron/main/core/audit/audit-chain';
import { missingAuditTriggers, verifyAuditChain } from '../../electron/main/core/store/sqlite/audit-queries';
import { SqliteStore, inProcessStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { appendFlagEvent } from '../../electron/main/core/store/sqlite/flag-rows';
import { MIGRATIONS } from '../../electron/main/core/store/sqlite/migrations';
import { registerAuditFunctions } from '../../electron/main/core/store/sqlite/register-audit-functions';
import {
  createAccount,
  logSession,
  updateAccount,
} from '../../electron/main/core/store/sqlite/account-queries';
import { appendAlarmLog } from '../../electron/main/core/store/sqlite/alarm-queries';
import { setUnitContact } from '../../electron/main/core/store/sqlite/unit-contact-queries';
import { appendAudit } from '../../electron/main/core/store/sqlite/audit-queries';
import { handoverReceivedAudit, handoverSignedAudit } from '../../electron/main/core/store/audit-entries';
import { saveUnitRegistry } from '../../electron/main/core/store/sqlite/registry-queries';
import {
  createEnrolment,
  redeemEnrolment,
  revokeDevice,
} from '../../electron/main/core/store/sqlite/device-queries';
import { DEFAULT_UNIT_REGISTRY } from '../../shared/routing/unit-registry';
import type { SqliteDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { DEFAULT_SCHEDULE, instanceOf } from '../../shared/shifts/schedule';
import { CANARY, makeFlag } from '../helpers/flags';
import { closedAfterEach, openTempStore, pageInput } from '../helpers/temp-store';

const opened = closedAfterEach();

const T0 = Date.parse('2026-12-01T22:41:07.538Z');
const AT_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/;

function seeded(desk = 'desk-7') {
  const t = openTempStore();
  t.sync.close();
  // Reopened with a desk name, as a workstation would (the default is the host name).
  const sync = SqliteStore.open(t.file, t.key, { createIfMissing: false, desk });
  opened.push(sync);
  sync.commitPage(
    pageInput([makeFlag({ id: 'fl_a', location: { district: 'Jodhpur' } }), makeFlag({ id: 'fl_b' })]),
  );
  return { ...t, sync };
}

const rows = (sync: SqliteStore) =>
  sync.database.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').all();

describe('audit trail', () => {
  it('chains acknowledge, dispatch, confirmation, close, silence, roster and handover with who, where and when', async () => {
    const { sync } = seeded();
    const store = inProcessStore(sync);
    sync.acknowledge('fl_a', 'Op A', T0);
    await store.dispatch(
      'fl_a',
      'Op A',
      { unitKey: 'jodhpur-control-room', called: CANARY.name, means: 'phone', unitReference: 'JDH/77' },
      T0 + 1_000,
    );
    await store.confirmDispatch('fl_a', 'Op B', CANARY.name, T0 + 2_000);
    await store.closeFlag(
      'fl_a',
      'Op B',
      { outcome: 'welfare_check_done', note: CANARY.excerpt },
      T0 + 3_000,
    );
    sync.appendAlarmLog([
      { atMs: T0 + 4_000, kind: 'silence', actor: 'Op A', detail: { reason: CANARY.phone, minutes: 5 } },
      { atMs: T0 + 5_000, kind: 'escalated', actor: null, detail: { flagId: 'fl_b', risk: 'high' } },
    ]);
    const shift = instanceOf(DEFAULT_SCHEDULE, '2026-12-01', 'night');
    sync.setRoster(shift.id, [{ desk: 'Desk 1', operator: 'Op A', supervisor: true }]);
    sync.signHandover(
      sync.handoverSummary(shift, shift.endMs, false),
      CANARY.excerpt,
      'Sup Out',
      shift.endMs,
    );
    sync.receiveHandover(shift.id, 'Sup In', shift.endMs + 1);

    const entries = rows(sync);
    expect(entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['audit.started', 'system', null],
      ['flag.acknowledged', 'Op A', 'fl_a'],
      ['flag.dispatched', 'Op A', 'fl_a'],
      ['flag.unit_confirmed', 'Op B', 'fl_a'],
      ['flag.closed', 'Op B', 'fl_a'],
      ['alarm.silence', 'Op A', null],
      ['alarm.escalated', 'system', 'fl_b'],
      ['roster.changed', 'unattributed', shift.id],
      ['handover.signed', 'Sup Out', shift.id],
      ['handover.received', 'Sup In', shift.id],
    ]);
    expect(entries[1]).toMatchObject({
      at: '2026-12-01T22:41:07.53Z',
      at_ms: T0,
      desk: 'desk-7',
      outcome: 'ok',
    });
    for (const e of entries) expect(e.at).toMatch(AT_TEXT);
    // Codes stay; what a person typed is reduced to its length.
    expect(JSON.parse(entries[2]!.detail_json)).toEqual({
      unitKey: 'jodhpur-control-room',
      routedUnitKey: 'jodhpur-control-room',
      reason: null,
      calledLength: CANARY.name.length,
      means: 'phone',
      unitReferenceLength: 6,
    });
    expect(JSON.parse(entries[4]!.detail_json)).toMatchObject({
      outcome: 'welfare_check_done',
      noteLength: CANARY.excerpt.length,
    });
    expect(JSON.parse(entries[5]!.detail_json)).toEqual({ reasonLength: CANARY.phone.length, minutes: 5 });

    entries.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prev_hash).toBe(i === 0 ? GENESIS_PREV_HASH : entries[i - 1]!.hash);
      expect(e.hash).toBe(auditHash(e));
    });
    expect(verifyAuditChain(sync.database)).toMatchObject({ ok: true, entries: entries.length });
    expect(missingAuditTriggers(sync.database)).toEqual([]);

    // No personal field, nor any operator free text, reaches the trail.
    const all = JSON.stringify(entries);
    for (const canary of Object.values(CANARY)) expect(all).not.toContain(canary);
    expect(all).not.toContain('JDH/77');
  });

  it('is appended to by feed ingest not at all, whatever the page holds', () => {
    const { sync } = seeded();
    const before = rows(sync).length;
    sync.commitPage(
      pageInput(
        [
          makeFlag({ id: 'fl_a', revision: 2, risk: 'imminent' }),
          makeFlag({ id: 'fl_b', revision: 2, status: 'withdrawn' }),
          makeFlag({ id: 'fl_c' }),
          makeFlag({ id: 'fl_q', risk: 'low' }),
        ],
        'c_2',
        2_000,
      ),
    );
    sync.commitPage(pageInput([makeFlag({ id: 'fl_a', revision: 1 })], 'c_3', 3_000)); // stale
    expect(rows(sync).length).toBe(before);
  });

  it("maps any flag event kind but the feed's own to flag.<kind>, so later kinds are audited unchanged", () => {
    const { sync } = seeded();
    const kinds = [
      'follow_up_due',
      'follow_up_done',
      'some_kind_added_in_2030',
      'received',
      'revised',
      'withdrawn',
    ];
    for (const kind of kinds)
      appendFlagEvent(sync.database, 'fl_a', T0, kind, kind === 'follow_up_due' ? null : 'Op C', {
        note: 'x',
      });
    expect(
      rows(sync)
        .slice(1)
        .map((e) => [e.action, e.actor, e.detail_json]),
    ).toEqual([
      ['flag.follow_up_due', 'system', '{"noteLength":1}'],
      ['flag.follow_up_done', 'Op C', '{"noteLength":1}'],
      ['flag.some_kind_added_in_2030', 'Op C', '{"noteLength":1}'],
    ]);
  });

  it('refuses UPDATE and DELETE, and after its triggers are dropped names the first altered or missing entry', () => {
    const { sync } = seeded();
    sync.acknowledge('fl_a', 'Op A', T0);
    sync.acknowledge('fl_b', 'Op A', T0 + 1_000);
    sync.appendAlarmLog([
      { atMs: T0 + 2_000, kind: 'test_alarm', actor: 'Op A', detail: { outcome: 'heard' } },
    ]);
    const db = sync.database;
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'Op Z' WHERE seq = 2`).run()).toThrow(
      /audit_log is append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 4').run()).toThrow(/audit_log is append-only/);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4 });

    db.exec('DROP TRIGGER audit_log_no_update');
    expect(missingAuditTriggers(db)).toEqual(['audit_log_no_update']);
    db.prepare(`UPDATE audit_log SET detail_json = '{"from":"new","to":"closed"}' WHERE seq = 3`).run();
    const third = rows(sync)[2]!;
    expect(verifyAuditChain(db)).toEqual({
      ok: false,
      entries: 2,
      firstBrokenSeq: 3,
      firstBrokenAt: third.at,
      reason: 'its contents do not match its hash',
    });

    // Recomputing the altered entry's own hash moves the break to the link after it.
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 3').run(auditHash(third));
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 4,
      reason: expect.stringMatching(/link/),
    });
  });

  it('names the entry after one that was deleted', () => {
    const { sync } = seeded();
    sync.acknowledge('fl_a', 'Op A', T0);
    sync.acknowledge('fl_b', 'Op A', T0 + 1_000);
    sync.database.exec('DROP TRIGGER audit_log_no_delete');
    sync.database.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(sync.database)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'entry 2 is missing before it',
    });
  });

  it('finds a trail emptied altogether', () => {
    const { sync } = seeded();
    sync.database.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;');
    expect(verifyAuditChain(sync.database)).toMatchObject({ ok: false, reason: 'the trail is empty' });
  });

  it('rolls the entry back with a refused change', () => {
    const { sync } = seeded();
    sync.acknowledge('fl_a', 'Op A', T0);
    const before = rows(sync).length;
    expect(() => sync.acknowledge('fl_a', 'Op B', T0 + 1)).toThrow(/already acknowledged/);
    expect(rows(sync).length).toBe(before);
  });

  it('records a reveal of a subject with who and when, and the reason only as its length', async () => {
    const { sync } = seeded();
    const store = inProcessStore(sync);
    const personal = await store.revealFlag('fl_a', 'Op A', `calling about ${CANARY.name}`, T0);
    expect(JSON.stringify(personal)).toContain(CANARY.name);
    const entry = rows(sync).at(-1)!;
    expect(entry).toMatchObject({ action: 'flag.revealed', actor: 'Op A', target: 'fl_a' });
    expect(JSON.parse(entry.detail_json)).toEqual({ reasonLength: `calling about ${CANARY.name}`.length });
    expect(JSON.stringify(rows(sync))).not.toContain(CANARY.name);
    await expect(store.revealFlag('fl_nope', 'Op A', 'looking around', T0)).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(verifyAuditChain(sync.database)).toMatchObject({ ok: true });
  });

  it('a database from before migration 26 keeps its trail, and the store writes the entries its triggers wrote', () => {
    const db = new Database(':memory:') as SqliteDatabase;
    registerAuditFunctions(db, 'desk-old');
    for (const m of MIGRATIONS.filter((m) => m.version < 26)) db.exec(m.sql);
    const triggers = () =>
      db
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit%'`,
        )
        .all()
        .map((r) => r.name)
        .sort();
    expect(triggers()).toContain('audit_flag_events');
    const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
    const sha = 'ab'.repeat(32);
    // Characters outside ASCII but inside the BMP: SQLite's length() and JavaScript's agree on them.
    const notes = 'two carried over — one to watch at Kotá';
    // Under migration 23 the triggers fed the trail from the rows themselves.
    run(`INSERT INTO accounts (name, role, password_hash, locked_at_ms, created_at_ms, created_by, changed_at_ms, changed_by, units)
         VALUES ('Unit Old', 'unit', 'h', NULL, 1000, 'Admin', 1000, 'Admin', '["kota-city"]')`);
    run(`UPDATE accounts SET locked_at_ms = 2000, password_hash = 'h2', changed_at_ms = 2000, changed_by = 'system'
         WHERE name = 'Unit Old'`);
    run(`INSERT INTO session_log (at_ms, name, kind, desk) VALUES (3000, 'Unit Old', 'logon', 'desk-1')`);
    run(
      `INSERT INTO unit_contacts (unit_key, contact, changed_by, changed_at_ms) VALUES ('kota-city', '0744', 'Admin', 4000)`,
    );
    run(`UPDATE unit_contacts SET contact = '0745', changed_at_ms = 4100 WHERE unit_key = 'kota-city'`);
    run(
      `INSERT INTO alarm_log (at_ms, kind, actor, detail_json) VALUES (5000, 'silence', 'Op', '{"flagId":"fl_x","reason":"phone"}')`,
    );
    run(`INSERT INTO flag_events (flag_id, at_ms, kind, actor, detail_json)
         VALUES ('fl_x', 6000, 'closed', 'Op', '{"outcome":"contacted","note":"typed"}')`);
    run(`INSERT INTO roster (shift_id, desk, operator, supervisor) VALUES ('s1', 'desk-1', 'Op Bela', 0)`);
    run(`DELETE FROM roster WHERE shift_id = 's1'`);
    run(`INSERT INTO roster (shift_id, desk, operator, supervisor) VALUES ('s1', 'desk-2', 'Sup Dev', 1)`);
    run(
      `INSERT INTO handovers (shift_id, summary_json, notes, signed_by, signed_at_ms, sha256)
         VALUES ('s1', '{}', ?, 'Sup Out', 7000, ?)`,
      notes,
      sha,
    );
    run(`UPDATE handovers SET received_by = 'Sup In', received_at_ms = 7100 WHERE shift_id = 's1'`);
    run(
      `INSERT INTO unit_registry_versions (version, registry_json, units, changes_json, saved_by, saved_at_ms, source_sha256)
         VALUES (1, ?, ?, '["kota-city:contacts"]', 'Admin', 8000, ?)`,
      JSON.stringify(DEFAULT_UNIT_REGISTRY),
      DEFAULT_UNIT_REGISTRY.units.length,
      sha,
    );
    run(`INSERT INTO device_enrolments (code_hash, device_name, kind, created_by, created_at_ms, expires_at_ms)
         VALUES ('c1', 'wall-1', 'wall', 'Admin', 9000, 19000)`);
    run(
      `INSERT INTO devices (name, kind, credential_hash, enrolled_by, enrolled_at_ms) VALUES ('wall-1', 'wall', 'k1', 'Admin', 9100)`,
    );
    run(`UPDATE devices SET revoked_at_ms = 9200, revoked_by = 'Admin' WHERE name = 'wall-1'`);
    // A district control room's desk, bound to its units (migration 24).
    run(`INSERT INTO device_enrolments (code_hash, device_name, kind, created_by, created_at_ms, expires_at_ms, units)
         VALUES ('c3', 'desk-k', 'desk', 'Admin', 9300, 19300, '["kota-city"]')`);
    run(`INSERT INTO devices (name, kind, credential_hash, enrolled_by, enrolled_at_ms, units)
         VALUES ('desk-k', 'desk', 'k3', 'Admin', 9400, '["kota-city"]')`);
    const all = () => db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').all();
    const before = all();
    expect(before).toHaveLength(20); // audit.started, then 19 fed by the triggers

    for (const m of MIGRATIONS.filter((m) => m.version >= 26)) db.exec(m.sql);
    expect(triggers()).toEqual(['audit_append_insert', 'audit_log_no_delete', 'audit_log_no_update']);
    expect(missingAuditTriggers(db)).toEqual([]);
    expect(all()).toEqual(before);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: before.length });

    // The same changes through the store: the same entries, chained on after the old ones.
    run(`DELETE FROM unit_contacts`);
    run(`DELETE FROM roster`);
    createAccount(
      db,
      { name: 'Unit Old2', role: 'unit', passwordHash: 'h', units: ['kota-city'] },
      'Admin',
      1000,
    );
    updateAccount(db, 'Unit Old2', { lockedAtMs: 2000, passwordHash: 'h2' }, 'system', 2000);
    logSession(db, 'Unit Old2', 'logon', 'desk-1', 3000);
    setUnitContact(db, 'kota-city', '0744', 'Admin', 4000);
    setUnitContact(db, 'kota-city', '0745', 'Admin', 4100);
    appendAlarmLog(db, [
      { atMs: 5000, kind: 'silence', actor: 'Op', detail: { flagId: 'fl_x', reason: 'phone' } },
    ]);
    appendFlagEvent(db, 'fl_x', 6000, 'closed', 'Op', { outcome: 'contacted', note: 'typed' });
    const store = new SqliteStore(db);
    store.setRoster('s2', [{ desk: 'desk-1', operator: 'Op Bela', supervisor: false }]);
    store.setRoster('s2', [{ desk: 'desk-2', operator: 'Sup Dev', supervisor: true }]);
    // A handover's SHA-256 covers its anchor (the head of this trail), so it cannot be made equal
    // to the old row's through the store: the entries are built from the same values instead.
    appendAudit(
      db,
      handoverSignedAudit('s2', 'Sup Out', 7000, sha, notes),
      handoverReceivedAudit('s2', 'Sup In', 7100, sha),
    );
    saveUnitRegistry(db, {
      registry: DEFAULT_UNIT_REGISTRY,
      basedOn: 1,
      changes: ['kota-city:contacts'],
      by: 'Admin',
      atMs: 8000,
      sourceSha256: sha,
    });
    createEnrolment(db, {
      name: 'wall-2',
      kind: 'wall',
      codeHash: 'c2',
      by: 'Admin',
      atMs: 9000,
      ttlMs: 10_000,
    });
    const redeemed = redeemEnrolment(db, 'c2', 'k2', 9100);
    expect(redeemed.ok).toBe(true);
    revokeDevice(db, 'wall-2', 'Admin', 9200);
    createEnrolment(db, {
      name: 'desk-k2',
      kind: 'desk',
      codeHash: 'c4',
      by: 'Admin',
      atMs: 9300,
      ttlMs: 10_000,
      units: ['kota-city'],
    });
    expect(redeemEnrolment(db, 'c4', 'k4', 9400).ok).toBe(true);
    const after = all();
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2 * before.length - 1 });
    // What differs is only what the two runs were given: the account's, shift's, device's and
    // version's names, the devices' row ids, and the roster's clock (the roster records no time).
    const renamed: Record<string, string> = {
      'Unit Old': 'Unit Old2',
      s1: 's2',
      'wall-1': 'wall-2',
      'desk-k': 'desk-k2',
      v1: 'v2',
    };
    const comparable = (e: AuditEntry) =>
      JSON.stringify({
        at_ms: e.action === 'roster.changed' ? 0 : e.at_ms,
        actor: renamed[e.actor] ?? e.actor,
        action: e.action,
        target: e.target === null ? null : (renamed[e.target] ?? e.target),
        outcome: e.outcome,
        detail_json: e.detail_json
          .replace('"version":1,', '"version":2,')
          .replace(/"device":\d+/, '"device":"row id"'),
      });
    // Within one UPDATE the triggers fired newest first; the store writes role, lock, password.
    expect(after.slice(before.length).map(comparable).sort()).toEqual(before.slice(1).map(comparable).sort());
    db.close();
  });
});
