// Accounts through the core's handlers, as a desk calls them: the first administrator, logon with
// lockout after five failures, roles, the acting user taking the place of any typed name, the idle
// lock, and every step in the audit trail — with no password anywhere in the database.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { verifyAuditChain } from '../../electron/main/core/store/sqlite/audit-queries';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { LOGON_REFUSED } from '../../shared/accounts';
import type { CallContext } from '../../shared/contract';
import { makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';

const opened: { core: ConsoleCore; sync: SqliteStore }[] = [];
afterEach(async () => {
  for (const { core, sync } of opened.splice(0)) {
    await core.stop();
    sync.close();
  }
});

let clock = Date.parse('2026-12-01T22:00:00Z');
function rig() {
  const { store, sync } = openTempStore();
  const core = createConsoleCore({
    store,
    host: 'headless',
    version: 'test',
    // Never started: these tests need the handlers, not the poller.
    feed: defaultFeedConfig({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      pollIntervalMs: 1000,
      training: false,
    }),
    now: () => clock,
  });
  opened.push({ core, sync });
  return { core, sync, h: core.handlers };
}
const desk = (connection: string): CallContext => ({ role: 'desk', connection });
const ADMIN_PASSWORD = 'admin password 1';
const accepted = { bannerAccepted: true as const };

async function withAdmin() {
  const r = rig();
  await r.h.createFirstAdministrator(
    { name: 'Admin Testwal', password: ADMIN_PASSWORD, ...accepted },
    desk('a'),
  );
  return r;
}

// Logons hash with scrypt at N = 2^17 (0.3–1.5 s each on a busy machine).
describe('accounts', { timeout: 60_000 }, () => {
  it('creates the first administrator once, on first run only', async () => {
    const { h } = rig();
    expect(await h.getSession({}, desk('a'))).toMatchObject({ user: null, accountsExist: false });
    expect(
      await h.createFirstAdministrator(
        { name: 'Admin Testwal', password: ADMIN_PASSWORD, ...accepted },
        desk('a'),
      ),
    ).toEqual({
      name: 'Admin Testwal',
      role: 'administrator',
    });
    expect(await h.getSession({}, desk('a'))).toMatchObject({
      user: { name: 'Admin Testwal' },
      accountsExist: true,
    });
    await expect(
      h.createFirstAdministrator({ name: 'Another Admin', password: ADMIN_PASSWORD, ...accepted }, desk('b')),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('locks an account after five failed logons in fifteen minutes; a supervisor may release it sooner', async () => {
    const { h, sync } = await withAdmin();
    await h.addAccount({ name: 'Op Testwal', role: 'operator', password: 'operator pass 1' }, desk('a'));
    for (let i = 1; i <= 4; i++) {
      await expect(
        h.logon({ name: 'Op Testwal', password: `wrong ${i}`, ...accepted }, desk('b')),
      ).rejects.toMatchObject({
        kind: 'forbidden',
        message: LOGON_REFUSED,
      });
      clock += 60_000;
    }
    // The fifth says nothing more than the others (a different answer would confirm the name).
    await expect(
      h.logon({ name: 'Op Testwal', password: 'wrong 5', ...accepted }, desk('b')),
    ).rejects.toThrow(LOGON_REFUSED);
    // Locked: even the right password is refused, with the same answer.
    await expect(
      h.logon({ name: 'Op Testwal', password: 'operator pass 1', ...accepted }, desk('b')),
    ).rejects.toThrow(LOGON_REFUSED);
    expect(await h.listAccounts({}, desk('a'))).toContainEqual({
      name: 'Op Testwal',
      role: 'operator',
      locked: true,
    });
    await h.releaseAccount({ name: 'Op Testwal' }, desk('a'));
    expect(
      await h.logon({ name: 'Op Testwal', password: 'operator pass 1', ...accepted }, desk('b')),
    ).toEqual({
      name: 'Op Testwal',
      role: 'operator',
    });

    const actions = sync.database
      .prepare<[], { action: string; actor: string }>(
        `SELECT action, actor FROM audit_log WHERE target = 'Op Testwal' OR actor = 'Op Testwal'`,
      )
      .all()
      .map((e) => `${e.action} ${e.actor}`);
    expect(actions).toEqual([
      'account.created Admin Testwal',
      ...Array(5).fill('session.logon_failed Op Testwal'),
      'account.locked system',
      'session.logon_failed Op Testwal',
      'account.released Admin Testwal',
      'session.logon Op Testwal',
    ]);
    const everything = JSON.stringify(sync.database.prepare('SELECT * FROM accounts').all());
    expect(everything).not.toContain('operator pass 1');
    expect(everything).toMatch(/scrypt\$131072\$8\$1\$/);
    expect(verifyAuditChain(sync.database)).toMatchObject({ ok: true });
  });

  it('four failures, fifteen minutes, then more: the window moves and nothing locks', async () => {
    const { h } = await withAdmin();
    await h.addAccount({ name: 'Op Slow', role: 'operator', password: 'operator pass 2' }, desk('a'));
    for (let i = 0; i < 8; i++) {
      await expect(
        h.logon({ name: 'Op Slow', password: 'nope nope', ...accepted }, desk('b')),
      ).rejects.toThrow(LOGON_REFUSED);
      clock += 4 * 60_000;
    }
    // Half an hour without a thing done at the administrator's desk: main has locked it.
    await h.unlockDesk({ password: ADMIN_PASSWORD }, desk('a'));
    expect((await h.listAccounts({}, desk('a'))).find((a) => a.name === 'Op Slow')?.locked).toBe(false);
  });

  it('answers only reads before logon, acts as the logged-on user, and keeps each role to its work', async () => {
    const { h, sync } = await withAdmin();
    sync.commitPage(pageInput([makeFlag({ id: 'fl_acc' })]));
    await h.addAccount({ name: 'Op Testwal', role: 'operator', password: 'operator pass 1' }, desk('a'));
    await h.addAccount({ name: 'Aud Testwal', role: 'auditor', password: 'auditor pass 1' }, desk('a'));
    expect(await h.listQueue({}, desk('x'))).toEqual([]); // the core's own view (not started)
    await expect(h.acknowledge({ id: 'fl_acc', operator: 'Op Testwal' }, desk('x'))).rejects.toThrow(
      'Log on first.',
    );

    await h.logon({ name: 'Aud Testwal', password: 'auditor pass 1', ...accepted }, desk('aud'));
    await expect(h.acknowledge({ id: 'fl_acc', operator: 'Aud Testwal' }, desk('aud'))).rejects.toThrow(
      'The auditor role may not acknowledge.',
    );
    await h.logon({ name: 'Op Testwal', password: 'operator pass 1', ...accepted }, desk('op'));
    await expect(
      h.addAccount({ name: 'Op New', role: 'operator', password: 'whatever 123' }, desk('op')),
    ).rejects.toThrow('The operator role may not addAccount.');
    await expect(
      h.signHandover({ shiftId: '2026-12-01:night', supervisor: 'Op Testwal', notes: '' }, desk('op')),
    ).rejects.toThrow('The operator role may not signHandover.');
    // Whatever name the page sends, the logged-on user is who acted.
    const item = await h.acknowledge({ id: 'fl_acc', operator: 'Somebody Else' }, desk('op'));
    expect(item.acknowledgedBy).toBe('Op Testwal');
    await expect(h.setAccountRole({ name: 'Admin Testwal', role: 'operator' }, desk('a'))).rejects.toThrow(
      /own role/,
    );
    expect(await h.setAccountRole({ name: 'Op Testwal', role: 'supervisor' }, desk('a'))).toMatchObject({
      role: 'supervisor',
    });
  });

  it('locks an idle desk: nothing but unlock or logoff until the user password is given', async () => {
    const { h, core } = await withAdmin();
    await h.lockDesk({}, desk('a'));
    expect(await h.getSession({}, desk('a'))).toMatchObject({
      locked: true,
      user: { name: 'Admin Testwal' },
    });
    await expect(h.listAccounts({}, desk('a'))).rejects.toThrow(/locked/);
    await expect(h.unlockDesk({ password: 'not it at all' }, desk('a'))).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(await h.unlockDesk({ password: ADMIN_PASSWORD }, desk('a'))).toMatchObject({
      name: 'Admin Testwal',
    });
    expect((await h.getSession({}, desk('a'))).locked).toBe(false);
    // The window closes: the session ends.
    await core.endSession('a');
    expect((await h.getSession({}, desk('a'))).user).toBeNull();
  });

  it('refuses a logon that has not accepted the system-use notice, and a short password', async () => {
    const { h } = rig();
    const { invokeContract } = await import('../../shared/contract');
    expect(
      invokeContract.logon.request.safeParse({ name: 'Admin', password: 'x', bannerAccepted: false }).success,
    ).toBe(false);
    expect(
      invokeContract.createFirstAdministrator.request.safeParse({
        name: 'Admin',
        password: 'short',
        bannerAccepted: true,
      }).error?.issues[0]?.message,
    ).toBe('password: at least 10 characters');
    expect(h).toBeDefined();
  });

  it("lets only an administrator enter a unit's control-room number, validated and audited", async () => {
    const { h, sync } = await withAdmin();
    await h.addAccount({ name: 'Op Testwal', role: 'operator', password: 'operator pass 1' }, desk('a'));
    await h.logon({ name: 'Op Testwal', password: 'operator pass 1', ...accepted }, desk('op'));
    await expect(
      h.setUnitContact({ unitKey: 'jodhpur-control-room', contact: '0291 2650 100' }, desk('op')),
    ).rejects.toThrow('The operator role may not setUnitContact.');
    await expect(
      h.setUnitContact({ unitKey: 'atlantis-control-room', contact: '0291 2650 100' }, desk('a')),
    ).rejects.toThrow(/unitKey: no unit "atlantis-control-room"/);
    const { invokeContract } = await import('../../shared/contract');
    expect(
      invokeContract.setUnitContact.request.safeParse({ unitKey: 'jodhpur-control-room', contact: 'call me' })
        .error?.issues[0]?.message,
    ).toBe('contact: a telephone number (digits, spaces, + and -)');
    await h.setUnitContact({ unitKey: 'jodhpur-control-room', contact: '0291 2650 100' }, desk('a'));
    await h.setUnitContact({ unitKey: 'jodhpur-control-room', contact: '0291 2650 101' }, desk('a'));
    expect(await h.listUnitContacts({}, desk('op'))).toEqual([
      {
        unitKey: 'jodhpur-control-room',
        contact: '0291 2650 101',
        changedBy: 'Admin Testwal',
        changedAtMs: clock,
      },
    ]);
    const audit = sync.database
      .prepare<[], { action: string; actor: string; target: string }>(
        `SELECT action, actor, target FROM audit_log WHERE action LIKE 'unit.%'`,
      )
      .all();
    expect(audit).toEqual([
      { action: 'unit.contact_set', actor: 'Admin Testwal', target: 'jodhpur-control-room' },
      { action: 'unit.contact_set', actor: 'Admin Testwal', target: 'jodhpur-control-room' },
    ]);
  });

  it('records a report export in the audit trail, and refuses an operator the report', async () => {
    const { h, sync } = await withAdmin();
    await h.addAccount({ name: 'Op Testwal', role: 'operator', password: 'operator pass 1' }, desk('a'));
    await h.logon({ name: 'Op Testwal', password: 'operator pass 1', ...accepted }, desk('op'));
    const range = { fromMs: clock - 7 * 24 * 3600_000, toMs: clock };
    await expect(h.getReport(range, desk('op'))).rejects.toThrow('The operator role may not getReport.');
    expect(await h.recordReportExport(range, desk('a'))).toEqual({ recorded: true });
    // Per-operator figures are for supervisors and administrators, not auditors.
    sync.commitPage(pageInput([makeFlag({ id: 'fl_rep' })], 'c_rep', clock - 3600_000));
    await h.acknowledge({ id: 'fl_rep', operator: 'x' }, desk('a'));
    await h.addAccount({ name: 'Aud Testwal', role: 'auditor', password: 'auditor pass 1' }, desk('a'));
    await h.logon({ name: 'Aud Testwal', password: 'auditor pass 1', ...accepted }, desk('aud'));
    expect((await h.getReport(range, desk('a'))).response.byOperator.map((o) => o.operator)).toEqual([
      'Admin Testwal',
    ]);
    expect((await h.getReport(range, desk('aud'))).response.byOperator).toEqual([]);
    const entry = sync.database
      .prepare<[], { action: string; actor: string; detail_json: string }>(
        `SELECT action, actor, detail_json FROM audit_log WHERE action = 'report.exported'`,
      )
      .get()!;
    expect(entry).toMatchObject({ actor: 'Admin Testwal' });
    expect(JSON.parse(entry.detail_json)).toMatchObject({ fromMs: range.fromMs, toMs: range.toMs });
  });
});
