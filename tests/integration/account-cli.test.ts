// `lifeline account` and the command line's own authentication: the first administrator from the
// machine, then only an administrator's password adds accounts; a command's --by must be an account
// whose role allows it, and wrong passwords there count toward the same lockout as at a desk.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/main/core/store/open-database';
import { lifeline } from '../helpers/cli';
import { openTempStore, tempDir } from '../helpers/temp-store';

function installation() {
  const dir = tempDir();
  const key = crypto.randomBytes(32);
  const { sync, file } = openTempStore(dir, key);
  sync.close();
  return { file, key, env: { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: key.toString('hex') } };
}

describe('lifeline account', () => {
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
});
