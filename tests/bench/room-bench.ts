// The room under load (issue #18): the built `lifeline serve` as its own process over TLS on
// loopback, 10,000 open (acknowledged) flags in its store, and simulated devices in this process
// (core/net/room-client.ts, the Electron desk's own client): first one desk alone, the baseline,
// then 16 desks and 4 walls, in the same run against the same core.
//   feed → alarm on every desk: from the simulator's publish to the last desk's alarm event naming it
//   acknowledgement → alarm stopped: from one desk's acknowledge to the last other desk's alarm event
//     without it (with one desk: its own)
//   resync: a desk reconnects (resuming its session) and fetches what the page fetches: the session,
//     the queue, the alarm, the feed's health
//   resident memory per client: the core's VmRSS with 16 desks and 4 walls connected and synced, less
//     with one desk, over the 19 clients added (after the same warm-up, so the heap's growth is theirs)
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { hashSecret, newDeviceCredential } from '../../electron/main/core/net/device-secrets';
import { RoomConnection, type PinnedCore } from '../../electron/main/core/net/room-client';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { inProcessStore, SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { seed } from './cold-start-bench';

export const PASSWORD = 'bench password 1';
export const OPERATOR = 'Bench Roomwal';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
};

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

export interface Device {
  name: string;
  kind: 'desk' | 'wall';
  credential: string;
}

/** 10,000 open flags, all acknowledged (so nothing alarms until the bench publishes), one operator, the devices. */
async function prepareStore(dataDir: string, key: Buffer, open: number, devices: Device[]) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'lifeline.db');
  seed(file, key, open, open);
  const sync = SqliteStore.open(file, key, { createIfMissing: false });
  sync.database
    .prepare(
      "UPDATE flags SET state = 'acknowledged', acknowledged_by = 'Op Bench', acknowledged_at_ms = received_at_ms",
    )
    .run();
  await inProcessStore(sync).createAccount(
    { name: OPERATOR, role: 'operator', passwordHash: await hashPassword(PASSWORD) },
    'bench',
    Date.now(),
  );
  // As `lifeline device enrol` and a redeemed code would leave them: the credential's hash only.
  const insert = sync.database.prepare(
    'INSERT INTO devices (name, kind, credential_hash, enrolled_by, enrolled_at_ms) VALUES (?, ?, ?, ?, ?)',
  );
  for (const d of devices) insert.run(d.name, d.kind, hashSecret(d.credential), 'bench', Date.now());
  sync.close();
}

