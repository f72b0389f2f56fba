// Several cores on one PostgreSQL (issue #19, part 3), each figure against a baseline of the same run:
//   feed → alarm   a flag published on the feed until a core's 'alarm' event names it (the moment the
//                  room server sends it to that core's desks and walls): on the core that polls (the
//                  baseline) and on the other core, which learns of it by NOTIFY and the change feed
//   on clients     the same and an acknowledgement, at a desk of each core over TLS: two `lifeline
//                  serve` processes on one database, a desk enrolled at each (core/net/room-client.ts)
//   takeover       SIGKILL of the polling core's process until the other core says it polls, over N kills
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AlarmState } from '../../shared/domain';
import { fileKeyProvider } from '../../electron/main/core/key/key-provider';
import { startConsole, type RunningConsole } from '../../electron/main/core/start-console';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { openPostgresStore } from '../../electron/main/core/store/postgres/open-postgres';
import { createTestDatabase } from '../helpers/test-pg';
import fs from 'node:fs';
import os from 'node:os';
import { CorePair } from '../helpers/core-process';
import { withServer } from './postgres-bench';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { hashSecret, newDeviceCredential } from '../../electron/main/core/net/device-secrets';
import type { PinnedCore } from '../../electron/main/core/net/room-client';
import { connect, OPERATOR, PASSWORD, percentile, startServe, type Client, type Device } from './room-bench';

const TOKEN = 'cluster-bench';

