// Issue #15, the host's side: a connection's fault ends that connection only, and no client can take
// the loop, the memory or the sockets from the others. Each test here failed on the host before.
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleCore } from '../../electron/main/core/console-core';
import { AUTH_CHANNELS } from '../../electron/main/core/host/auth-gate';
import {
  Client,
  DESK_TOKEN,
  OPERATOR,
  WALL_TOKEN,
  logOn,
  partialUpgrade,
  rawSocket,
  startHostRig,
  type HostRig,
  type HostRigOptions,
} from '../helpers/host-rig';

let rig: HostRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const start = async (options: HostRigOptions = {}) => (rig = await startHostRig(options));

/** Handlers that wait until the test lets them go, so "in flight" is a state the test controls. */
class Holds {
  private readonly held: (() => void)[] = [];
  private readonly watchers: (() => void)[] = [];
  entered = 0;
  wrap<A extends unknown[], R>(handler: (...args: A) => Promise<R>) {
    return async (...args: A): Promise<R> => {
      this.entered++;
      for (const wake of this.watchers.splice(0)) wake();
      await new Promise<void>((release) => this.held.push(release));
      return handler(...args);
    };
  }
  async until(count: number): Promise<void> {
    while (this.entered < count) await new Promise<void>((wake) => this.watchers.push(wake));
  }
  releaseAll(): void {
    for (const release of this.held.splice(0)) release();
  }
}

function withHandlers(overrides: (core: ConsoleCore) => Partial<ConsoleCore['handlers']>) {
  return (core: ConsoleCore): ConsoleCore => ({
    ...core,
    handlers: { ...core.handlers, ...overrides(core) },
  });
}

/** The host still answers a well-behaved client (a fresh connection, so it cannot be a leftover). */
async function stillServing(current: HostRig): Promise<void> {
  const other = await Client.connect(current, DESK_TOKEN);
  expect(await other.invoke('getFeedHealth')).toMatchObject({ ok: true });
  other.close();
}

describe('a bad frame ends its connection, never the host', () => {
  it('a text frame of invalid UTF-8 (C3 28) from the wall token: closed 1007, host answers', async () => {
    const current = await start();
    const wall = await Client.connect(current, WALL_TOKEN);
    wall.ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect(await wall.closed).toBe(1007);
    expect(await current.waitForLog(/failed: WS_ERR_INVALID_UTF8/)).not.toContain('\u00c3');
    await stillServing(current);
  });

  it('a frame over 256 KiB: closed 1009, host answers', async () => {
    const current = await start();
    const desk = await Client.connect(current, DESK_TOKEN);
    desk.ws.send('x'.repeat(256 * 1024 + 1));
    expect(await desk.closed).toBe(1009);
    await current.waitForLog(/failed: WS_ERR_UNSUPPORTED_MESSAGE_LENGTH/);
    await stillServing(current);
  });
});

describe('password checks and requests in flight are bounded', () => {
  it('the gate covers every channel that carries a password', () => {
    for (const channel of ['logon', 'unlockDesk', 'createFirstAdministrator', 'addAccount'])
      expect(AUTH_CHANNELS.has(channel), channel).toBe(true);
    expect(AUTH_CHANNELS.has('listQueue')).toBe(false);
  });

  it('one password check in flight per connection: a second logon is answered busy at once', async () => {
    const holds = new Holds();
    const current = await start({
      wrapCore: withHandlers((core) => ({ logon: holds.wrap(core.handlers.logon) })),
    });
    const desk = await Client.connect(current, DESK_TOKEN);
    const first = logOn(desk);
    await holds.until(1);
    expect(await logOn(desk)).toMatchObject({ ok: false, error: { kind: 'busy' } });
    holds.releaseAll();
    expect(await first).toMatchObject({ ok: true, value: { name: OPERATOR.name } });
  });

  it('across connections, beyond the running and waiting checks, a logon is answered busy at once', async () => {
    const holds = new Holds();
    const current = await start({
      limits: { authConcurrency: 1, authQueue: 1 },
      wrapCore: withHandlers((core) => ({ logon: holds.wrap(core.handlers.logon) })),
    });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => Client.connect(current, DESK_TOKEN)));
    const running = logOn(a!);
    await holds.until(1);
    // b and c race to the one waiting place: whichever comes second is turned away at once.
    const answers = [logOn(b!), logOn(c!)];
    expect(await Promise.race(answers)).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(holds.entered).toBe(1);
    holds.releaseAll();
    await holds.until(2); // the waiting one got the slot when the first finished
    holds.releaseAll();
    expect(await running).toMatchObject({ ok: true });
    const results = await Promise.all(answers);
    expect(results.filter((r) => r.error?.kind === 'busy')).toHaveLength(1);
  });

  it('requests in flight on one connection are capped; beyond the cap each is answered busy', async () => {
    const holds = new Holds();
    const current = await start({
      limits: { maxInFlightPerConnection: 3 },
      wrapCore: withHandlers((core) => ({ listQueue: holds.wrap(core.handlers.listQueue) })),
    });
    const desk = await Client.connect(current, DESK_TOKEN);
    const answers = [1, 2, 3, 4, 5].map(() => desk.invoke('listQueue'));
    expect(await answers[3]).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(await answers[4]).toMatchObject({ ok: false, error: { kind: 'busy' } });
    await holds.until(3);
    holds.releaseAll();
    for (const answer of answers.slice(0, 3)) expect(await answer).toMatchObject({ ok: true });
  });
});

