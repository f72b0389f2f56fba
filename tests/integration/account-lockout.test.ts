// The lockout (CJIS AC-7 style) and main's own idle lock, through the core's handlers as a desk
// calls them, on an injected clock: one answer for every failed logon whatever the name, a lock
// that ends by itself, unlock guesses that count and end the session, a desk that main locks when
// its operator has done nothing (whatever the page does), and old scrypt hashes made again.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { verifyAuditChain } from '../../electron/main/core/store/sqlite/audit-queries';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { createAccount, listAccounts } from '../../electron/main/core/store/sqlite/account-queries';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { LOCKOUT, LOGON_REFUSED } from '../../shared/accounts';
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

const ADMIN_PASSWORD = 'admin password 1';
const OPERATOR_PASSWORD = 'operator pass 1';
const accepted = { bannerAccepted: true as const };
const desk = (connection: string): CallContext => ({ role: 'desk', connection });
const IDLE_MS = 60_000;
// Every logon here hashes with scrypt at N = 2^17 (0.3–1.5 s on a busy machine); a test of a dozen
// logons needs more than the default 20 s.
const SLOW = { timeout: 90_000 };

async function rig() {
  const clock = { now: Date.parse('2026-12-01T22:00:00Z') };
  const { store, sync } = openTempStore();
  const core = createConsoleCore({
    store,
    host: 'headless',
    version: 'test',
    // Never started: these tests need the handlers, not the poller (nor the tick: the clock is ours).
    feed: defaultFeedConfig({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      pollIntervalMs: 1000,
      training: false,
    }),
    idleLockMs: IDLE_MS,
    now: () => clock.now,
  });
  opened.push({ core, sync });
  const h = core.handlers;
  await h.createFirstAdministrator(
    { name: 'Admin Testwal', password: ADMIN_PASSWORD, ...accepted },
    desk('a'),
  );
  await h.addAccount({ name: 'Op Testwal', role: 'operator', password: OPERATOR_PASSWORD }, desk('a'));
  const audit = (where: string) =>
    sync.database
      .prepare<[], { action: string; actor: string }>(
        `SELECT action, actor FROM audit_log WHERE ${where} ORDER BY seq`,
      )
      .all()
      .map((e) => `${e.action} ${e.actor}`);
  // Read from the store: the administrator's own desk has idled and locked by then.
  const locked = (name: string) =>
    listAccounts(sync.database, clock.now).find((a) => a.name === name)?.locked;
  return { core, sync, h, clock, audit, locked };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the lockout', SLOW, () => {
  it('gives every failure the same answer for a real name and an unknown one, the fifth included', async () => {
    const { h, clock, locked } = await rig();
    const answers = async (name: string) => {
      const out: string[] = [];
      for (let i = 1; i <= LOCKOUT.failures + 1; i++) {
        out.push(await refusal(h.logon({ name, password: `wrong guess ${i}`, ...accepted }, desk('b'))));
        clock.now += 1000;
      }
      return out;
    };
    const real = await answers('Op Testwal');
    const unknown = await answers('Nobody Testwal');
    expect(real).toEqual(unknown);
    expect(new Set(real)).toEqual(new Set([LOGON_REFUSED]));
    // The real name is locked all the same: its own password is refused with that same answer.
    expect(
      await refusal(h.logon({ name: 'Op Testwal', password: OPERATOR_PASSWORD, ...accepted }, desk('b'))),
    ).toBe(LOGON_REFUSED);
    expect(locked('Op Testwal')).toBe(true);
  });

  it('opens a locked account by itself after the lock time, with no one releasing it', async () => {
    const { h, clock, audit, locked } = await rig();
    for (let i = 1; i <= LOCKOUT.failures; i++)
      await refusal(h.logon({ name: 'Op Testwal', password: `wrong guess ${i}`, ...accepted }, desk('b')));
    const lockedAt = clock.now;
    clock.now = lockedAt + LOCKOUT.lockMs - 1;
    await expect(
      h.logon({ name: 'Op Testwal', password: OPERATOR_PASSWORD, ...accepted }, desk('b')),
    ).rejects.toThrow(LOGON_REFUSED);
    clock.now = lockedAt + LOCKOUT.lockMs;
    expect(locked('Op Testwal')).toBe(false);
    expect(
      await h.logon({ name: 'Op Testwal', password: OPERATOR_PASSWORD, ...accepted }, desk('b')),
    ).toEqual({
      name: 'Op Testwal',
      role: 'operator',
    });
    expect(audit(`target = 'Op Testwal' AND action LIKE 'account.%'`)).toEqual([
      'account.created Admin Testwal',
      'account.locked system',
      'account.released system',
    ]);
  });

  it('starts counting again after a lock ran out: one more typo does not lock it again', async () => {
    const { h, clock, sync, locked } = await rig();
    for (let i = 1; i <= LOCKOUT.failures; i++)
      await refusal(h.logon({ name: 'Op Testwal', password: `wrong guess ${i}`, ...accepted }, desk('b')));
    // Guesses during the lock are logged but do not count toward the next one.
    clock.now += 60_000;
    await refusal(h.logon({ name: 'Op Testwal', password: 'wrong during lock', ...accepted }, desk('b')));
    clock.now += LOCKOUT.lockMs;
    await refusal(h.logon({ name: 'Op Testwal', password: 'one typo after', ...accepted }, desk('b')));
    expect(locked('Op Testwal')).toBe(false);
    expect(
      sync.database
        .prepare<[], { n: number }>(`SELECT count(*) AS n FROM session_log WHERE kind = 'logon_failed'`)
        .get()!.n,
    ).toBe(LOCKOUT.failures + 2);
  });
});

