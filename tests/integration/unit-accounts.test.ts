// The unit role from the command line and in the store: bound to known units only, audited with
// them, and a database from before migration 21 keeps its accounts.
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/main/core/store/sqlite/migrations';
import {
  createAccount,
  getAccount,
  updateAccount,
} from '../../electron/main/core/store/sqlite/account-queries';
import { registerAuditFunctions } from '../../electron/main/core/store/sqlite/register-audit-functions';
import { lifeline } from '../helpers/cli';
import { openTempStore, tempDir } from '../helpers/temp-store';

describe('the unit role', { timeout: 90_000 }, () => {
  it('lifeline account add --role unit --units: known units only, listed and audited', () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const { sync } = openTempStore(dir, key);
    sync.close();
    const env = { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: key.toString('hex') };
    const add = (args: string[]) =>
      lifeline(['account', 'add', ...args], {
        ...env,
        LIFELINE_NEW_PASSWORD: 'unit pass 12',
        LIFELINE_PASSWORD: 'admin pass 1',
      });
    expect(
      lifeline(['account', 'add', '--name', 'Admin Asha', '--role', 'administrator', '--by', 'Installer'], {
        ...env,
        LIFELINE_NEW_PASSWORD: 'admin pass 1',
      }).code,
    ).toBe(0);
    expect(add(['--name', 'Unit Nounits', '--role', 'unit', '--by', 'Admin Asha']).err).toMatch(
      /--units: a unit account needs its units/,
    );
    expect(
      add([
        '--name',
        'Unit Nowhere',
        '--role',
        'unit',
        '--units',
        'atlantis-control-room',
        '--by',
        'Admin Asha',
      ]).err,
    ).toMatch(/--units: atlantis-control-room is not a unit of the registry in force/);
    expect(
      add([
        '--name',
        'Op Units',
        '--role',
        'operator',
        '--units',
        'jodhpur-control-room',
        '--by',
        'Admin Asha',
      ]).err,
    ).toMatch(/--units: only with account add --role unit/);
    expect(
      add([
        '--name',
        'Unit Marwarwal',
        '--role',
        'unit',
        '--units',
        'jodhpur-control-room,barmer-control-room',
        '--by',
        'Admin Asha',
      ]).out,
    ).toContain('added Unit Marwarwal (unit: jodhpur-control-room, barmer-control-room)');
    expect(lifeline(['account', 'list'], env).out).toContain(
      'Unit Marwarwal\tunit\tjodhpur-control-room,barmer-control-room',
    );
    const { sync: reopened } = openTempStore(dir, key);
    const created = reopened.database
      .prepare<[], { detail_json: string }>(
        `SELECT detail_json FROM audit_log WHERE action = 'account.created' AND target = 'Unit Marwarwal'`,
      )
      .get();
    // The role is reduced to its length like every non-code text of the trail; the units are codes.
    expect(JSON.parse(created!.detail_json)).toEqual({
      roleLength: 4,
      units: ['jodhpur-control-room', 'barmer-control-room'],
    });
    reopened.close();
  });

  it('keeps units for the unit role only, and a role change is audited with them', () => {
    const { sync } = openTempStore();
    const db = sync.database;
    expect(() => createAccount(db, { name: 'Unit Bare', role: 'unit', passwordHash: 'x' }, 'A', 1)).toThrow(
      /a unit account needs the units/,
    );
    expect(() =>
      createAccount(
        db,
        { name: 'Op Units', role: 'operator', passwordHash: 'x', units: ['jaipur-control-room'] },
        'A',
        1,
      ),
    ).toThrow(/only a unit account has units/);
    createAccount(db, { name: 'Op Later', role: 'operator', passwordHash: 'x' }, 'A', 1);
    expect(() => updateAccount(db, 'Op Later', { role: 'unit' }, 'A', 2)).toThrow(/needs the units/);
    expect(
      updateAccount(db, 'Op Later', { role: 'unit', units: ['jaipur-control-room'] }, 'A', 3),
    ).toMatchObject({
      role: 'unit',
      units: ['jaipur-control-room'],
    });
    expect(updateAccount(db, 'Op Later', { role: 'operator' }, 'A', 4).units).toBeUndefined();
    expect(getAccount(db, 'Op Later')?.units).toBeNull();
    const changes = db
      .prepare<[], { detail_json: string }>(
        `SELECT detail_json FROM audit_log WHERE action = 'account.role_changed' ORDER BY seq`,
      )
      .all()
      .map((r) => JSON.parse(r.detail_json));
    expect(changes).toEqual([
      { from: 'operator', to: 'unit', fromUnits: null, toUnits: ['jaipur-control-room'] },
      { from: 'unit', to: 'operator', fromUnits: ['jaipur-control-room'], toUnits: null },
    ]);
    sync.close();
  });

  it('migration 21 keeps the accounts of an older database', () => {
    const db = new Database(':memory:');
    registerAuditFunctions(db, 'test');
    for (const m of MIGRATIONS.filter((m) => m.version < 21)) db.exec(m.sql);
    db.prepare(
      `INSERT INTO accounts (name, role, password_hash, locked_at_ms, created_at_ms, created_by, changed_at_ms, changed_by)
       VALUES ('Sup Oldwal', 'supervisor', 'hash', 5, 1, 'A', 1, 'A')`,
    ).run();
    db.exec(MIGRATIONS.find((m) => m.version === 21)!.sql);
    // The store's code runs on the latest schema (since 24 it writes the audit entries itself).
    for (const m of MIGRATIONS.filter((m) => m.version > 21)) db.exec(m.sql);
    expect(getAccount(db as never, 'sup oldwal')).toEqual({
      name: 'Sup Oldwal',
      role: 'supervisor',
      password_hash: 'hash',
      locked_at_ms: 5,
      units: null,
    });
    // A change is still audited (once), and the rebuilt table's CHECK keeps units to the unit role.
    updateAccount(db as never, 'Sup Oldwal', { lockedAtMs: null }, 'A', 9);
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'account.released'`).get()).toEqual(
      { n: 1 },
    );
    expect(() => db.prepare(`UPDATE accounts SET units = '["x"]' WHERE name = 'Sup Oldwal'`).run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
