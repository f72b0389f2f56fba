// A unit renamed and another split (issue #23): past flags and dispatches keep the unit they were
// routed and dispatched to, reports count them under it and can regroup them by the units in force
// today, new flags route through the new units, and the retired unit receives no more dispatches.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { report } from '../../electron/main/core/store/sqlite/report-queries';
import { changeUnitRegistry, resetUnitRegistry } from '../../electron/main/core/units/unit-registry';
import type { CallContext } from '../../shared/contract';
import { byUnitsInForce, unitName } from '../../shared/routing/unit-history';
import { DEFAULT_UNIT_REGISTRY, emptyArea, type UnitRegistry } from '../../shared/routing/unit-registry';
import { DEFAULT_SCHEDULE } from '../../shared/shifts/schedule';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import { makeFlag } from '../helpers/flags';
import { closedAfterEach, openTempStore, pageInput } from '../helpers/temp-store';

const opened = closedAfterEach();
afterEach(() => resetUnitRegistry());

const T0 = Date.parse('2026-11-23T10:00:00+05:30');
const desk: CallContext = { role: 'desk', connection: 'op' };
const details = { called: 'SI Testwal', means: 'phone' as const };

/** Pali renamed; Jaipur's control room split into a commissionerate and a rural police district. */
function changed(registry: UnitRegistry): UnitRegistry {
  const unit = (
    id: string,
    kind: 'commissionerate' | 'rural',
    area: Partial<(typeof DEFAULT_UNIT_REGISTRY.units)[number]['area']>,
  ) => ({
    id,
    en: `Jaipur ${kind} (test)`,
    hi: `जयपुर ${kind} (परीक्षण)`,
    kind,
    district: 'jaipur',
    contacts: [],
    active: true,
    replacedBy: [],
    area: { ...emptyArea(), ...area },
  });
  return {
    units: [
      ...registry.units.map((u) => {
        if (u.id === 'pali-control-room') return { ...u, en: 'Pali Police District control room' };
        if (u.id === 'jaipur-control-room')
          return { ...u, active: false, replacedBy: ['jaipur-commissionerate', 'jaipur-rural'] };
        // Bundi merged into Kota Rural (invented, for the regrouping).
        if (u.id === 'bundi-control-room') return { ...u, active: false, replacedBy: ['kota-rural'] };
        if (u.id === 'kota-rural') return { ...u, area: { ...u.area, districts: ['kota', 'bundi'] } };
        return u;
      }),
      unit('jaipur-commissionerate', 'commissionerate', { towns: ['Jaipur'], pins: ['302017'] }),
      unit('jaipur-rural', 'rural', { districts: ['jaipur'] }),
    ],
  };
}

