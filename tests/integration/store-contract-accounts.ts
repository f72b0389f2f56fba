// The store contract's part for accounts, devices and request stamps (store-contract.ts runs it on every
// engine): the lockout rule and break-glass release, resume tokens, device enrolment (a district desk's
// units), unit contacts, and request stamps that record an answer only with the action they stamp.
import { expect, it } from 'vitest';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';
import type { ContractSuite } from './store-contract-suite';

export function accountsContract({ open, chainOk }: ContractSuite) {
  it('accounts: the lockout rule, a break-glass release, sessions, all audited', async () => {
    const e = await open();
    const { store } = e;
    await store.createAccount(
      { name: 'Admin Asha', role: 'administrator', passwordHash: 'x' },
      'Installer',
      1_000,
      {
        onlyIfFirst: true,
      },
    );
    await expect(
      store.createAccount({ name: 'admin asha', role: 'operator', passwordHash: 'y' }, 'Admin Asha', 1_100),
    ).rejects.toThrow();
    await store.createAccount({ name: 'Op Bela', role: 'operator', passwordHash: 'y' }, 'Admin Asha', 1_200);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await store.recordLogonFailure('op bela', 'desk-1', 2_000 + i));
    expect(results).toEqual([false, false, false, false, true]);
    expect((await store.listAccounts(3_000)).find((a) => a.name === 'Op Bela')!.locked).toBe(true);
    expect(await store.breakGlassRelease('Op Bela', 'Admin Asha', 'console', 3_100)).toEqual({
      name: 'Op Bela',
      wasLocked: true,
    });
    await store.logSession('Op Bela', 'logon', 'desk-1', 3_200);
    expect((await store.getAccount('OP BELA'))!.locked_at_ms).toBeNull();
    const actions = (await chainOk(e)).map((r) => r.action);
    expect(actions.filter((a) => a === 'session.logon_failed')).toHaveLength(5);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account.created',
        'account.locked',
        'account.break_glass_release',
        'account.released',
        'session.logon',
      ]),
    );
  });

  it('resume tokens: kept by hash, updated in place, deleted and pruned by last sight', async () => {
    const { store } = await open();
    const token = {
      tokenHash: 'a'.repeat(64),
      binding: 'device-1',
      account: 'Op One',
      locked: false,
      lastActivityMs: 1_000,
      lastSeenMs: 1_000,
      issuedAtMs: 1_000,
    };
    await store.saveResumeToken(token);
    await store.saveResumeToken({ ...token, locked: true, lastActivityMs: 2_000, lastSeenMs: 3_000 });
    expect(await store.findResumeToken(token.tokenHash)).toEqual({
      ...token,
      locked: true,
      lastActivityMs: 2_000,
      lastSeenMs: 3_000,
    });
    await store.saveResumeToken({ ...token, tokenHash: 'b'.repeat(64), lastSeenMs: 10_000 });
    expect(await store.pruneResumeTokens(5_000)).toBe(1);
    expect(await store.findResumeToken(token.tokenHash)).toBeNull();
    await store.deleteResumeToken('b'.repeat(64));
    expect(await store.findResumeToken('b'.repeat(64))).toBeNull();
  });

  it('devices, unit contacts and request results', async () => {
    const e = await open();
    const { store } = e;
    await store.createEnrolment({
      name: 'wall-1',
      kind: 'wall',
      codeHash: 'c1',
      by: 'Admin',
      atMs: 1_000,
      ttlMs: 10_000,
    });
    expect(await store.redeemEnrolment('c1', 'cred1', 2_000)).toMatchObject({
      ok: true,
      device: { name: 'wall-1' },
    });
    expect(await store.redeemEnrolment('c1', 'cred2', 2_100)).toEqual({
      ok: false,
      reason: 'used',
      name: 'wall-1',
    });
    expect(await store.findDeviceByCredential('cred1')).toMatchObject({
      name: 'wall-1',
      revokedAtMs: null,
    });
    await store.revokeDevice('wall-1', 'Admin', 3_000);
    expect((await store.listDevices())[0]).toMatchObject({ revokedBy: 'Admin' });
    await store.setUnitContact('kota-city', '0744-0000000', 'Admin', 4_000);
    expect((await store.listUnitContacts())[0]).toMatchObject({
      unitKey: 'kota-city',
      contact: '0744-0000000',
    });
    await store.putRequestResult({
      requestId: 'r1',
      channel: 'ack',
      actor: 'Op',
      atMs: 5_000,
      resultJson: '{"a":1}',
    });
    await store.putRequestResult({
      requestId: 'r1',
      channel: 'ack',
      actor: 'Op',
      atMs: 5_001,
      resultJson: '{"a":2}',
    });
    expect(await store.getRequestResult('r1')).toMatchObject({ resultJson: '{"a":1}' });
    expect(await store.purgeRequestResults(6_000)).toBe(1);
    const actions = (await chainOk(e)).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'device.enrolment_created',
        'device.enrolled',
        'device.revoked',
        'unit.contact_set',
      ]),
    );
  });

  it('a district desk keeps the units it was enrolled for; a wall cannot have any', async () => {
    const e = await open();
    const { store } = e;
    const units = ['jodhpur-control-room', 'jaipur-control-room'];
    await store.createEnrolment({
      name: 'Jodhpur 1',
      kind: 'desk',
      codeHash: 'u1',
      by: 'Admin',
      atMs: 1_000,
      ttlMs: 10_000,
      units,
    });
    await store.createEnrolment({
      name: 'Desk 2',
      kind: 'desk',
      codeHash: 'u2',
      by: 'Admin',
      atMs: 1_000,
      ttlMs: 10_000,
    });
    await expect(
      store.createEnrolment({
        name: 'Wall 1',
        kind: 'wall',
        codeHash: 'u3',
        by: 'Admin',
        atMs: 1_000,
        ttlMs: 10_000,
        units,
      }),
    ).rejects.toMatchObject({ kind: 'invalid_request', field: 'units' });
    expect(await store.redeemEnrolment('u1', 'credu1', 2_000)).toMatchObject({
      ok: true,
      device: { units },
    });
    expect(await store.redeemEnrolment('u2', 'credu2', 2_000)).toMatchObject({
      ok: true,
      device: { units: null },
    });
    expect(await store.findDeviceByCredential('credu1')).toMatchObject({ name: 'Jodhpur 1', units });
    expect((await store.listDevices()).map((d) => [d.name, d.units])).toEqual([
      ['Desk 2', null],
      ['Jodhpur 1', units],
    ]);
    const rows = await chainOk(e);
    const details = (action: string) =>
      rows
        .filter((r) => r.action === action)
        .map((r) => JSON.parse(r.detail_json) as Record<string, unknown>);
    expect(details('device.enrolment_created')).toEqual([
      { deviceKind: 'desk', expiresAtMs: 11_000, units },
      { deviceKind: 'desk', expiresAtMs: 11_000 },
    ]);
    expect(details('device.enrolled').map((d) => d.units ?? null)).toEqual([units, null]);
  });

  it('a request stamp records the answer with its action; a reused id and a refused action leave nothing', async () => {
    const { store } = await open();
    const id = 'fl_stamp';
    const flag = makeFlag({ id });
    await store.commitPage(pageInput([flag], 'c_1'));
    const stamp = { requestId: 'req-1', channel: 'acknowledge', actor: 'Op One', atMs: 2_000 };
    const item = await store.acknowledge(id, 'Op One', 2_000, stamp);
    expect(JSON.parse((await store.getRequestResult('req-1'))!.resultJson)).toEqual(item);
    // The same id again: refused before anything is done (no second acknowledgement event).
    await expect(store.acknowledge(id, 'Op One', 2_500, stamp)).rejects.toMatchObject({
      kind: 'conflict',
    });
    // An action the store refuses (dispatching to an unknown unit) records no answer either.
    await expect(
      store.dispatch(
        id,
        'Op One',
        { unitKey: 'no-such-unit', method: 'phone', reason: null } as never,
        3_000,
        { ...stamp, requestId: 'req-2', channel: 'dispatch' },
      ),
    ).rejects.toBeDefined();
    expect(await store.getRequestResult('req-2')).toBeNull();
    const detail = await store.getFlagDetail(id);
    expect(detail?.events.filter((e) => e.kind === 'acknowledged')).toHaveLength(1);
    // A reveal's record keeps which flag, never the personal fields it showed.
    await store.revealFlag(id, 'Op One', 'calling the district', 4_000, {
      ...stamp,
      requestId: 'req-3',
      channel: 'revealFlag',
    });
    expect((await store.getRequestResult('req-3'))!.resultJson).toBe(JSON.stringify({ flagId: id }));
  });
}
