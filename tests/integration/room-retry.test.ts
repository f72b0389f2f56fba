// Several desks, one core: a command whose answer is lost on the way (the link cut by a proxy the
// test controls, after the core acted and before the desk heard) is retried after the reconnect,
// and the desk gets the first answer while the core acts once. The desk's own client notices the
// cut within 5 s by its heartbeat, whether the link goes silent (blackhole) or is reset.
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeHandlers } from '../../shared/contract';
import { HEARTBEAT } from '../../shared/room/heartbeat';
import { makeFlag } from '../helpers/flags';
import { DESK_TOKEN, OPERATOR, WALL_TOKEN, startHostRig, type HostRig } from '../helpers/host-rig';
import { connectRoomClient, type RoomClient } from '../helpers/room-client';
import { startTcpProxy, type ProxyMode, type TcpProxy } from '../helpers/tcp-proxy';

/** The room's promise: a desk says NOT CONNECTED within this of a cable pull. */
const NOT_CONNECTED_WITHIN_MS = 5000;

let rig: HostRig | undefined;
let proxy: TcpProxy | undefined;
const clients: RoomClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await proxy?.close();
  await rig?.close();
  rig = undefined;
  proxy = undefined;
});

const logOn = (client: RoomClient) =>
  client.api.invoke('logon', { name: OPERATOR.name, password: OPERATOR.password, bannerAccepted: true });

/** A rig whose acknowledge, once `cut` is set, cuts the link after the core acted: the answer is lost. */
async function rigCuttingAfterAcknowledge(mode: ProxyMode) {
  const cut = { armed: false, answers: [] as unknown[] };
  rig = await startHostRig({
    wrapCore: (core) => {
      const handlers: InvokeHandlers = {
        ...core.handlers,
        acknowledge: async (request, context) => {
          const value = await core.handlers.acknowledge(request, context);
          cut.answers.push(value);
          if (cut.armed) {
            cut.armed = false;
            proxy!.setMode(mode);
          }
          return value;
        },
      };
      return { ...core, handlers };
    },
  });
  proxy = await startTcpProxy(rig.host.port);
  return cut;
}

async function flagOnDesk(desk: RoomClient, id: string) {
  rig!.sim.publish(makeFlag({ id, risk: 'imminent' }));
  await desk.waitFor('queueChanged', (p) => p.upserts.some((item) => item.id === id));
}