describe('unit history across registry changes', () => {
  it("keeps past flags and dispatches under their unit, regroups reports by today's units, and refuses a retired unit", async () => {
    const t = openTempStore();
    opened.push(t.sync);
    let clock = T0;
    const core = createConsoleCore({
      store: t.store,
      host: 'headless',
      version: 'test',
      feed: defaultFeedConfig({
        baseUrl: 'http://127.0.0.1:9',
        token: 't',
        pollIntervalMs: 1000,
        training: false,
      }),
      now: () => clock,
    });
    const h = core.handlers;
    addTestAccount(t.sync.database, 'Op Testwal', 'operator');
    await h.logon({ name: 'Op Testwal', password: TEST_PASSWORD, bannerAccepted: true }, desk);

    // Before: the shipped registry. One flag each in Jaipur city, Pali and Bundi, each dispatched.
    t.sync.commitPage(
      pageInput(
        [
          makeFlag({ id: 'fl_jaipur', location: { city: 'Jaipur' } }),
          makeFlag({ id: 'fl_pali', location: { district: 'Pali' } }),
          makeFlag({ id: 'fl_bundi', location: { district: 'Bundi' } }),
        ],
        'c_1',
        T0,
      ),
    );
    for (const [id, unitKey] of [
      ['fl_jaipur', 'jaipur-control-room'],
      ['fl_pali', 'pali-control-room'],
      ['fl_bundi', 'bundi-control-room'],
    ] as const) {
      await h.acknowledge({ id, operator: 'x' }, desk);
      await h.dispatch({ id, operator: 'x', unitKey, ...details }, desk);
    }

    clock = T0 + 5 * 60_000; // within the idle lock
    const after = await changeUnitRegistry(t.store, {
      registry: changed(DEFAULT_UNIT_REGISTRY),
      basedOn: 0,
      by: 'Admin Testwal',
      atMs: clock,
    });

    // The past keeps its units: routed and dispatched.
    for (const [id, unitKey] of [
      ['fl_jaipur', 'jaipur-control-room'],
      ['fl_pali', 'pali-control-room'],
      ['fl_bundi', 'bundi-control-room'],
    ] as const) {
      const detail = t.sync.getFlagDetail(id)!;
      expect(detail.route.unitKey, id).toBe(unitKey);
      expect(detail.dispatch?.unitKey, id).toBe(unitKey);
    }
    // The renamed unit is the same unit, under its name of today; the retired one still has its name.
    expect(unitName(after.registry, 'pali-control-room', 'en')).toBe('Pali Police District control room');
    expect(unitName(after.registry, 'jaipur-control-room', 'en')).toBe('Jaipur district police control room');

    // New flags route through the new units.
    t.sync.commitPage(
      pageInput(
        [
          makeFlag({ id: 'fl_jaipur_new', location: { city: 'Jaipur' } }),
          makeFlag({ id: 'fl_village_new', location: { city: 'Achrol' } }),
          makeFlag({ id: 'fl_bundi_new', location: { district: 'Bundi' } }),
        ],
        'c_2',
        clock,
      ),
    );
    expect(t.sync.getFlagDetail('fl_jaipur_new')!.route.unitKey).toBe('jaipur-commissionerate');
    expect(t.sync.getFlagDetail('fl_village_new')!.route.unitKey).toBe('jaipur-rural');
    expect(t.sync.getFlagDetail('fl_bundi_new')!.route.unitKey).toBe('kota-rural');

    // A retired unit receives no dispatch; its heir does.
    await h.acknowledge({ id: 'fl_jaipur_new', operator: 'x' }, desk);
    await expect(
      h.dispatch(
        {
          id: 'fl_jaipur_new',
          operator: 'x',
          unitKey: 'jaipur-control-room',
          reason: 'old habit',
          ...details,
        },
        desk,
      ),
    ).rejects.toThrow(/"jaipur-control-room" is no longer an active unit/);
    await h.dispatch(
      { id: 'fl_jaipur_new', operator: 'x', unitKey: 'jaipur-commissionerate', ...details },
      desk,
    );

    // Reports: by the unit dispatched to (else routed to), and regrouped by today's units.
    const r = report(
      t.sync.database,
      { fromMs: T0 - 3600_000, toMs: T0 + 7200_000 },
      { schedule: DEFAULT_SCHEDULE, nowMs: clock },
    );
    const byUnit = Object.fromEntries(r.byUnit.map((u) => [u.key, u.count]));
    expect(byUnit).toEqual({
      'jaipur-control-room': 1,
      'pali-control-room': 1,
      'bundi-control-room': 1,
      'jaipur-commissionerate': 1,
      'jaipur-rural': 1,
      'kota-rural': 1,
    });
    const today = byUnitsInForce(after.registry, r.byUnit);
    expect(today.find((u) => u.key === 'kota-rural')).toEqual({
      key: 'kota-rural',
      count: 2,
      from: ['bundi-control-room'],
    });
    // A split has no single heir: its past stays under its own line.
    expect(today.find((u) => u.key === 'jaipur-control-room')).toEqual({
      key: 'jaipur-control-room',
      count: 1,
      from: [],
    });
    expect(today.find((u) => u.key === 'pali-control-room')?.count).toBe(1);
    expect(today.reduce((n, u) => n + u.count, 0)).toBe(6);
    await core.stop();
  });
});
