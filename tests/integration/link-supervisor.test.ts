// Issue #18, the desktop app in client mode: main's supervisor of a window's link to the room's core
// (electron/main/core/net/link-supervisor.ts), against a real core over TLS on loopback, with the
// cable pulled by a test-controlled TCP proxy. A silent link is named by heartbeats ('reconnecting'),
// the link comes back by itself logged on as before (resume token) with the flags it missed; a
// device revoked while cut off is 'revoked' and stops trying. Waits on the state events, never sleeps.
import { afterEach, describe, expect, it } from 'vitest';
import { superviseRoomLink, type LinkState } from '../../electron/main/core/net/link-supervisor';
import { enrolDevice, RoomConnection, type RoomEvent } from '../../electron/main/core/net/room-client';
import { revokeDevice } from '../../electron/main/core/store/sqlite/device-queries';
import { HEARTBEAT } from '../../shared/room/heartbeat';
import { makeFlag } from '../helpers/flags';
import { OPERATOR, startRoomRig, type RoomRig } from '../helpers/room-rig';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

let rig: RoomRig | undefined;
let proxy: TcpProxy | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0)) clean();
  await proxy?.close();
  proxy = undefined;
  await rig?.close();
  rig = undefined;
});

const LOGON = { name: OPERATOR.name, password: OPERATOR.password, bannerAccepted: true as const };

/** A supervised desk through the proxy, with its states and events recorded as they come. */
async function supervisedDesk(current: RoomRig, through: TcpProxy, name: string) {
  const enrolment = await enrolDevice(current.pinned, current.newCode(name, 'desk'));
  const core = { url: `https://127.0.0.1:${through.port}`, fingerprint: current.pinned.fingerprint };
  const states: { state: LinkState; atMs: number }[] = [];
  const events: RoomEvent[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  let connects = 0;
  let retriesScheduled = 0;
  const link = superviseRoomLink({
    connect: (resumeToken) => {
      connects++;
      return RoomConnection.connect(core, enrolment.credential, { resumeToken });
    },
    delayMs: () => (retriesScheduled++, 100),
    onState: (state) => (states.push({ state, atMs: Date.now() }), wake()),
    onEvent: (event) => (events.push(event), wake()),
  });
  cleanups.push(() => link.close());
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((w) => waiters.push(w));
  };
  return {
    link,
    states,
    counts: () => ({ connects, retriesScheduled }),
    /** Resolves with the time of the first `state` reported at or after `sinceMs`. */
    async waitForState(state: LinkState, sinceMs = 0): Promise<number> {
      const find = () => states.find((s) => s.state === state && s.atMs >= sinceMs);
      await until(() => find() !== undefined);
      return find()!.atMs;
    },
    waitForFlag: (id: string) =>
      until(() =>
        events.some((e) => e.event === 'queueChanged' && JSON.stringify(e.payload).includes(`"${id}"`)),
      ),
  };
}

describe('the supervised link of a window in client mode', () => {
  it('says reconnecting after a pulled cable, comes back by itself logged on, and resyncs the queue', async () => {
    const current = (rig = await startRoomRig());
    proxy = await startTcpProxy(current.room.port);
    const desk = await supervisedDesk(current, proxy, 'Desk 31');
    await desk.waitForState('connected');
    expect(await desk.link.invoke('logon', LOGON)).toMatchObject({ ok: true });
    current.sim.publish(makeFlag({ id: 'fl_before', risk: 'high' }));
    await desk.waitForFlag('fl_before');

    const cutAt = Date.now();
    proxy.setMode('blackhole'); // no FIN, no RST: only the heartbeat can tell
    const namedAt = await desk.waitForState('reconnecting', cutAt);
    // Measured here for the report only: the bound is the heartbeat rule's (unit test, fake clock);
    // in real time on a machine shared by many jobs it is not a promise this test can keep.
    console.info(`[link-supervisor] NOT CONNECTED ${namedAt - cutAt} ms after the cut`);
    // A call while cut off is answered at once, never left hanging.
    expect(await desk.link.invoke('listQueue', {})).toMatchObject({
      ok: false,
      error: { kind: 'unavailable' },
    });
    // A flag that comes while the desk is cut off: another desk, not behind the proxy, sees the core
    // take it, so the cut desk can learn it only by resynchronising.
    const other = await enrolDevice(current.pinned, current.newCode('Desk 33', 'desk'));
    const observer = await RoomConnection.connect(current.pinned, other.credential);
    cleanups.push(() => observer.ws.terminate());
    await observer.invoke('logon', LOGON);
    const seen = new Promise<void>((resolve) =>
      observer.onEvent((e) => {
        if (e.event === 'queueChanged' && JSON.stringify(e.payload).includes('"fl_during"')) resolve();
      }),
    );
    current.sim.publish(makeFlag({ id: 'fl_during', risk: 'imminent' }));
    await seen;

    const restoredAt = Date.now();
    proxy.setMode('forward');
    await desk.waitForState('connected', restoredAt);
    // Resumed: no new logon, and the whole queue, with what came during the cut, is there.
    const queue = (await desk.link.invoke('listQueue', {})) as { ok: boolean; value: { id: string }[] };
    expect(queue.ok).toBe(true);
    expect(queue.value.map((item) => item.id).sort()).toEqual(['fl_before', 'fl_during']);
    expect(desk.link.state).toBe('connected');
  }, 40_000);

  it('is revoked, and stops trying, when the core refuses it as revoked on reconnecting', async () => {
    const current = (rig = await startRoomRig());
    proxy = await startTcpProxy(current.room.port);
    const desk = await supervisedDesk(current, proxy, 'Desk 32');
    await desk.waitForState('connected');
    const cutAt = Date.now();
    proxy.setMode('blackhole');
    await desk.waitForState('reconnecting', cutAt);
    revokeDevice(current.sync.database, 'Desk 32', 'Admin Testroom', Date.now());
    proxy.setMode('forward');
    await desk.waitForState('revoked', cutAt);
    // Every retry is scheduled through delayMs, synchronously when an attempt fails: none after this.
    const atRevoked = desk.counts();
    expect(await desk.link.invoke('listQueue', {})).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', message: expect.stringMatching(/revoked/) },
    });
    expect(desk.counts()).toEqual(atRevoked);
    expect(desk.link.state).toBe('revoked');
    expect(desk.states.at(-1)?.state).toBe('revoked');
  }, 40_000);

  it('runs by the room heartbeat rule (within the 5 s promise)', () => {
    expect(HEARTBEAT.pingEveryMs + HEARTBEAT.deadAfterMs).toBeLessThanOrEqual(5000);
  });
});
