// The same actions leave the same audit trail on both engines: action, actor, target and detail,
// entry for entry in order (times, seq, hashes and the desk differ by nature). Both engines build
// their entries with core/store/audit-entries.ts; this checks that nothing engine-specific (a write
// path that forgets its entry, a detail built differently) creeps back in.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, instanceOf } from '../../shared/shifts/schedule';
import { DEFAULT_UNIT_REGISTRY } from '../../shared/routing/unit-registry';
import type { StoreAdmin } from '../../electron/main/core/store/store-admin';
import { postgresEngine, sqliteEngine, type OpenedEngine } from '../helpers/store-engines';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';

/** Every kind of audited write, in one fixed order (each step's time given, never the clock's). */
async function actions(store: StoreAdmin): Promise<void> {
  const id = 'fl_audit_a';
  const other = 'fl_audit_b';
  // Ingest: the feed's own events are not audited; a revision neither.
  await store.commitPage(pageInput([makeFlag({ id, risk: 'imminent' }), makeFlag({ id: other })], 'c_1'));
  await store.commitPage(pageInput([makeFlag({ id: other, revision: 2, risk: 'high' })], 'c_2', 1_500));
  await store.revealFlag(id, 'Op One', 'Welfare check for Zubeida', 2_000);
  await store.acknowledge(id, 'Op One', 2_100);
  await store.dispatch(id, 'Op One', { unitKey: 'kota-city', called: 'SHO Kota', means: 'phone' }, 3_000);
  await store.confirmDispatch(id, 'Op One', 'SI Ram', 4_000);
  await store.closeFlag(id, 'Op One', { outcome: 'contacted', note: 'spoke to the family' }, 5_000, [1_000]);
  await store.undoClose(id, 'Op One', 6_000);
  await store.closeFlag(id, 'Op One', { outcome: 'contacted' }, 7_000, [1_000]);
  await store.surfaceDueFollowUps(8_000);
  await store.recordFollowUp(id, 1, 'Op One', { outcome: 'safe_and_well', note: 'fine' }, 8_200);
  // A district control room's side of a dispatch.
  await store.acknowledge(other, 'Op Two', 9_000);
  await store.dispatch(other, 'Op Two', { unitKey: 'kota-city', called: 'SHO Kota', means: 'radio' }, 9_100);
  await store.recordUnitAction(other, { kind: 'receipt', unitKey: 'kota-city' }, 'Unit Kota', 9_200);
  await store.recordUnitAction(
    other,
    { kind: 'step', unitKey: 'kota-city', step: { kind: 'contact_made' } },
    'Unit Kota',
    9_300,
  );
  await store.recordFlagEvent(other, 9_400, 'some_kind_added_later', 'Op Two', { note: 'typed' });
  // Alarms: one about a flag (its target), one not.
  await store.appendAlarmLog([
    { atMs: 10_000, kind: 'silence', actor: 'Op One', detail: { flagId: id, reason: 'on the phone' } },
    { atMs: 10_100, kind: 'test_alarm', actor: 'Op One', detail: { outcome: 'heard' } },
  ]);
  // Accounts: created (with and without units), a role and units change, lockout, release, logons.
  await store.createAccount(
    { name: 'Admin Asha', role: 'administrator', passwordHash: 'a' },
    'Installer',
    11_000,
    {
      onlyIfFirst: true,
    },
  );
  await store.createAccount({ name: 'Op Bela', role: 'operator', passwordHash: 'b' }, 'Admin Asha', 11_100);
  await store.createAccount(
    { name: 'Unit Kota', role: 'unit', passwordHash: 'u', units: ['kota-city'] },
    'Admin Asha',
    11_200,
  );
  await store.updateAccount('Unit Kota', { units: ['kota-city', 'kota-rural'] }, 'Admin Asha', 11_300);
  await store.updateAccount('Unit Kota', { role: 'operator' }, 'Admin Asha', 11_400);
  for (let i = 0; i < 5; i++) await store.recordLogonFailure('op bela', 'desk-1', 12_000 + i);
  await store.recordLogonFailure('nobody', 'desk-2', 12_100);
  await store.breakGlassRelease('Op Bela', 'Admin Asha', 'console', 13_000);
  await store.logSession('Op Bela', 'logon', 'desk-1', 13_100);
  await store.updateAccount('Op Bela', { passwordHash: 'b2' }, 'Op Bela', 13_200);
  await store.updateAccount('Op Bela', { passwordHash: 'b3' }, 'system', 13_300);
  await store.updateAccount('Op Bela', { lockedAtMs: 13_400, role: 'supervisor' }, 'Admin Asha', 13_400);
  await store.updateAccount('Op Bela', { lockedAtMs: null }, 'Admin Asha', 13_500);
  await store.logSession('Op Bela', 'logoff', 'desk-1', 13_600);
  // The roster (assigned, then replaced: removed and assigned), the handover signed and received.
  const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', DEFAULT_SCHEDULE[0]!.key);
  await store.setRoster(shift.id, [
    { desk: 'desk-1', operator: 'Op Bela', supervisor: false },
    { desk: 'desk-sup', operator: 'Sup Outgoing', supervisor: true },
  ]);
  await store.setRoster(shift.id, [{ desk: 'desk-2', operator: 'Op Chitra', supervisor: false }]);
  const summary = await store.handoverSummary(shift, shift.endMs, false);
  await store.signHandover(summary, 'Two flags carried over', 'Sup Outgoing', shift.endMs);
  await store.receiveHandover(shift.id, 'Sup Incoming', shift.endMs + 1);
  // Unit contacts (set, then changed), the registry, devices.
  await store.setUnitContact('kota-city', '0744-0000000', 'Admin Asha', 14_000);
  await store.setUnitContact('kota-city', '0744-1111111', 'Admin Asha', 14_100);
  await store.saveUnitRegistry({
    registry: DEFAULT_UNIT_REGISTRY,
    basedOn: 0,
    changes: ['kota-city:contacts'],
    by: 'Admin Asha',
    atMs: 15_000,
    sourceSha256: null,
  });
  await store.saveUnitRegistry({
    registry: DEFAULT_UNIT_REGISTRY,
    basedOn: 1,
    changes: [],
    by: 'Admin Asha',
    atMs: 15_100,
    sourceSha256: 'ab'.repeat(32),
  });
  await store.createEnrolment({
    name: 'wall-1',
    kind: 'wall',
    codeHash: 'c1',
    by: 'Admin Asha',
    atMs: 16_000,
    ttlMs: 10_000,
  });
  await store.redeemEnrolment('c1', 'cred1', 16_100);
  await store.revokeDevice('wall-1', 'Admin Asha', 16_200);
  await store.createEnrolment({
    name: 'desk-kota',
    kind: 'desk',
    codeHash: 'c2',
    by: 'Admin Asha',
    atMs: 16_300,
    ttlMs: 10_000,
    units: ['kota-city'],
  });
  await store.redeemEnrolment('c2', 'cred2', 16_400);
  // Retention's erasure and an entry recorded through the seam.
  await store.purgePersonal(1_000, 100_000, 'system');
  await store.recordAudit({
    atMs: 17_000,
    actor: 'Admin Asha',
    action: 'key.escrowed',
    target: null,
    detail: { to: 'file' },
  });
}

