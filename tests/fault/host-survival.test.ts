// Issue #15, "Done when": a token holder throws everything at the host at once — malformed and
// oversized frames, garbage JSON, unknown channels, hundreds of sockets, half-open requests, a
// reader that never reads, and a logon storm — while a well-behaved desk keeps asking and the feed
// keeps publishing. The host must answer that desk within 2 s every time, keep ingesting, and live.
// Every loop is bounded; the test ends by itself. Runs on the production limits.
import type net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import {
  Client,
  DESK_TOKEN,
  WALL_TOKEN,
  logOn,
  partialUpgrade,
  rawSocket,
  startHostRig,
  type HostRig,
} from '../helpers/host-rig';
import { makeFlag } from '../helpers/flags';

const MAX_ANSWER_MS = 2000;
const OPEN_FLAGS = 150; // listings of tens of KB each, so the never-reading wall fills its backlog
const SOCKETS = 300;
const HALF_OPEN = 200;
const STORM_CONNECTIONS = 12;
// Bursts of eight: 288 logons, 36 of them checked. Each check is a real scrypt at N = 2^17 (a few
// hundred ms of a pool thread, one at a time across the host), so the checked ones set how long the
// storm lasts; the rest are answered 'busy' at once (one check in flight per connection).
const STORM_ROUNDS = 3;
const STORM_BURST = 8;
const SLOW_READER_REQUESTS = 2000;

let rig: HostRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const tryConnect = (current: HostRig, token: string) => Client.connect(current, token).catch(() => null);
const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

async function malformedFrames(current: HostRig): Promise<void> {
  const frames: ((c: Client) => void)[] = [
    (c) => c.ws.send(Buffer.from([0xc3, 0x28]), { binary: false }),
    (c) => c.ws.send('x'.repeat(300 * 1024)),
    (c) => c.ws.send('{"type":"invoke","id":'),
    (c) => c.ws.send(Buffer.from([0xde, 0xad, 0xbe, 0xef])),
    (c) => c.ws.send(JSON.stringify({ type: 'invoke', id: -1, channel: 'x'.repeat(100), payload: null })),
  ];
  for (let round = 0; round < 10; round++) {
    await Promise.all(
      frames.map(async (frame, i) => {
        const c = await tryConnect(current, i % 2 ? WALL_TOKEN : DESK_TOKEN);
        if (!c) return;
        frame(c);
        await c.closed;
      }),
    );
  }
  // Unknown channels are answered, not closed: one connection asks for 500 of them.
  const unknown = await tryConnect(current, DESK_TOKEN);
  if (!unknown) return;
  for (let i = 0; i < 500; i++) unknown.send(`noSuchChannel${i}`, { anything: i });
  await unknown.invoke('getFeedHealth');
  unknown.close();
}

async function manySockets(current: HostRig): Promise<Client[]> {
  const clients = await Promise.all(
    Array.from({ length: SOCKETS }, (_, i) => tryConnect(current, i % 4 === 0 ? WALL_TOKEN : DESK_TOKEN)),
  );
  const open = clients.filter((c): c is Client => c !== null);
  await Promise.all(open.map((c) => c.invoke('getSession')));
  return open;
}

function halfOpen(current: HostRig) {
  return Array.from({ length: HALF_OPEN }, (_, i) =>
    i % 2 === 0 ? rawSocket(current) : rawSocket(current, partialUpgrade(current)),
  );
}

async function slowReader(current: HostRig, reader: Client): Promise<void> {
  (reader.ws as unknown as { _socket: net.Socket })._socket.pause();
  let dropped = false;
  const drop = current.waitForLog(/dropped: slow reader/).then(() => (dropped = true));
  for (let i = 0; i < SLOW_READER_REQUESTS && !dropped; i++) {
    reader.send('listQueue');
    if (i % 4 === 3) await yieldToLoop();
  }
  await drop;
  reader.close();
}

