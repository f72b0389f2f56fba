// The store contract's part for a flag's steps and their refusals (store-contract.ts runs it on every
// engine): flag events append-only, and a flag taken through acknowledgement, dispatch, confirmation,
// close, undo and welfare check-ins, each step out of turn refused with the same code on both engines.
import { expect, it } from 'vitest';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';
import type { ContractSuite } from './store-contract-suite';

export function flagStepsContract({ open, chainOk }: ContractSuite) {
  it('flag events are append-only', async () => {
    const e = await open();
    const flag = makeFlag();
    await e.store.commitPage(pageInput([flag]));
    await e.store.acknowledge(flag.id as string, 'Op Testwal', 2_000);
    await expect(e.raw("UPDATE flag_events SET kind = 'x'")).rejects.toThrow(/append-only/);
    await expect(e.raw('DELETE FROM flag_events')).rejects.toThrow(/append-only/);
    const detail = await e.store.getFlagDetail(flag.id as string);
    expect(detail!.events.map((ev) => ev.kind)).toEqual(['received', 'acknowledged']);
  });

  it('a flag goes through dispatch, confirmation, close, undo and welfare check-ins', async () => {
    const e = await open();
    const { store } = e;
    const flag = makeFlag({ risk: 'imminent' });
    const id = flag.id as string;
    await store.commitPage(pageInput([flag]));
    await store.acknowledge(id, 'Op One', 2_000);
    await expect(store.acknowledge(id, 'Op Two', 2_100)).rejects.toThrow(/LC-/);
    // No unit to confirm before a dispatch.
    await expect(store.confirmDispatch(id, 'Op One', 'SI Ram', 2_200)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'dispatch.confirm_not_dispatched',
    });
    const sent = await store.dispatch(
      id,
      'Op One',
      { unitKey: 'kota-city', called: 'SHO Kota', means: 'phone' },
      3_000,
    );
    expect(sent).toMatchObject({
      state: 'dispatched',
      dispatch: { unitKey: 'kota-city', confirmedAtMs: null },
    });
    await store.confirmDispatch(id, 'Op One', 'SI Ram', 4_000);
    // Once only (shared/dispatch.ts confirmRefusal, on every engine).
    await expect(store.confirmDispatch(id, 'Op One', 'SI Ram', 4_100)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'dispatch.already_confirmed',
    });
    await store.closeFlag(
      id,
      'Op One',
      { outcome: 'contacted', note: 'spoke to the family' },
      5_000,
      [1_000, 2_000],
    );
    const undone = await store.undoClose(id, 'Op One', 6_000);
    expect(undone.state).toBe('dispatched');
    await store.closeFlag(id, 'Op One', { outcome: 'contacted' }, 7_000, [1_000, 2_000]);
    expect(await store.surfaceDueFollowUps(7_500)).toEqual([]);
    const due = await store.surfaceDueFollowUps(8_000);
    expect(due.map((q) => q.followUp?.sequence)).toEqual([1]);
    expect((await store.listOpenQueue(false)).map((q) => q.id)).toEqual([id]);
    await expect(
      store.recordFollowUp(id, 2, 'Op One', { outcome: 'safe_and_well' }, 8_100),
    ).rejects.toMatchObject({ code: 'followup.wrong_sequence', field: 'sequence' });
    const done = await store.recordFollowUp(
      id,
      1,
      'Op One',
      { outcome: 'safe_and_well', note: 'fine' },
      8_200,
    );
    expect(done.followUp).toBeNull();
    await expect(
      store.recordFollowUp(id, 2, 'Op One', { outcome: 'safe_and_well' }, 8_300),
    ).rejects.toMatchObject({ code: 'followup.none_due', field: 'id' });
    const detail = (await store.getFlagDetail(id))!;
    expect(detail.events.map((ev) => ev.kind)).toEqual([
      'received',
      'acknowledged',
      'dispatched',
      'unit_confirmed',
      'closed',
      'close_undone',
      'closed',
      'follow_up_due',
      'follow_up_done',
    ]);
    expect(detail.events.find((ev) => ev.kind === 'closed')!.detail).toEqual({
      outcome: 'contacted',
      note: 'spoke to the family',
    });
    const kpis = await store.alarmKpis(0, 10_000, false);
    expect(kpis.timeToAcknowledge.imminent.count).toBe(1);
    const rows = await chainOk(e);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'flag.dispatched',
        'flag.unit_confirmed',
        'flag.closed',
        'flag.close_undone',
        'flag.follow_up_done',
      ]),
    );
  });
}