export interface ClusterFigures {
  samples: number;
  pollingAlarmMs: { p50: number; p99: number };
  otherAlarmMs: { p50: number; p99: number; max: number };
  /** Per flag, the other core's alarm after the polling core's: what sharing the state costs. */
  lagMs: { p50: number; p99: number; max: number };
  /** Over TLS, at a desk of each core: a flag's alarm, and one desk's acknowledgement stopping it at both. */
  clients: {
    feedToAlarmPolling: { p50: number; p99: number };
    feedToAlarmOther: { p50: number; p99: number };
    ackToStopOther: { p50: number; p99: number };
  };
  kills: number;
  takeoverMs: { median: number; max: number };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function alarmNaming(running: RunningConsole, id: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = running.core.subscribe((event, payload) => {
      if (event === 'alarm' && (payload as AlarmState).flagIds.includes(id)) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

async function feedToAlarm(samples: number) {
  const db = await createTestDatabase();
  const sim: Simulator = await startSimulator({ token: TOKEN, ratePerMinute: 0, runId: 'b' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-cluster-bench-'));
  const keyFile = path.join(dir, 'db.key');
  const start = (name: string, init: boolean) =>
    startConsole({
      dataDir: path.dirname(keyFile),
      keyProvider: fileKeyProvider(keyFile),
      host: 'headless',
      version: 'bench',
      pollIntervalMs: 2000, // long poll: the feed answers as soon as a flag is published
      simRate: 0,
      databaseUrl: db.url,
      init,
      feedUrl: sim.url,
      token: TOKEN,
      coreName: name,
    });
  const polling = await start('kota-1', true);
  const other = await start('hq-1', false);
  try {
    const pollingMs: number[] = [];
    const otherMs: number[] = [];
    const lagMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      await sim.whenWaiting();
      const t0 = performance.now();
      const { id } = sim.publishSynthetic();
      // Listening in the same turn of the loop: no answer can come back before it ends.
      const [a, b] = await Promise.all([alarmNaming(polling, id), alarmNaming(other, id)]);
      pollingMs.push(a - t0);
      otherMs.push(b - t0);
      lagMs.push(b - a);
    }
    pollingMs.sort((x, y) => x - y);
    otherMs.sort((x, y) => x - y);
    lagMs.sort((x, y) => x - y);
    return {
      pollingAlarmMs: { p50: quantile(pollingMs, 0.5), p99: quantile(pollingMs, 0.99) },
      otherAlarmMs: { p50: quantile(otherMs, 0.5), p99: quantile(otherMs, 0.99), max: otherMs.at(-1)! },
      lagMs: { p50: quantile(lagMs, 0.5), p99: quantile(lagMs, 0.99), max: lagMs.at(-1)! },
    };
  } finally {
    await other.stop();
    await polling.stop();
    await sim.close();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function takeovers(kills: number) {
  const db = await createTestDatabase();
  const keyHex = crypto.randomBytes(32).toString('hex');
  const made = await openPostgresStore({
    url: db.url,
    key: Buffer.from(keyHex, 'hex'),
    createIfMissing: true,
  });
  await made.admin.close();
  const sim = await startSimulator({ token: TOKEN, ratePerMinute: 0, runId: 't' });
  const pair = new CorePair(db.url, sim.url, TOKEN, keyHex);
  try {
    await pair.begin('kota-1', 'hq-1');
    const times: number[] = [];
    for (let i = 0; i < kills; i++) {
      for (let j = 0; j < 20; j++) sim.step();
      times.push(await pair.killPolling());
    }
    times.sort((x, y) => x - y);
    return { median: quantile(times, 0.5), max: times.at(-1)! };
  } finally {
    await pair.killAll();
    await sim.close();
    await db.drop();
  }
}

/** Two `lifeline serve` processes on one database, a desk at each; kota-1 starts first and polls. */
async function onClients(samples: number): Promise<ClusterFigures['clients']> {
  const db = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-cluster-clients-'));
  const key = crypto.randomBytes(32);
  const keyFile = path.join(dir, 'db.key');
  fs.writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  const devices: Device[] = ['Kota desk', 'HQ desk'].map((name) => ({
    name,
    kind: 'desk',
    credential: newDeviceCredential(),
  }));
  const { admin } = await openPostgresStore({ url: db.url, key, createIfMissing: true });
  await admin.createAccount(
    { name: OPERATOR, role: 'operator', passwordHash: await hashPassword(PASSWORD) },
    'bench',
    Date.now(),
  );
  // As `lifeline device enrol` and a redeemed code leave them (the devices are the database's).
  for (const d of devices) {
    const codeHash = hashSecret(`code:${d.name}`);
    await admin.createEnrolment({
      name: d.name,
      kind: 'desk',
      codeHash,
      by: 'bench',
      atMs: Date.now(),
      ttlMs: 600_000,
    });
    await admin.redeemEnrolment(codeHash, hashSecret(d.credential), Date.now());
  }
  await admin.close();
  const sim = await startSimulator({ token: 'bench', runId: 'cc', ratePerMinute: 0 });
  const serve = (name: string) =>
    startServe([
      '--listen',
      '127.0.0.1',
      '--data-dir',
      path.join(dir, name),
      '--key-file',
      keyFile,
      '--database-url',
      db.url,
      '--feed-url',
      sim.url,
      '--core-name',
      name,
    ]);
  const cores = [await serve('kota-1'), await serve('hq-1')];
  const clients: Client[] = [];
  try {
    for (const [i, c] of cores.entries()) {
      const core: PinnedCore = { url: `https://127.0.0.1:${c.port}`, fingerprint: c.fingerprint };
      clients.push(await connect(core, devices[i]!));
    }
    const [atPolling, atOther] = clients as [Client, Client];
    const polling: number[] = [];
    const other: number[] = [];
    const ack: number[] = [];
    for (let i = 0; i < samples + 20; i++) {
      const id = `cc_${i}`;
      const published = performance.now();
      sim.publish({
        id,
        flagged_at: new Date().toISOString().replace('Z', '+00:00'),
        risk: 'imminent',
        subject: { account_id: id },
      });
      const [a, b] = await Promise.all(clients.map((c) => c.alarmWhen(published, (ids) => ids.has(id))));
      const acknowledged = performance.now();
      await atPolling.invoke('acknowledge', { id, operator: OPERATOR, requestId: crypto.randomUUID() });
      const stopped = await atOther.alarmWhen(acknowledged, (ids) => !ids.has(id));
      if (i < 20) continue; // the first flags through fresh processes pay for their JIT, not the cluster
      polling.push(a! - published);
      other.push(b! - published);
      ack.push(stopped - acknowledged);
    }
    const figures = (values: number[]) => ({ p50: percentile(values, 0.5), p99: percentile(values, 0.99) });
    return {
      feedToAlarmPolling: figures(polling),
      feedToAlarmOther: figures(other),
      ackToStopOther: figures(ack),
    };
  } finally {
    for (const c of clients) c.connection.ws.terminate();
    for (const c of cores) {
      const exited = new Promise((resolve) => c.child.once('exit', resolve));
      c.child.kill('SIGTERM');
      await exited;
    }
    await sim.close();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function benchCluster(samples: number, kills: number): Promise<ClusterFigures> {
  return withServer(async () => ({
    samples,
    ...(await feedToAlarm(samples)),
    clients: await onClients(samples),
    kills,
    takeoverMs: await takeovers(kills),
  }));
}