describe('slow and vanished readers', () => {
  it('a reader that never reads is dropped once its backlog passes the cap; the host answers others', async () => {
    const bigListing = Array.from({ length: 2000 }, (_, i) => `padding-${i}-${'p'.repeat(120)}`);
    const current = await start({
      limits: { maxBufferedBytes: 1024 * 1024, maxInFlightPerConnection: 1000 },
      wrapCore: withHandlers(() => ({ listQueue: async () => bigListing as never })),
    });
    const reader = await Client.connect(current, WALL_TOKEN);
    (reader.ws as unknown as { _socket: net.Socket })._socket.pause();
    let dropped = false;
    void current.waitForLog(/dropped: slow reader/).then(() => (dropped = true));
    // 400 listings of 260 KB would be 100 MB held for this one reader without the cap.
    for (let i = 0; i < 400 && !dropped; i++) {
      reader.send('listQueue');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await current.waitForLog(/dropped: slow reader/);
    await stillServing(current);
  });

  it('a peer that stops answering pings is dropped', async () => {
    const current = await start({ limits: { heartbeatMs: 100 } });
    const silent = await Client.connect(current, DESK_TOKEN);
    (silent.ws as unknown as { _socket: net.Socket })._socket.pause();
    await current.waitForLog(/dropped: no answer to ping/);
  });
});

describe('half-open sockets and connection caps', () => {
  it('a TCP connect that sends nothing and an upgrade never finished are closed after the handshake timeout', async () => {
    const current = await start({ limits: { handshakeTimeoutMs: 300 } });
    const silent = rawSocket(current);
    const partial = rawSocket(current, partialUpgrade(current));
    await Promise.all([silent.closed, partial.closed]);
    await stillServing(current);
  });

  it('WebSocket connections are capped in total and per token role (503), and a desk still gets in', async () => {
    const current = await start({
      limits: { maxConnections: 4, maxConnectionsPerRole: { desk: 3, wall: 1 } },
    });
    await Client.connect(current, WALL_TOKEN);
    await expect(Client.connect(current, WALL_TOKEN)).rejects.toThrow(/503/);
    await Client.connect(current, DESK_TOKEN);
    await Client.connect(current, DESK_TOKEN);
    const third = await Client.connect(current, DESK_TOKEN); // total now 4
    await expect(Client.connect(current, DESK_TOKEN)).rejects.toThrow(/503/);
    expect(await third.invoke('getFeedHealth')).toMatchObject({ ok: true });
  });
});

describe('what a desk nobody has logged on at may see', () => {
  it("a silence's reason and author reach only a logged-on desk, by event and by answer", async () => {
    const current = await start();
    const anonymous = await Client.connect(current, DESK_TOKEN);
    const operator = await Client.connect(current, DESK_TOKEN);
    await logOn(operator);
    await operator.invoke('silenceAlarm', {
      operator: OPERATOR.name,
      reason: 'calling Priyanka Fictora',
      minutes: 2,
    });
    await anonymous.waitFor('alarm', (p) => p.silence !== null);
    await operator.waitFor('alarm', (p) => p.silence !== null);
    const seen = JSON.stringify([anonymous.events, await anonymous.invoke('getAlarm')]);
    expect(seen).not.toContain('Priyanka');
    expect(seen).not.toContain(OPERATOR.name);
    expect((await operator.invoke('getAlarm')).value.silence).toMatchObject({
      reason: 'calling Priyanka Fictora',
      by: OPERATOR.name,
    });
  });
});

describe('a wall finds its host again', () => {
  it('HEAD of the page answers 200, as the wall asks before reloading after a lost link', async () => {
    const current = await start();
    const head = await fetch(`${current.origin()}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${current.origin()}/`, { method: 'POST' })).status).toBe(404);
  });
});