async function logonStorm(clients: Client[]): Promise<{ busy: number; refused: number }> {
  let busy = 0;
  let refused = 0;
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = 0; i < STORM_ROUNDS; i++) {
        // A burst at once (all but one come back busy), then wait for the one being checked.
        const answers = Array.from({ length: STORM_BURST }, (_, k) =>
          logOn(client, `Nobody Known${c}x${i}x${k}`, 'wrong password'),
        );
        for (const answer of await Promise.all(answers)) {
          if (answer.error?.kind === 'busy') busy++;
          else if (answer.error?.kind === 'forbidden') refused++;
          else throw new Error(`unexpected logon answer ${JSON.stringify(answer.error?.kind)}`);
        }
      }
      client.close();
    }),
  );
  return { busy, refused };
}

it('keeps answering a desk within 2 s and keeps ingesting under every attack at once', async () => {
  const current = await start();
  const faults: unknown[] = [];
  const trap = (error: unknown) => faults.push(error);
  process.on('uncaughtException', trap);
  process.on('unhandledRejection', trap);
  try {
    // A queue worth listing, and a well-behaved desk that is logged on and watching it.
    const desk = await Client.connect(current, DESK_TOKEN);
    expect(await logOn(desk)).toMatchObject({ ok: true });
    const ids = Array.from({ length: OPEN_FLAGS }, (_, i) => `fl_load_${i}`);
    for (const id of ids) current.sim.publish(makeFlag({ id }));
    await desk.waitFor('queueChanged', (p) => p.upserts.some((u: { id: string }) => u.id === ids.at(-1)));

    let attacking = true;
    let answers = 0;
    let max = 0; // kept as it goes: on a quiet machine there are too many answers to spread into Math.max
    const watching = (async () => {
      while (attacking) {
        const asked = performance.now();
        const answer = await desk.invoke(answers++ % 2 ? 'getFeedHealth' : 'getAlarm');
        max = Math.max(max, performance.now() - asked);
        expect(answer).toMatchObject({ ok: true });
      }
    })();

    // The attacker's long-lived connections are in before the crowd takes the remaining places.
    const reader = await Client.connect(current, WALL_TOKEN);
    const stormClients = await Promise.all(
      Array.from({ length: STORM_CONNECTIONS }, () => Client.connect(current, DESK_TOKEN)),
    );
    const halfOpenSockets = halfOpen(current);
    const [crowd, , storm] = await Promise.all([
      // The crowd comes once the bad frames are through: with every place taken, they could not be.
      malformedFrames(current).then(() => manySockets(current)),
      // Published once the slow reader is gone, with the storm and the crowd still at it.
      slowReader(current, reader).then(async () => {
        current.sim.publish(makeFlag({ id: 'fl_during_attack', risk: 'imminent' }));
        await desk.waitFor('queueChanged', (p) =>
          p.upserts.some((u: { id: string }) => u.id === 'fl_during_attack'),
        );
      }),
      logonStorm(stormClients),
    ]);
    // Half-open sockets are ended by the host's handshake timeout, not by us.
    await Promise.all(halfOpenSockets.map((s) => s.closed));
    attacking = false;
    await watching;
    for (const c of crowd) c.close();

    console.log(
      `host survival: ${answers} answers to the desk, max ${max.toFixed(0)} ms; ` +
        `${crowd.length}/${SOCKETS} sockets admitted; logon storm: ${storm.refused} checked, ${storm.busy} busy`,
    );
    expect(max).toBeLessThan(MAX_ANSWER_MS);
    expect(crowd.length).toBeLessThan(SOCKETS); // the connection caps turned some away
    expect(storm.busy).toBeGreaterThan(0);
    expect(await desk.invoke('getFeedHealth')).toMatchObject({ ok: true, value: { state: 'ok' } });
    expect(faults).toEqual([]);
  } finally {
    process.off('uncaughtException', trap);
    process.off('unhandledRejection', trap);
  }
}, 120_000);

async function start(): Promise<HostRig> {
  rig = await startHostRig({ pollIntervalMs: 250 });
  return rig;
}
