// `lifeline account` and the command line's own authentication: the first administrator from the
// machine, then only an administrator's password adds accounts; a command's --by must be an account
// whose role allows it, and wrong passwords there count toward the same lockout as at a desk.
import crypto from 'node:crypto';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { createAccount, recordLogonFailure } from '../../electron/main/core/store/sqlite/account-queries';
import { openEncryptedDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { LOCKOUT } from '../../shared/accounts';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import { lifeline } from '../helpers/cli';
import { openTempStore, tempDir } from '../helpers/temp-store';

function installation() {
  const dir = tempDir();
  const key = crypto.randomBytes(32);
  const { sync, file } = openTempStore(dir, key);
  sync.close();
  return { file, key, env: { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: key.toString('hex') } };
}

// Each step is a child process that starts TypeScript and hashes with scrypt at N = 2^17 (0.3–1.5 s
// on a busy machine): a test of eight steps needs more than the default 20 s.
describe('lifeline account', { timeout: 90_000 }, () => {
  it('adds the first administrator, then accounts only with an administrator password', () => {
    const { env, file, key } = installation();
    const add = (args: string[], extra: Record<string, string>) =>
      lifeline(['account', 'add', ...args], { ...env, ...extra });
    expect(
      add(['--name', 'Op Early', '--role', 'operator', '--by', 'Installer'], {
        LIFELINE_NEW_PASSWORD: 'first pass 1',
      }).err,
    ).toMatch(/first account must be an administrator/);
    expect(
      add(['--name', 'Admin Asha', '--role', 'administrator', '--by', 'Installer'], {
        LIFELINE_NEW_PASSWORD: 'admin pass 1',
      }).out,
    ).toContain('added Admin Asha (administrator)');
    const short = add(['--name', 'Op Short', '--role', 'operator', '--by', 'Admin Asha'], {
      LIFELINE_NEW_PASSWORD: 'short',
      LIFELINE_PASSWORD: 'admin pass 1',
    });
    expect(short.err).toMatch(/password: at least 10 characters/);
    const wrong = add(['--name', 'Op Testwal', '--role', 'operator', '--by', 'Admin Asha'], {
      LIFELINE_NEW_PASSWORD: 'operator pass 1',
      LIFELINE_PASSWORD: 'not the admin password',
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toMatch(/--by Admin Asha: name or password not recognised/);
    expect(
      add(['--name', 'Op Testwal', '--role', 'operator', '--by', 'Admin Asha'], {
        LIFELINE_NEW_PASSWORD: 'operator pass 1',
        LIFELINE_PASSWORD: 'admin pass 1',
      }).out,
    ).toContain('added Op Testwal (operator)');
    // An operator may not add accounts, nor purge.
    expect(
      add(['--name', 'Op Other', '--role', 'operator', '--by', 'Op Testwal'], {
        LIFELINE_NEW_PASSWORD: 'operator pass 2',
        LIFELINE_PASSWORD: 'operator pass 1',
      }).err,
    ).toMatch(/the operator role may not add an account/);
    expect(
      lifeline(['purge', '--by', 'Op Testwal'], { ...env, LIFELINE_PASSWORD: 'operator pass 1' }).err,
    ).toMatch(/the operator role may not purge/);
    const list = lifeline(['account', 'list'], env);
    expect(list.out).toContain('Admin Asha\tadministrator');
    expect(list.out).toContain('Op Testwal\toperator');
    expect(list.out).not.toMatch(/pass/);

    const db = openEncryptedDatabase(file, key, { createIfMissing: false });
    const actions = db
      .prepare<[], { action: string; actor: string }>(
        `SELECT action, actor FROM audit_log WHERE action LIKE 'account.%' OR action LIKE 'session.%'`,
      )
      .all()
      .map((e) => `${e.action} ${e.actor}`);
    db.close();
    expect(actions).toEqual([
      'account.created Installer',
      'session.logon_failed Admin Asha',
      'session.command Admin Asha',
      'account.created Admin Asha',
      'session.command_refused Op Testwal',
      'session.command_refused Op Testwal',
    ]);
  });

  it('releases with a password as before, and by break-glass (audited) when every releaser is locked', () => {
    const { env, file, key } = installation();
    const setUp = openEncryptedDatabase(file, key, { createIfMissing: false });
    addTestAccount(setUp, 'Admin Asha', 'administrator');
    addTestAccount(setUp, 'Sup Rao', 'supervisor');
    // Ten guesses from anywhere: both accounts that could release anyone are locked.
    for (const name of ['Admin Asha', 'Sup Rao'])
      for (let i = 0; i < LOCKOUT.failures; i++) recordLogonFailure(setUp, name, 'desk 9', Date.now());
    setUp.close();
    const release = (args: string[], extra: Record<string, string> = {}) =>
      lifeline(['account', 'release', ...args], { ...env, ...extra }, '');

    // A locked account cannot act, not even with its own right password (that is what a lock is).
    const refused = release(['--name', 'Sup Rao', '--by', 'Admin Asha'], {
      LIFELINE_PASSWORD: TEST_PASSWORD,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/--by Admin Asha: name or password not recognised, or the account is locked/);
    expect(refused.err).toMatch(/--break-glass/);
    expect(lifeline(['account', 'list'], env).out).toContain('Admin Asha\tadministrator\tLOCKED');
    expect(lifeline(['account', 'add', '--name', 'X Y', '--by', 'Z Z', '--break-glass'], env).err).toMatch(
      /--break-glass: only with account release/,
    );

    // The key holder at the console machine: no password asked (stdin is empty), on the record.
    const glass = release(['--name', 'Admin Asha', '--by', 'Inspector Meena', '--break-glass']);
    expect(glass.err).toBe('');
    expect(glass.out).toContain('released Admin Asha (break-glass, audited)');
    // Then the released administrator releases the supervisor the ordinary way, with a password.
    expect(
      release(['--name', 'Sup Rao', '--by', 'Admin Asha'], { LIFELINE_PASSWORD: TEST_PASSWORD }).out,
    ).toContain('released Sup Rao');
    expect(lifeline(['account', 'list'], env).out).not.toContain('LOCKED');

    const db = openEncryptedDatabase(file, key, { createIfMissing: false });
    const entries = db
      .prepare<[], { action: string; actor: string; target: string; detail_json: string }>(
        `SELECT action, actor, target, detail_json FROM audit_log
         WHERE action IN ('account.break_glass_release', 'account.released', 'session.command')`,
      )
      .all();
    db.close();
    expect(entries.map((e) => `${e.action} ${e.actor} -> ${e.target}`)).toEqual([
      'account.break_glass_release Inspector Meena -> Admin Asha',
      'account.released Inspector Meena -> Admin Asha',
      'session.command Admin Asha -> command line: release an account',
      'account.released Admin Asha -> Sup Rao',
    ]);
    expect(JSON.parse(entries[0]!.detail_json)).toEqual({
      desk: `command line as ${os.userInfo().username}`,
      wasLocked: true,
    });
  });

  it('makes a hash with the old scrypt parameters again when the command line authenticates with it', async () => {
    const { env, file, key } = installation();
    const setUp = openEncryptedDatabase(file, key, { createIfMissing: false });
    const old = await hashPassword(TEST_PASSWORD, { N: 2 ** 15, r: 8, p: 1 });
    createAccount(setUp, { name: 'Admin Asha', role: 'administrator', passwordHash: old }, 'test set-up', 0);
    setUp.close();
    expect(
      lifeline(['account', 'release', '--name', 'Admin Asha', '--by', 'Admin Asha'], {
        ...env,
        LIFELINE_PASSWORD: TEST_PASSWORD,
      }).out,
    ).toContain('released Admin Asha');
    const db = openEncryptedDatabase(file, key, { createIfMissing: false });
    const stored = db.prepare<[], { h: string }>('SELECT password_hash AS h FROM accounts').get()!.h;
    const actions = db
      .prepare<[], { a: string }>(
        `SELECT action || ' ' || actor AS a FROM audit_log WHERE action LIKE 'account.%'`,
      )
      .all()
      .map((r) => r.a);
    db.close();
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(actions).toEqual(['account.created test set-up', 'account.password_rehashed system']);
  });
});