/**
 * What must be equal: all but times, seq, hashes and the desk. A handover's SHA-256 covers its anchor,
 * the engine's own audit head (whose hash covers times and desk), so it is checked to be the signed
 * record's and then compared as a placeholder.
 */
const comparable = async (e: OpenedEngine) => {
  const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', DEFAULT_SCHEDULE[0]!.key);
  const signed = (await e.store.getHandover(shift.id))!.sha256;
  return (await e.auditRows()).map((r) => ({
    actor: r.actor,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    detail: r.action.startsWith('handover.')
      ? r.detail_json.replace(signed, '<signed sha256>')
      : r.detail_json,
  }));
};

describe('the audit trail on both engines', () => {
  const opened: OpenedEngine[] = [];
  afterEach(async () => {
    for (const e of opened.splice(0)) await e.close();
  });

  it('the same actions write the same entries (action, actor, target, detail) in the same order', async () => {
    const sqlite = await sqliteEngine.open();
    opened.push(sqlite);
    const postgres = await postgresEngine.open();
    opened.push(postgres);
    await actions(sqlite.store);
    await actions(postgres.store);
    const fromSqlite = await comparable(sqlite);
    const fromPostgres = await comparable(postgres);
    // audit.started records each engine's schema version: the one entry that differs by design.
    expect(fromSqlite[0]!.action).toBe('audit.started');
    expect(fromPostgres[0]!.action).toBe('audit.started');
    expect(fromSqlite.slice(1)).toEqual(fromPostgres.slice(1));
    // Every kind of write above reached the trail (the comparison cannot pass on two empty trails).
    expect(new Set(fromSqlite.map((r) => r.action))).toEqual(
      new Set([
        'audit.started',
        'flag.revealed',
        'flag.acknowledged',
        'flag.dispatched',
        'flag.unit_confirmed',
        'flag.closed',
        'flag.close_undone',
        'flag.follow_up_due',
        'flag.follow_up_done',
        'flag.unit_received',
        'flag.unit_step',
        'flag.some_kind_added_later',
        'flag.personal_erased',
        'alarm.silence',
        'alarm.test_alarm',
        'account.created',
        'account.role_changed',
        'account.locked',
        'account.released',
        'account.break_glass_release',
        'account.password_changed',
        'account.password_rehashed',
        'session.logon_failed',
        'session.logon',
        'session.logoff',
        'roster.changed',
        'handover.signed',
        'handover.received',
        'unit.contact_set',
        'unit.registry_saved',
        'device.enrolment_created',
        'device.enrolled',
        'device.revoked',
        'key.escrowed',
      ]),
    );
  });
});
