// Per-unit figures: from dispatch to receipt, to contact and to outcome against targets, and
// hand-backs, per unit, over the dispatches' own times; live flags only. Invented people.
import { describe, expect, it } from 'vitest';
import { UNIT_TARGETS } from '../../shared/unit-report';
import { unitReportOf } from '../../electron/main/core/reports/unit-figures';
import { makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';

const MIN = 60_000;

describe('the per-unit report', () => {
  it('times each unit from dispatch to receipt, contact and outcome, and counts hand-backs', async () => {
    const { store, sync } = openTempStore();
    const flags = ['fl_u1', 'fl_u2', 'fl_u3'].map((id) =>
      makeFlag({ id, location: { district: 'Jodhpur', city: 'Jodhpur', source: 'profile' } }),
    );
    await store.commitPage(pageInput(flags, 'c_1', 1_000));
    const t0 = 10 * MIN;
    const JOD = 'jodhpur-control-room';
    const send = async (id: string, unitKey: string, at: number, acknowledge = true) => {
      if (acknowledge) await store.acknowledge(id, 'Op Testwal', at - MIN);
      await store.dispatch(
        id,
        'Op Testwal',
        { unitKey, called: 'Duty Officer', means: 'cctns', reason: 'test' },
        at,
      );
    };
    await send('fl_u1', JOD, t0);
    await store.recordUnitAction('fl_u1', { kind: 'receipt', unitKey: JOD }, 'Unit Marwarwal', t0 + 2 * MIN);
    await store.recordUnitAction(
      'fl_u1',
      { kind: 'step', unitKey: JOD, step: { kind: 'contact_made' } },
      'Unit Marwarwal',
      t0 + 30 * MIN,
    );
    await store.recordUnitAction(
      'fl_u1',
      { kind: 'step', unitKey: JOD, step: { kind: 'outcome', outcome: 'contacted' } },
      'Unit Marwarwal',
      t0 + 5 * 60 * MIN,
    );
    await send('fl_u2', JOD, t0);
    await store.recordUnitAction('fl_u2', { kind: 'receipt', unitKey: JOD }, 'Unit Marwarwal', t0 + 20 * MIN);
    await store.recordUnitAction(
      'fl_u2',
      { kind: 'hand_back', unitKey: JOD, reason: 'student is in Bundi' },
      'Unit Marwarwal',
      t0 + 21 * MIN,
    );
    await send('fl_u2', 'bundi-control-room', t0 + 30 * MIN, false);
    await send('fl_u3', JOD, t0);
    await store.confirmDispatch('fl_u3', 'Op Testwal', 'Duty Officer', t0 + 4 * MIN);

    const range = { fromMs: 0, toMs: t0 + 24 * 60 * MIN };
    const report = unitReportOf(await store.unitDispatchRows(range), range, t0 + 6 * 60 * MIN);
    const jodhpur = report.units.find((u) => u.unitKey === JOD)!;
    expect(jodhpur).toMatchObject({ dispatches: 3, viaConsole: 2, viaTelephone: 1, handBacks: 1 });
    expect(jodhpur.receipt).toMatchObject({
      count: 3,
      medianMs: 4 * MIN,
      running: 0,
      breached: 1, // 20 minutes against the 15-minute target
      targetMs: UNIT_TARGETS.receiptMs,
    });
    // fl_u1 made contact in 30 min; fl_u3's clock still runs (6 h, past the hour); fl_u2 went back.
    expect(jodhpur.contact).toMatchObject({ count: 1, medianMs: 30 * MIN, running: 1, breached: 1 });
    expect(jodhpur.outcome).toMatchObject({ count: 1, medianMs: 5 * 60 * MIN, running: 1, breached: 2 });
    const bundi = report.units.find((u) => u.unitKey === 'bundi-control-room')!;
    expect(bundi).toMatchObject({ dispatches: 1, handBacks: 0, receipt: { count: 0, running: 1 } });
    // Slowest receipt first: Bundi has none yet.
    expect(report.units.map((u) => u.unitKey)).toEqual(['bundi-control-room', JOD]);
    sync.close();
  });
});
