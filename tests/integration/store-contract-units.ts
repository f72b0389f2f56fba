// The store contract's part for a district control room's units (store-contract.ts runs it on every
// engine): unit accounts and their units, a unit's receipt, steps and hand-back with the per-unit rows,
// and the unit registry's versions.
import { expect, it } from 'vitest';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';
import { DEFAULT_UNIT_REGISTRY } from '../../shared/routing/unit-registry';
import type { ContractSuite } from './store-contract-suite';

export function unitsContract({ engine, open, chainOk }: ContractSuite) {
  it('a unit account keeps its units; a change of role or units is audited with them', async () => {
    const e = await open();
    const { store } = e;
    await expect(
      store.createAccount({ name: 'Unit Kota', role: 'unit', passwordHash: 'x' }, 'Admin', 1_000),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(
      store.createAccount(
        { name: 'Op Chitra', role: 'operator', passwordHash: 'x', units: ['kota-city'] },
        'Admin',
        1_000,
      ),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(
      await store.createAccount(
        { name: 'Unit Kota', role: 'unit', passwordHash: 'x', units: ['kota-city'] },
        'Admin',
        1_100,
      ),
    ).toMatchObject({ role: 'unit', units: ['kota-city'] });
    expect((await store.getAccount('unit kota'))!.units).toEqual(['kota-city']);
    await store.updateAccount('Unit Kota', { units: ['kota-city', 'kota-rural'] }, 'Admin', 1_200);
    expect((await store.listAccounts(1_300)).find((a) => a.name === 'Unit Kota')).toMatchObject({
      units: ['kota-city', 'kota-rural'],
    });
    // Away from the unit role the units go; an operator has none.
    const op = await store.updateAccount('Unit Kota', { role: 'operator' }, 'Admin', 1_400);
    expect(op.units).toBeUndefined();
    expect((await store.getAccount('Unit Kota'))!.units).toBeNull();
    const rows = await chainOk(e);
    // The audit form (shared/audit-detail.ts: codes and lengths) keeps the unit ids, the same on both engines.
    expect(JSON.parse(rows.find((r) => r.action === 'account.created')!.detail_json)).toMatchObject({
      units: ['kota-city'],
    });
    const changes = rows
      .filter((r) => r.action === 'account.role_changed')
      .map((r) => JSON.parse(r.detail_json) as Record<string, unknown>);
    expect(changes).toEqual([
      expect.objectContaining({ fromUnits: ['kota-city'], toUnits: ['kota-city', 'kota-rural'] }),
      expect.objectContaining({ fromUnits: ['kota-city', 'kota-rural'], toUnits: null }),
    ]);
  });

  it('a unit receives, records its steps and hands back, each stamped, audited and on the queue item', async () => {
    const e = await open();
    const { store } = e;
    const id = 'fl_unit';
    await store.commitPage(pageInput([makeFlag({ id, risk: 'high' })], 'c_1'));
    await store.acknowledge(id, 'Op One', 2_000);
    await store.dispatch(id, 'Op One', { unitKey: 'kota-city', called: 'SHO Kota', means: 'radio' }, 3_000);
    const stamp = (n: number, atMs: number) => ({
      requestId: `unit-${n}`,
      channel: 'recordUnitAction',
      actor: 'Unit Kota',
      atMs,
    });
    // Another unit's action, and a step before receipt, are refused and record no answer.
    await expect(
      store.recordUnitAction(
        id,
        { kind: 'receipt', unitKey: 'kota-rural' },
        'Unit Kota',
        3_500,
        stamp(0, 3_500),
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(await store.getRequestResult('unit-0')).toBeNull();
    await expect(
      store.recordUnitAction(
        id,
        { kind: 'step', unitKey: 'kota-city', step: { kind: 'contact_made' } },
        'Unit Kota',
        3_600,
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });
    const received = await store.recordUnitAction(
      id,
      { kind: 'receipt', unitKey: 'kota-city' },
      'Unit Kota',
      4_000,
      stamp(1, 4_000),
    );
    expect(received.dispatch).toMatchObject({
      unitKey: 'kota-city',
      confirmedAtMs: 4_000,
      progress: { receivedBy: 'Unit Kota', via: 'console' },
    });
    expect(JSON.parse((await store.getRequestResult('unit-1'))!.resultJson)).toEqual(received);
    await expect(
      store.recordUnitAction(id, { kind: 'receipt', unitKey: 'kota-city' }, 'Unit Kota', 4_100),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await store.recordUnitAction(
      id,
      {
        kind: 'step',
        unitKey: 'kota-city',
        step: { kind: 'officers_sent', officers: 'SI Meena and HC Ravi' },
      },
      'Unit Kota',
      5_000,
      stamp(2, 5_000),
    );
    await store.recordUnitAction(
      id,
      { kind: 'step', unitKey: 'kota-city', step: { kind: 'contact_made', note: 'at the hostel' } },
      'Unit Kota',
      6_000,
    );
    const outcome = await store.recordUnitAction(
      id,
      { kind: 'step', unitKey: 'kota-city', step: { kind: 'outcome', outcome: 'contacted' } },
      'Unit Kota',
      7_000,
    );
    expect(outcome.dispatch!.progress).toEqual({
      receivedBy: 'Unit Kota',
      via: 'console',
      officersSentAtMs: 5_000,
      contactAtMs: 6_000,
      outcome: 'contacted',
      outcomeAtMs: 7_000,
    });
    const back = await store.recordUnitAction(
      id,
      { kind: 'hand_back', unitKey: 'kota-city', reason: 'Not in our area: student is in Bundi' },
      'Unit Kota',
      8_000,
      stamp(3, 8_000),
    );
    expect(back).toMatchObject({
      state: 'acknowledged',
      dispatch: null,
      handBack: { unitKey: 'kota-city', by: 'Unit Kota', atMs: 8_000 },
    });
    expect((await store.listOpenQueue(false))[0]!.handBack).toEqual(back.handBack);
    const detail = (await store.getFlagDetail(id))!;
    expect(detail.events.map((ev) => ev.kind)).toEqual([
      'received',
      'acknowledged',
      'dispatched',
      'unit_received',
      'unit_step',
      'unit_step',
      'unit_step',
      'handed_back',
    ]);
    expect(detail.events.find((ev) => ev.kind === 'unit_step')!.detail).toMatchObject({
      step: 'officers_sent',
      officers: 'SI Meena and HC Ravi',
    });
    // What was typed (the officers' names, the reason) reaches the audit trail only as lengths.
    const rows = await chainOk(e);
    const audited = rows.filter((r) =>
      ['flag.unit_received', 'flag.unit_step', 'flag.handed_back'].includes(r.action),
    );
    expect(audited).toHaveLength(5);
    for (const r of rows) {
      expect(r.detail_json).not.toContain('SI Meena');
      expect(r.detail_json).not.toContain('Bundi');
    }
    // A new dispatch starts clean: no hand-back, no unit side; the telephone path says so.
    await store.dispatch(
      id,
      'Op One',
      { unitKey: 'kota-rural', called: 'SHO Rural', means: 'phone', reason: 'handed back by Kota City' },
      9_000,
    );
    const phoned = await store.confirmDispatch(id, 'Op One', 'SI Ram', 9_500);
    expect(phoned.handBack).toBeNull();
    expect(phoned.dispatch!.progress).toEqual({
      receivedBy: 'SI Ram',
      via: 'telephone',
      officersSentAtMs: null,
      contactAtMs: null,
      outcome: null,
      outcomeAtMs: null,
    });
    // The per-unit rows: one per dispatch in the range, training flags left out.
    expect(await store.unitDispatchRows({ fromMs: 0, toMs: 10_000 })).toEqual([
      {
        unitKey: 'kota-city',
        dispatchedAtMs: 3_000,
        receivedAtMs: 4_000,
        via: 'console',
        contactAtMs: 6_000,
        outcomeAtMs: 7_000,
        handedBackAtMs: 8_000,
      },
      {
        unitKey: 'kota-rural',
        dispatchedAtMs: 9_000,
        receivedAtMs: 9_500,
        via: 'telephone',
        contactAtMs: null,
        outcomeAtMs: null,
        handedBackAtMs: null,
      },
    ]);
    expect(await store.unitDispatchRows({ fromMs: 3_001, toMs: 9_000 })).toEqual([]);
  });

  it('the unit registry: versions saved in turn, a stale save refused, never changed, each audited', async () => {
    const e = await open();
    const { store } = e;
    expect(await store.getUnitRegistry()).toBeNull();
    expect(await store.listRegistryVersions()).toEqual([]);
    const save = (basedOn: number, atMs: number, sourceSha256: string | null = null) =>
      store.saveUnitRegistry({
        registry: DEFAULT_UNIT_REGISTRY,
        basedOn,
        changes: ['kota-city:contacts'],
        by: 'Admin Asha',
        atMs,
        sourceSha256,
      });
    expect(await save(0, 1_000)).toBe(1);
    expect(await save(1, 2_000, 'ab'.repeat(32))).toBe(2);
    await expect(save(1, 3_000)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'registry.stale',
      params: { version: 2 },
    });
    expect(await store.getUnitRegistry()).toEqual({
      version: 2,
      registry: DEFAULT_UNIT_REGISTRY,
      savedBy: 'Admin Asha',
      savedAtMs: 2_000,
    });
    expect(await store.listRegistryVersions()).toEqual([
      {
        version: 2,
        savedBy: 'Admin Asha',
        savedAtMs: 2_000,
        units: DEFAULT_UNIT_REGISTRY.units.length,
        sourceSha256: 'ab'.repeat(32),
      },
      {
        version: 1,
        savedBy: 'Admin Asha',
        savedAtMs: 1_000,
        units: DEFAULT_UNIT_REGISTRY.units.length,
        sourceSha256: null,
      },
    ]);
    await expect(e.raw('DELETE FROM unit_registry_versions')).rejects.toThrow();
    await expect(
      e.raw(
        engine.sql(
          'UPDATE unit_registry_versions SET saved_by = ?',
          'UPDATE unit_registry_versions SET saved_by = $1',
        ),
        ['Someone'],
      ),
    ).rejects.toThrow();
    const saved = (await chainOk(e)).filter((r) => r.action === 'unit.registry_saved');
    expect(saved.map((r) => [r.actor, r.target, JSON.parse(r.detail_json)])).toEqual([
      [
        'Admin Asha',
        'v1',
        {
          version: 1,
          units: DEFAULT_UNIT_REGISTRY.units.length,
          change: ['kota-city:contacts'],
          sha256: null,
        },
      ],
      [
        'Admin Asha',
        'v2',
        {
          version: 2,
          units: DEFAULT_UNIT_REGISTRY.units.length,
          change: ['kota-city:contacts'],
          sha256: 'ab'.repeat(32),
        },
      ],
    ]);
  });
}
