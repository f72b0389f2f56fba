// The handover summary from a seeded store, checked field by field; signing freezes it, the
// incoming supervisor's receipt is added once, and nothing else can change it.
import { afterEach, describe, expect, it } from 'vitest';
import { handoverHandlers } from '../../electron/main/core/handover/handover-handlers';
import { OPEN_AT_SQL } from '../../electron/main/core/store/sqlite/handover-queries';
import { inProcessStore, type SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { DEFAULT_SCHEDULE, instanceOf } from '../../shared/shifts/schedule';
import { makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';

const MIN = 60_000;
const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', 'night'); // 25 Nov 22:00 → 26 Nov 06:00 IST
const S = shift.startMs;
let sync: SqliteStore;
afterEach(() => sync?.close());

function seed() {
  ({ sync } = openTempStore());
  const commit = (flags: Record<string, unknown>[], at: number, cursor: string) =>
    sync.commitPage(pageInput(flags, cursor, at));
  commit([makeFlag({ id: 'before', risk: 'high', location: { district: 'Jodhpur' } })], S - 60 * MIN, 'c_0'); // carried in
  commit(
    [
      makeFlag({ id: 'n1', risk: 'imminent' }),
      makeFlag({ id: 'n2', risk: 'imminent', location: { district: 'Ajmer' } }),
    ],
    S + 10 * MIN,
    'c_1',
  );
  commit([makeFlag({ id: 'n3', risk: 'elevated', location: { source: 'none' } })], S + 20 * MIN, 'c_2');
  commit(
    [
      makeFlag({
        id: 'n3',
        revision: 2,
        risk: 'elevated',
        status: 'withdrawn',
        location: { source: 'none' },
      }),
    ],
    S + 30 * MIN,
    'c_3',
  );
  commit([makeFlag({ id: 'after', risk: 'high' })], shift.endMs + MIN, 'c_4'); // next shift
  sync.acknowledge('n1', 'Op Night', S + 10 * MIN + 30_000); // 30 s: within target
  sync.acknowledge('n2', 'Op Night', S + 10 * MIN + 5 * MIN); // 5 min: breached (target 1 min)
  sync.commitPage({ ...pageInput(['not a flag'], 'c_5', S + 40 * MIN) });
  sync.appendAlarmLog([
    { atMs: S + 50 * MIN, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'silent' } },
    { atMs: S + 62 * MIN, kind: 'feed_alarm_end', actor: null, detail: { feedState: 'ok' } },
    {
      atMs: S + 51 * MIN,
      kind: 'silence',
      actor: 'Op Night',
      detail: { reason: 'known feed outage', minutes: 10 },
    },
  ]);
}

describe('handover summary', () => {
  it('counts what the shift received, did and hands over', () => {
    seed();
    const summary = sync.handoverSummary(shift, shift.endMs - 5 * MIN, false);
    expect(summary.shiftId).toBe('2026-11-25:night');
    expect(summary.received).toEqual({
      total: 3,
      byRisk: { imminent: 2, high: 0, elevated: 1 },
      byDistrict: [
        { districtKey: 'ajmer', count: 1 },
        { districtKey: 'kota', count: 1 },
        { districtKey: null, count: 1 },
      ],
    });
    expect(summary.acknowledged).toBe(2);
    expect(summary.withdrawn).toBe(1);
    expect(summary.dispatched).toBe(0);
    expect(summary.closed).toEqual({ total: 0, byOutcome: {} });
    expect(summary.quarantined).toBe(1);
    expect(summary.carriedOver.map((c) => [c.id, c.state, c.nextAction, c.withdrawn])).toEqual([
      ['n1', 'acknowledged', 'dispatch', false],
      ['n2', 'acknowledged', 'dispatch', false],
      ['before', 'new', 'acknowledge', false],
      ['n3', 'new', 'acknowledge', true],
    ]);
    expect(summary.carriedOver.find((c) => c.id === 'before')).toMatchObject({
      districtKey: 'jodhpur',
      acknowledgedBy: null,
    });
    const ackBreaches = summary.breaches
      .filter((b) => b.stage === 'acknowledge')
      .map((b) => [b.caseNo, b.elapsedMs]);
    expect(ackBreaches).toContainEqual(['LC-000003', 5 * MIN]);
    expect(ackBreaches.map(([c]) => c)).not.toContain('LC-000002'); // n1 acknowledged in 30 s
    expect(summary.feedOutages).toEqual([{ startMs: S + 50 * MIN, endMs: S + 62 * MIN, state: 'silent' }]);
    expect(summary.silences).toEqual([
      { atMs: S + 51 * MIN, by: 'Op Night', reason: 'known feed outage', minutes: 10 },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/Canarywala|90000 13579|CANARY-EXCERPT/);
  });
});

describe('handover queries', () => {
  it('reads the open flags through the open-flags index, not the whole history by received time', () => {
    ({ sync } = openTempStore());
    const plan = (
      sync.database.prepare(`EXPLAIN QUERY PLAN ${OPEN_AT_SQL}`).all(0, 1) as { detail: string }[]
    )
      .map((p) => p.detail)
      .join('; ');
    expect(plan).toMatch(/USING INDEX flags_open_queue/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

describe('handover sign-off', () => {
  it('signs from 30 minutes before the change, freezes the summary, and takes one receipt', async () => {
    seed();
    let now = shift.endMs - 31 * MIN;
    const handlers = handoverHandlers(inProcessStore(sync), DEFAULT_SCHEDULE, false, () => now);
    const ctx = { role: 'desk' as const, connection: 'test' };
    await expect(
      handlers.signHandover({ shiftId: shift.id, supervisor: 'Sup Out', notes: 'n' }, ctx),
    ).rejects.toThrow(/30 minutes before/);

    now = shift.endMs - 10 * MIN;
    const signed = await handlers.signHandover(
      { shiftId: shift.id, supervisor: 'Sup Out', notes: 'Call Kota City re LC-000003.' },
      ctx,
    );
    expect(signed).toMatchObject({
      signedBy: 'Sup Out',
      signedAtMs: now,
      receivedBy: null,
      notes: 'Call Kota City re LC-000003.',
    });
    await expect(
      handlers.signHandover({ shiftId: shift.id, supervisor: 'Sup Out', notes: 'again' }, ctx),
    ).rejects.toThrow(/already signed/);

    // Later events do not change the signed summary.
    sync.acknowledge('before', 'Op Morning', shift.endMs + 2 * MIN);
    now = shift.endMs + 5 * MIN;
    const got = await handlers.getHandover({ shiftId: shift.id }, ctx);
    expect(got.record?.summary).toEqual(signed.summary);
    expect(got.summary.carriedOver.find((c) => c.id === 'before')?.state).toBe('new');
    expect(got).toMatchObject({ previousShiftId: '2026-11-25:evening', nextShiftId: '2026-11-26:morning' });

    await expect(handlers.receiveHandover({ shiftId: shift.id, supervisor: 'Sup Out' }, ctx)).rejects.toThrow(
      /someone other/,
    );
    const received = await handlers.receiveHandover({ shiftId: shift.id, supervisor: 'Sup In' }, ctx);
    expect(received).toMatchObject({ receivedBy: 'Sup In', receivedAtMs: now });
    await expect(
      handlers.receiveHandover({ shiftId: shift.id, supervisor: 'Sup Other' }, ctx),
    ).rejects.toThrow(/already received/);

    expect(() => sync.database.exec(`UPDATE handovers SET notes = 'edited'`)).toThrow(/cannot be changed/);
    expect(() => sync.database.exec('DELETE FROM handovers')).toThrow(/is kept/);
  });

  it('keeps the roster of a shift, shows it in the summary, and freezes it with the signature', async () => {
    seed();
    const handlers = handoverHandlers(inProcessStore(sync), DEFAULT_SCHEDULE, false, () => shift.endMs - MIN);
    const ctx = { role: 'desk' as const, connection: 'test' };
    const entries = [
      { desk: 'D2', operator: 'HC Ravi Demoria', supervisor: false },
      { desk: 'D1', operator: 'SI Asha Testwal', supervisor: true },
    ];
    expect(
      (await handlers.setRoster({ shiftId: shift.id, entries }, ctx)).entries.map((e) => e.desk),
    ).toEqual(['D1', 'D2']);
    expect((await handlers.getHandover({ shiftId: shift.id }, ctx)).summary.roster).toHaveLength(2);
    await handlers.signHandover({ shiftId: shift.id, supervisor: 'SI Asha Testwal', notes: '' }, ctx);
    await expect(handlers.setRoster({ shiftId: shift.id, entries: [] }, ctx)).rejects.toThrow(/signed/);
  });

  it('notices a signed record whose content no longer matches its hash', async () => {
    seed();
    const handlers = handoverHandlers(inProcessStore(sync), DEFAULT_SCHEDULE, false, () => shift.endMs);
    await handlers.signHandover(
      { shiftId: shift.id, supervisor: 'Sup Out', notes: 'ok' },
      { role: 'desk', connection: 'test' },
    );
    sync.database.exec('DROP TRIGGER handovers_receipt_only'); // an attacker with the key and the file
    sync.database.exec(`UPDATE handovers SET notes = 'forged'`);
    await expect(
      handlers.getHandover({ shiftId: shift.id }, { role: 'desk', connection: 'test' }),
    ).rejects.toThrow(/does not match its signature hash/);
  });

  it('lists the most overdue breaches first, at most 100, and counts them all', () => {
    ({ sync } = openTempStore());
    const flags = Array.from({ length: 60 }, (_, i) =>
      makeFlag({
        id: `late_${i}`,
        risk: i % 2 ? 'imminent' : 'elevated',
        flagged_at: '2026-11-25T20:00:00+05:30',
      }),
    );
    sync.commitPage(pageInput(flags, 'c_late', S - 120 * MIN));
    const summary = sync.handoverSummary(shift, shift.endMs, false);
    // 60 unacknowledged flags, each past acknowledge, dispatch and (for imminent) close targets.
    expect(summary.breachesTotal).toBeGreaterThan(100);
    expect(summary.breaches).toHaveLength(100);
    const ratios = summary.breaches.map((b) => b.elapsedMs / b.targetMs);
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
    expect(summary.breaches[0]).toMatchObject({ risk: 'imminent', stage: 'acknowledge' }); // 1 min target: the worst
  });
});