export function startServe(
  args: string[],
): Promise<{ child: ChildProcess; port: number; fingerprint: string }> {
  const child = spawn(process.execPath, ['bin/lifeline.cjs', 'serve', ...args], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LIFELINE_'))),
      LIFELINE_FEED_TOKEN: 'bench',
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^LIFELINE_READY (.*)$/m.exec(output);
      if (line) resolve({ child, ...(JSON.parse(line[1]!) as { port: number; fingerprint: string }) });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

type Alarm = { flagIds: string[] };

/** A connected device that remembers when each alarm event arrived. */
export class Client {
  alarms: { atMs: number; flagIds: Set<string> }[] = [];
  private waiters: (() => void)[] = [];
  constructor(
    public connection: RoomConnection,
    readonly device: Device,
  ) {
    this.listen();
  }
  listen() {
    this.connection.onEvent(({ event, payload }) => {
      if (event !== 'alarm') return;
      this.alarms.push({ atMs: performance.now(), flagIds: new Set((payload as Alarm).flagIds) });
      for (const w of this.waiters.splice(0)) w();
    });
  }
  /** When the first alarm event after `sinceMs` that satisfies the test arrived. */
  async alarmWhen(sinceMs: number, test: (ids: Set<string>) => boolean): Promise<number> {
    for (;;) {
      const found = this.alarms.find((a) => a.atMs >= sinceMs && test(a.flagIds));
      if (found) return found.atMs;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  async invoke(channel: string, payload: unknown = {}) {
    const result = (await this.connection.invoke(channel, payload)) as { ok: boolean; value?: unknown };
    if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result)}`);
    return result.value;
  }
}

export async function connect(core: PinnedCore, device: Device): Promise<Client> {
  const client = new Client(await RoomConnection.connect(core, device.credential), device);
  if (device.kind === 'desk')
    await client.invoke('logon', { name: OPERATOR, password: PASSWORD, bannerAccepted: true });
  await resync(client); // every screen loads the whole queue when it connects
  return client;
}

/** What the page fetches after (re)connecting (renderer/hooks/useContractSync.ts). */
async function resync(client: Client): Promise<number> {
  const [, queue] = await Promise.all([
    client.invoke('getSession'),
    client.invoke('listQueue') as Promise<unknown[]>,
    client.invoke('getAlarm'),
    client.invoke('getFeedHealth'),
  ]);
  return queue.length;
}

interface PhaseFigures {
  desks: number;
  walls: number;
  feedToAlarmP50: number;
  feedToAlarmP99: number;
  ackToStopP50: number;
  ackToStopP99: number;
  resyncMedianMs: number;
  resyncMaxMs: number;
  resyncRows: number;
  /** The core's VmRSS with these clients connected and synced, before the flags of this phase. */
  rssMb: number;
}

let flagNo = 0;
async function measure(
  sim: Simulator,
  core: PinnedCore,
  pid: number,
  desks: Client[],
  walls: Client[],
  samples: number,
): Promise<PhaseFigures> {
  const rss = rssMb(pid);
  const feed: number[] = [];
  const ack: number[] = [];
  const [acting, ...others] = desks;
  for (let i = 0; i < samples; i++) {
    const id = `room_${flagNo++}`;
    const published = performance.now();
    sim.publish({
      id,
      flagged_at: new Date().toISOString().replace('Z', '+00:00'),
      risk: 'imminent',
      subject: { account_id: id },
    });
    const heard = await Promise.all(desks.map((d) => d.alarmWhen(published, (ids) => ids.has(id))));
    feed.push(Math.max(...heard) - published);
    const acknowledged = performance.now();
    await acting!.invoke('acknowledge', { id, operator: OPERATOR, requestId: crypto.randomUUID() });
    const stopped = await Promise.all(
      (others.length > 0 ? others : [acting!]).map((d) => d.alarmWhen(acknowledged, (ids) => !ids.has(id))),
    );
    ack.push(Math.max(...stopped) - acknowledged);
  }
  // A desk's link goes and comes back: it resumes its session and fetches everything again.
  const resyncs: number[] = [];
  let rows = 0;
  const desk = desks.at(-1)!;
  for (let i = 0; i < 5; i++) {
    const token = desk.connection.resumeToken;
    desk.connection.close();
    await desk.connection.closed;
    const started = performance.now();
    desk.connection = await RoomConnection.connect(core, desk.device.credential, { resumeToken: token });
    if (!desk.connection.resumed?.ok) throw new Error('resume refused');
    desk.listen();
    rows = await resync(desk);
    resyncs.push(performance.now() - started);
  }
  return {
    desks: desks.length,
    walls: walls.length,
    feedToAlarmP50: percentile(feed, 0.5),
    feedToAlarmP99: percentile(feed, 0.99),
    ackToStopP50: percentile(ack, 0.5),
    ackToStopP99: percentile(ack, 0.99),
    resyncMedianMs: percentile(resyncs, 0.5),
    resyncMaxMs: Math.max(...resyncs),
    resyncRows: rows,
    rssMb: rss,
  };
}

export async function benchRoom(deskCount = 16, wallCount = 4, open = 10_000, samples = 100) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-room-bench-'));
  const key = crypto.randomBytes(32);
  const keyFile = path.join(dir, 'db.key');
  fs.writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  const devices: Device[] = [
    ...Array.from({ length: deskCount }, (_, i) => ({ name: `Desk ${i + 1}`, kind: 'desk' as const })),
    ...Array.from({ length: wallCount }, (_, i) => ({ name: `Wall ${i + 1}`, kind: 'wall' as const })),
  ].map((d) => ({ ...d, credential: newDeviceCredential() }));
  await prepareStore(path.join(dir, 'data'), key, open, devices);
  const sim = await startSimulator({ token: 'bench', runId: 'room' });
  const serve = await startServe([
    '--listen',
    '127.0.0.1',
    '--data-dir',
    path.join(dir, 'data'),
    '--key-file',
    keyFile,
    '--feed-url',
    sim.url,
  ]);
  const clients: Client[] = [];
  try {
    const core: PinnedCore = { url: `https://127.0.0.1:${serve.port}`, fingerprint: serve.fingerprint };
    const pid = serve.child.pid!;
    const desks = devices.filter((d) => d.kind === 'desk');
    const walls = devices.filter((d) => d.kind === 'wall');

    clients.push(await connect(core, desks[0]!));
    // Unrecorded: the first flags through a fresh process pay for its JIT and caches, not the room.
    await measure(sim, core, pid, [clients[0]!], [], 20);
    const baseline = await measure(sim, core, pid, [clients[0]!], [], samples);

    for (const d of desks.slice(1)) clients.push(await connect(core, d));
    const wallClients: Client[] = [];
    for (const w of walls) wallClients.push(await connect(core, w));
    clients.push(...wallClients);
    const room = await measure(
      sim,
      core,
      pid,
      clients.filter((c) => c.device.kind === 'desk'),
      wallClients,
      samples,
    );
    // What each client beyond the first costs the core: the marginal resident memory.
    const rssPerClientMb = (room.rssMb - baseline.rssMb) / (desks.length + walls.length - 1);
    return { open, samples, baseline, room, rssPerClientMb };
  } finally {
    for (const c of clients) c.connection.ws.terminate();
    const exited = new Promise((resolve) => serve.child.once('exit', resolve));
    serve.child.kill('SIGTERM');
    await exited;
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
