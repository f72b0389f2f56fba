// Several cores on one store are one room (on each engine; PostgreSQL is how a room runs several): a
// hold, a takeover and a silence made at core A are what core B's desks see after B's refresh; a core
// that stops and a new one on the same store find the holds and the silence again; and the holds of a
// core that died go back to the room after the grace, at a core still running.
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import type { Store } from '../../electron/main/core/store/store';
import type { CallContext, EventName, EventPayload } from '../../shared/contract';
import { DEFAULT_HOLD_GRACE_MS } from '../../shared/room/holds';
import { makeFlag } from '../helpers/flags';
import { postgresEngine, sqliteEngine, type OpenedEngine } from '../helpers/store-engines';
import { pageInput } from '../helpers/temp-store';

const ASHA = { name: 'Op Ashawal', password: 'correct horse battery' };
const RAVI = { name: 'Op Raviwal', password: 'correct horse battery' };
const deskA: CallContext = { role: 'desk', connection: 'ws-1' };
// The same connection name at another core: another desk all the same.
const deskB: CallContext = { role: 'desk', connection: 'ws-1' };

interface RunningCore {
  core: ConsoleCore;
  /** Resolves with the first event (already seen or later) that passes the test. */
  waitFor<E extends EventName>(
    event: E,
    test: (payload: EventPayload<E>) => boolean,
  ): Promise<EventPayload<E>>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** clock.aheadMs: the core's clock runs this far ahead of the real one (tests move time, never wait). */
async function startCore(store: Store, clock: { aheadMs: number }, refreshMs = 50): Promise<RunningCore> {
  const core = createConsoleCore({
    store,
    host: 'headless',
    version: 'test',
    // No feed: the flags are written to the store as another core's poller would.
    feed: defaultFeedConfig({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      pollIntervalMs: 60_000,
      training: false,
    }),
    now: () => Date.now() + clock.aheadMs,
    tickMs: 50,
    // Stands in for the NOTIFY that wakes a core (the cluster layer): every 50 ms it reads the store.
    refreshMs,
    log: () => {},
  });
  const seen: { event: EventName; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  core.subscribe((event, payload) => {
    seen.push({ event, payload });
    for (const w of waiters) w();
  });
  await core.start();
  let stopped = false;
  cleanups.push(async () => {
    if (!stopped) await core.stop();
  });
  const stop = core.stop.bind(core);
  core.stop = async () => {
    stopped = true;
    await stop();
  };
  return {
    core,
    waitFor(event, test) {
      return new Promise((resolve) => {
        const look = () => {
          const hit = seen.find((s) => s.event === event && test(s.payload as never));
          if (!hit) return;
          waiters.delete(look);
          resolve(hit.payload as never);
        };
        waiters.add(look);
        look();
      });
    },
  };
}

async function logOn(running: RunningCore, who: typeof ASHA, at: CallContext) {
  await running.core.handlers.reportClientState({ visibility: 'visible', audio: 'ok' }, at);
  await running.core.handlers.logon({ ...who, bannerAccepted: true }, at);
}

const heldBy = (running: RunningCore, id: string, name: string | null) =>
  running.waitFor('queueChanged', (p) =>
    p.upserts.some((i) => i.id === id && (i.heldBy?.name ?? null) === name),
  );

describe.each([postgresEngine, sqliteEngine])('several cores on one store ($name)', (engine) => {
  async function room() {
    const opened: OpenedEngine = await engine.open();
    cleanups.push(() => opened.close());
    for (const who of [ASHA, RAVI])
      await opened.store.createAccount(
        { name: who.name, role: 'operator', passwordHash: await hashPassword(who.password) },
        'test',
        0,
      );
    const clockA = { aheadMs: 0 };
    const a = await startCore(opened.store, clockA);
    const storeB = await opened.another();
    const b = await startCore(storeB, { aheadMs: 0 });
    await logOn(a, ASHA, deskA);
    await logOn(b, RAVI, deskB);
    await opened.store.commitPage(
      pageInput([makeFlag({ id: 'fl_shared', risk: 'high' })], 'c_1', Date.now()),
    );
    for (const core of [a, b])
      await core.waitFor('queueChanged', (p) => p.upserts.some((i) => i.id === 'fl_shared'));
    return { opened, storeB, a, b, clockA };
  }

  it('a hold, a takeover and a silence made at one core are seen at the other', async () => {
    const { a, b } = await room();
    const held = await a.core.handlers.holdFlag({ id: 'fl_shared' }, deskA);
    expect(held.heldBy).toMatchObject({ name: ASHA.name, desk: 'desk 1', releaseAtMs: null });
    await heldBy(b, 'fl_shared', ASHA.name);
    expect((await b.core.handlers.listQueue({}, deskB)).find((i) => i.id === 'fl_shared')?.heldBy?.name).toBe(
      ASHA.name,
    );
    // At B it is held by A's desk: opening it does not take it, nor may B act on it.
    expect((await b.core.handlers.holdFlag({ id: 'fl_shared' }, deskB)).heldBy?.name).toBe(ASHA.name);
    await expect(
      b.core.handlers.acknowledge({ id: 'fl_shared', operator: RAVI.name }, deskB),
    ).rejects.toMatchObject({ kind: 'conflict' });

    // B takes it over: A's desk is told, and its next action is refused.
    const taken = await b.core.handlers.takeOverFlag({ id: 'fl_shared' }, deskB);
    expect(taken.heldBy?.name).toBe(RAVI.name);
    const notice = await a.waitFor('roomNotice', (n) => n.kind === 'taken_over');
    expect(notice).toMatchObject({ id: 'fl_shared', by: RAVI.name, from: ASHA.name });
    await heldBy(a, 'fl_shared', RAVI.name);
    await expect(
      a.core.handlers.acknowledge({ id: 'fl_shared', operator: ASHA.name }, deskA),
    ).rejects.toMatchObject({ kind: 'conflict' });
    const detail = await a.core.handlers.getFlagDetail({ id: 'fl_shared' }, deskA);
    expect(detail.events.filter((e) => e.kind === 'taken_over')).toHaveLength(1);

    // A silence given at A silences B's alarm; cancelled at B, A sounds again.
    await a.core.handlers.silenceAlarm(
      { operator: ASHA.name, reason: 'known feed outage', minutes: 5 },
      deskA,
    );
    const silenced = await b.waitFor('alarm', (s) => s.silence !== null);
    expect(silenced.silence).toMatchObject({ by: ASHA.name, reason: 'known feed outage' });
    expect(silenced.sound.flag).toBeNull();
    await b.core.handlers.cancelSilence({ operator: RAVI.name }, deskB);
    const sounding = await a.waitFor('alarm', (s) => s.silence === null && s.flagIds.includes('fl_shared'));
    expect(sounding.sound.flag).toBe('high');
  });

  it('a desk acting on a flag just taken at another core is refused, before its core has refreshed', async () => {
    const opened = await engine.open();
    cleanups.push(() => opened.close());
    for (const who of [ASHA, RAVI])
      await opened.store.createAccount(
        { name: who.name, role: 'operator', passwordHash: await hashPassword(who.password) },
        'test',
        0,
      );
    await opened.store.commitPage(pageInput([makeFlag({ id: 'fl_race', risk: 'high' })], 'c_1', Date.now()));
    const a = await startCore(opened.store, { aheadMs: 0 });
    // B reads the store only when it starts (its refresh is an hour away): the guard must look itself.
    const b = await startCore(await opened.another(), { aheadMs: 0 }, 3600_000);
    await logOn(a, ASHA, deskA);
    await logOn(b, RAVI, deskB);
    await a.core.handlers.holdFlag({ id: 'fl_race' }, deskA);
    await expect(
      b.core.handlers.acknowledge({ id: 'fl_race', operator: RAVI.name }, deskB),
    ).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining(`held by ${ASHA.name}`) });
    // And B's desks were told on the way.
    await heldBy(b, 'fl_race', ASHA.name);
  });

  it("a new core on the same store finds the holds and the silence; a dead core's holds go back after the grace", async () => {
    const { opened, a, b, clockA } = await room();
    await b.core.handlers.holdFlag({ id: 'fl_shared' }, deskB);
    await b.core.handlers.silenceAlarm(
      { operator: RAVI.name, reason: 'drill in progress', minutes: 10 },
      deskB,
    );
    await heldBy(a, 'fl_shared', RAVI.name);
    // B stops (its process ends: it says nothing more to the store); a new core starts on the same store.
    await b.core.stop();
    const c = await startCore(await opened.another(), { aheadMs: 0 });
    expect((await c.core.handlers.listQueue({}, deskB)).find((i) => i.id === 'fl_shared')?.heldBy?.name).toBe(
      RAVI.name,
    );
    expect((await c.core.handlers.getAlarm({}, deskB)).silence).toMatchObject({
      by: RAVI.name,
      reason: 'drill in progress',
    });

    // Nobody at B's desk any more: after the grace (from B's last word) the flag is back with the room.
    clockA.aheadMs = DEFAULT_HOLD_GRACE_MS + 1_000;
    const notice = await a.waitFor('roomNotice', (n) => n.kind === 'hold_released');
    expect(notice).toMatchObject({ id: 'fl_shared', from: RAVI.name, by: null });
    await heldBy(a, 'fl_shared', null);
    await heldBy(c, 'fl_shared', null);
    const detail = await a.core.handlers.getFlagDetail({ id: 'fl_shared' }, deskA);
    expect(detail.events.filter((e) => e.kind === 'hold_released')).toHaveLength(1);
  });
});