describe('unlocking a locked desk', SLOW, () => {
  it('counts wrong passwords toward the lockout, and the one that locks the account ends the session', async () => {
    const { h, clock, audit, sync } = await rig();
    await h.logon({ name: 'Op Testwal', password: OPERATOR_PASSWORD, ...accepted }, desk('op'));
    await h.lockDesk({}, desk('op'));
    for (let i = 1; i < LOCKOUT.failures; i++) {
      await expect(h.unlockDesk({ password: `wrong guess ${i}` }, desk('op'))).rejects.toThrow(
        'Password not recognised; or log off.',
      );
      clock.now += 1000;
    }
    await expect(h.unlockDesk({ password: 'wrong guess 5' }, desk('op'))).rejects.toThrow(
      /you are logged off/,
    );
    expect((await h.getSession({}, desk('op'))).user).toBeNull();
    // The account follows the lockout: locked, and its own password refused until the lock ends.
    await expect(
      h.logon({ name: 'Op Testwal', password: OPERATOR_PASSWORD, ...accepted }, desk('op')),
    ).rejects.toThrow(LOGON_REFUSED);
    expect(audit(`actor = 'Op Testwal' OR target = 'Op Testwal'`)).toEqual([
      'account.created Admin Testwal',
      'session.logon Op Testwal',
      'session.desk_locked Op Testwal',
      ...Array(LOCKOUT.failures).fill('session.unlock_failed Op Testwal'),
      'account.locked system',
      'session.logoff_forced Op Testwal',
      'session.logon_failed Op Testwal',
    ]);
    expect(verifyAuditChain(sync.database)).toMatchObject({ ok: true });
  });
});

