// The store contract's part for the shift handover and its report (store-contract.ts runs it on every
// engine): a signed handover frozen, its breaches ranked against the room's own targets, and the open
// flags, feed outages and silences it hands over.
import { expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, instanceOf } from '../../shared/shifts/schedule';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';
import type { TimerTargets } from '../../shared/timers';
import type { ContractSuite } from './store-contract-suite';

export function handoverContract({ engine, open, chainOk }: ContractSuite) {
  it('a signed handover is frozen: signed once, received once, never changed', async () => {
    const e = await open();
    const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', DEFAULT_SCHEDULE[0]!.key);
    const summary = await e.store.handoverSummary(shift, shift.endMs, false);
    const signed = await e.store.signHandover(summary, 'Two flags carried over', 'Sup Outgoing', shift.endMs);
    expect(signed.summary.auditAnchor).toBeDefined();
    await expect(e.store.signHandover(summary, 'again', 'Sup Outgoing', shift.endMs)).rejects.toThrow();
    const received = await e.store.receiveHandover(shift.id, 'Sup Incoming', shift.endMs + 1);
    expect(received.receivedBy).toBe('Sup Incoming');
    await expect(e.store.receiveHandover(shift.id, 'Sup Other', shift.endMs + 2)).rejects.toThrow();
    await expect(
      e.raw(engine.sql("UPDATE handovers SET signed_by = 'x'", "UPDATE handovers SET signed_by = 'x'")),
    ).rejects.toThrow(/cannot be changed/);
    expect((await e.store.getHandover(shift.id))!.notes).toBe('Two flags carried over');
    await chainOk(e);
  });

  it("ranks the handover's breaches against the room's targets, not the defaults", async () => {
    const { store } = await open();
    const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', DEFAULT_SCHEDULE[0]!.key);
    const MIN = 60_000;
    // Unlike the defaults: imminent and high may wait 20 min for acknowledgement, elevated only 2.
    const targets: TimerTargets = {
      acknowledgeMs: { imminent: 20 * MIN, high: 20 * MIN, elevated: 2 * MIN },
      dispatchMs: { imminent: 60 * MIN, high: 60 * MIN, elevated: 60 * MIN },
      confirmMs: 60 * MIN,
      closeMs: { imminent: 24 * 60 * MIN, high: 24 * 60 * MIN, elevated: 24 * 60 * MIN },
    };
    await store.commitPage(
      pageInput(
        [makeFlag({ risk: 'imminent' }), makeFlag({ risk: 'elevated' })],
        'c_1',
        shift.endMs - 10 * MIN,
      ),
    );
    await store.commitPage(pageInput([makeFlag({ risk: 'high' })], 'c_2', shift.endMs - 30 * MIN));
    const summary = await store.handoverSummary(shift, shift.endMs, false, targets);
    // With the defaults the imminent flag would be the worst (10 min against 1) and the high one
    // breached twice; against these targets only two acknowledgements are late, elevated's worst.
    expect(
      summary.breaches.map(({ risk, stage, elapsedMs, targetMs }) => ({
        risk,
        stage,
        elapsedMs,
        targetMs,
      })),
    ).toEqual([
      { risk: 'elevated', stage: 'acknowledge', elapsedMs: 10 * MIN, targetMs: 2 * MIN },
      { risk: 'high', stage: 'acknowledge', elapsedMs: 30 * MIN, targetMs: 20 * MIN },
    ]);
    expect(summary.breachesTotal).toBe(2);
  });

  it('hands over the open flags, the feed outages that reached into the shift and its silences', async () => {
    const { store } = await open();
    const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', DEFAULT_SCHEDULE[0]!.key);
    const MIN = 60_000;
    const S = shift.startMs;
    const flag = makeFlag({ risk: 'imminent' });
    const id = flag.id as string;
    await store.commitPage(pageInput([flag], 'c_1', S + 5 * MIN));
    await store.acknowledge(id, 'Op Night', S + 6 * MIN);
    await store.appendAlarmLog([
      // An outage from before the shift that ends in it, one that ended before it, and one still on.
      { atMs: S - 90 * MIN, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'stale' } },
      { atMs: S - 80 * MIN, kind: 'feed_alarm_end', actor: null, detail: {} },
      { atMs: S - 10 * MIN, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'silent' } },
      { atMs: S + 2 * MIN, kind: 'feed_alarm_end', actor: null, detail: {} },
      {
        atMs: S - 5 * MIN,
        kind: 'silence',
        actor: 'Op Day',
        detail: { reason: 'before the shift', minutes: 5 },
      },
      {
        atMs: S + 3 * MIN,
        kind: 'silence',
        actor: 'Op Night',
        detail: { reason: 'known outage', minutes: 10 },
      },
      { atMs: S + 20 * MIN, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'error' } },
    ]);
    const summary = await store.handoverSummary(shift, S + 30 * MIN, false);
    expect(summary.feedOutages).toEqual([
      { startMs: S - 10 * MIN, endMs: S + 2 * MIN, state: 'silent' },
      { startMs: S + 20 * MIN, endMs: null, state: 'error' },
    ]);
    expect(summary.silences).toEqual([
      { atMs: S + 3 * MIN, by: 'Op Night', reason: 'known outage', minutes: 10 },
    ]);
    expect(summary.carriedOver).toEqual([
      expect.objectContaining({
        id,
        risk: 'imminent',
        state: 'acknowledged',
        acknowledgedBy: 'Op Night',
        nextAction: 'dispatch',
      }),
    ]);
  });
}