describe.each(['blackhole', 'reset'] as const)('a link cut in %s mode', (mode) => {
  it('is NOT CONNECTED after the cut; the retried acknowledge gets the first answer and acts once', async () => {
    const cut = await rigCuttingAfterAcknowledge(mode);
    const desk = connectRoomClient(rig!, DESK_TOKEN, proxy!.port);
    const observer = connectRoomClient(rig!, DESK_TOKEN); // not through the proxy
    clients.push(desk, observer);
    await desk.waitForState('connected');
    await logOn(desk);
    await observer.waitForState('connected');
    await logOn(observer);
    await flagOnDesk(desk, 'fl_retry');

    cut.armed = true;
    const cutAt = Date.now();
    const first = desk.api.invoke('acknowledge', { id: 'fl_retry', operator: OPERATOR.name });
    await expect(first).rejects.toMatchObject({ kind: 'unavailable' });
    // Waits on the event, not on the clock: how soon it comes is the heartbeat rule's, proven with a
    // fake clock (renderer/api/ws-client.test.ts, and the rule against the promise below); measured
    // here in real time it failed on a machine busy enough to delay the page's timers.
    await desk.waitForState('reconnecting', cutAt);
    // The core did act: the other desk saw the acknowledgement.
    await observer.waitFor('queueChanged', (p) =>
      p.upserts.some((item) => item.id === 'fl_retry' && item.state === 'acknowledged'),
    );
    // A flag that arrives while the desk is cut off must be there after the resync.
    await flagOnDesk(observer, 'fl_during_cut');

    const restoredAt = Date.now();
    proxy!.setMode('forward');
    await desk.waitForState('connected', restoredAt);
    // A new connection is a new logon session (docs/operations.md, "Holds, takeover and what each screen says", on resuming).
    await logOn(desk);
    const retried = await desk.api.invoke('acknowledge', { id: 'fl_retry', operator: OPERATOR.name });
    expect(cut.answers).toHaveLength(2); // the handler ran twice at the transport…
    expect(retried).toEqual(cut.answers[0]); // …and the second time answered the first answer
    const detail = await observer.api.invoke('getFlagDetail', { id: 'fl_retry' });
    expect(detail.events.filter((e) => e.kind === 'acknowledged')).toHaveLength(1);
    // Without the request id the same command is a second acknowledgement, which the store refuses:
    // the record, not luck, is what gave the retry its first answer.
    await expect(
      desk.api.invoke('acknowledge', {
        id: 'fl_retry',
        operator: OPERATOR.name,
        requestId: crypto.randomUUID(),
      }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    // In sync: the resynchronised queue holds the flag that came during the cut, nothing twice.
    const queue = await desk.api.invoke('listQueue', {});
    expect(queue.map((item) => item.id).sort()).toEqual(['fl_during_cut', 'fl_retry']);
  });
});

describe('request ids', () => {
  it('are refused from another account, and malformed ones are named', async () => {
    rig = await startHostRig({
      accounts: [{ name: 'Op Second', password: OPERATOR.password, role: 'operator' }],
    });
    const a = connectRoomClient(rig, DESK_TOKEN);
    const b = connectRoomClient(rig, DESK_TOKEN);
    clients.push(a, b);
    await a.waitForState('connected');
    await b.waitForState('connected');
    await logOn(a);
    await b.api.invoke('logon', { name: 'Op Second', password: OPERATOR.password, bannerAccepted: true });
    await flagOnDesk(a, 'fl_ids');
    const requestId = crypto.randomUUID();
    await a.api.invoke('acknowledge', { id: 'fl_ids', operator: OPERATOR.name, requestId });
    await expect(
      b.api.invoke('acknowledge', { id: 'fl_ids', operator: 'Op Second', requestId }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'requestId' });
    await expect(
      a.api.invoke('acknowledge', { id: 'fl_ids', operator: OPERATOR.name, requestId: 'not-a-uuid' }),
    ).rejects.toMatchObject({ kind: 'invalid_request', field: 'requestId' });
  });

  it('heartbeat rule keeps NOT CONNECTED inside the room promise', () => {
    // Dead after deadAfterMs, checked every pingEveryMs at the latest: the worst case is their sum.
    expect(HEARTBEAT.deadAfterMs + HEARTBEAT.pingEveryMs).toBeLessThan(NOT_CONNECTED_WITHIN_MS);
  });
});

describe('a desk cut off without a word', () => {
  it('loses its hold after the grace: the host notices the silent link, the room is told', async () => {
    let aheadMs = 0;
    rig = await startHostRig({
      // The host's own ping finds the silent desk (tightened from 30 s for the test).
      limits: { heartbeatMs: 300 },
      core: { now: () => Date.now() + aheadMs, holdGraceMs: 30_000 },
    });
    proxy = await startTcpProxy(rig.host.port);
    const desk = connectRoomClient(rig, DESK_TOKEN, proxy.port);
    const wall = connectRoomClient(rig, WALL_TOKEN);
    clients.push(desk, wall);
    await desk.waitForState('connected');
    await logOn(desk);
    await desk.api.invoke('reportClientState', { visibility: 'visible', audio: 'ok' });
    await wall.waitForState('connected');
    await flagOnDesk(desk, 'fl_cut_hold');
    await desk.api.invoke('holdFlag', { id: 'fl_cut_hold' });

    proxy.setMode('blackhole');
    const waiting = await wall.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_cut_hold' && typeof i.heldBy?.releaseAtMs === 'number'),
    );
    expect(waiting.upserts.find((i) => i.id === 'fl_cut_hold')?.heldBy?.name).toBe(OPERATOR.name);
    aheadMs += 31_000;
    await wall.waitFor('roomNotice', (n) => n.kind === 'hold_released' && n.id === 'fl_cut_hold');
    const queue = await wall.api.invoke('listQueue', {});
    expect(queue.find((i) => i.id === 'fl_cut_hold')?.heldBy ?? null).toBeNull();
  });
});