describe("main's idle lock", SLOW, () => {
  async function withFlagAndOperator() {
    const r = await rig();
    r.sync.commitPage(pageInput([makeFlag({ id: 'fl_idle' })], 'c_idle', r.clock.now - 60_000));
    await r.h.logon({ name: 'Op Testwal', password: OPERATOR_PASSWORD, ...accepted }, desk('op'));
    return r;
  }
  const reveal = { id: 'fl_idle', operator: 'x', reason: 'checking the case' };

  it('locks a session idle past its time although the page never asks, and refuses it all but unlock', async () => {
    const { h, clock, audit } = await withFlagAndOperator();
    // A page that polls by itself: reads do not keep the desk open.
    for (let s = 0; s < IDLE_MS; s += 10_000) {
      clock.now += 10_000;
      await h.listQueue({}, desk('op'));
      await h.getFeedHealth({}, desk('op'));
      await h.getAlarm({}, desk('op'));
    }
    expect((await h.getSession({}, desk('op'))).locked).toBe(true);
    await expect(h.revealFlag(reveal, desk('op'))).rejects.toMatchObject({
      kind: 'forbidden',
      message: expect.stringMatching(/locked/),
    });
    await expect(h.getFlagDetail({ id: 'fl_idle' }, desk('op'))).rejects.toThrow(/locked/);
    await expect(h.reportActivity({}, desk('op'))).rejects.toThrow(/locked/);
    // The page's own timer, firing late, asks to lock what main has locked: no error to show.
    expect(await h.lockDesk({}, desk('op'))).toEqual({ done: true });
    expect(await h.unlockDesk({ password: OPERATOR_PASSWORD }, desk('op'))).toMatchObject({
      name: 'Op Testwal',
    });
    expect(await h.revealFlag(reveal, desk('op'))).toBeDefined();
    expect(audit(`actor = 'Op Testwal' AND action LIKE 'session.%'`)).toEqual([
      'session.logon Op Testwal',
      'session.desk_idle_locked Op Testwal',
      'session.desk_unlocked Op Testwal',
    ]);
  });

  it('keeps the desk open while the operator works: the page reports input, actions count', async () => {
    const { h, clock } = await withFlagAndOperator();
    for (let i = 0; i < 5; i++) {
      clock.now += IDLE_MS - 1;
      await h.reportActivity({}, desk('op'));
    }
    clock.now += IDLE_MS - 1;
    await h.acknowledge({ id: 'fl_idle', operator: 'x' }, desk('op'));
    clock.now += IDLE_MS - 1;
    expect(await h.revealFlag(reveal, desk('op'))).toBeDefined();
    expect((await h.getSession({}, desk('op'))).locked).toBe(false);
    clock.now += IDLE_MS;
    expect((await h.getSession({}, desk('op'))).locked).toBe(true);
  });

  it('locks each desk on its own clock', async () => {
    const { h, clock } = await withFlagAndOperator();
    clock.now += IDLE_MS / 2;
    await h.reportActivity({}, desk('a'));
    clock.now += IDLE_MS / 2;
    expect((await h.getSession({}, desk('op'))).locked).toBe(true);
    expect((await h.getSession({}, desk('a'))).locked).toBe(false);
  });
});

describe('stronger scrypt parameters', SLOW, () => {
  it('logs on with a hash made with the old N = 2^15, then stores it again with the current ones', async () => {
    const { h, sync, audit } = await rig();
    const old = await hashPassword('old hash pass 1', { N: 2 ** 15, r: 8, p: 1 });
    // An account whose stored hash was made with the old parameters (the store keeps what it is given).
    createAccount(sync.database, { name: 'Sup Oldhash', role: 'supervisor', passwordHash: old }, 'test', 0);
    const stored = () =>
      sync.database
        .prepare<[], { h: string }>(`SELECT password_hash AS h FROM accounts WHERE name = 'Sup Oldhash'`)
        .get()!.h;
    expect(
      await h.logon({ name: 'Sup Oldhash', password: 'old hash pass 1', ...accepted }, desk('s')),
    ).toMatchObject({
      role: 'supervisor',
    });
    expect(stored()).toMatch(/^scrypt\$131072\$8\$1\$/);
    await h.logoff({}, desk('s'));
    expect(
      await h.logon({ name: 'Sup Oldhash', password: 'old hash pass 1', ...accepted }, desk('s')),
    ).toMatchObject({
      role: 'supervisor',
    });
    await expect(
      h.logon({ name: 'Sup Oldhash', password: 'not the password', ...accepted }, desk('s')),
    ).rejects.toThrow(LOGON_REFUSED);
    expect(audit(`target = 'Sup Oldhash' AND action LIKE 'account.%'`)).toEqual([
      'account.created test',
      'account.password_rehashed system',
    ]);
    expect(verifyAuditChain(sync.database)).toMatchObject({ ok: true });
  });
});
