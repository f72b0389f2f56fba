// Several cores on one PostgreSQL (issue #19, part 3), each figure against a baseline of the same run:
//   feed → alarm   a flag published on the feed until a core's 'alarm' event names it (the moment the
//                  room server sends it to that core's desks and walls): on the core that polls (the
//                  baseline) and on the other core, which learns of it by NOTIFY and the change feed
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

const TOKEN = 'cluster-bench';

export interface ClusterFigures {
  samples: number;
  pollingAlarmMs: { p50: number; p99: number };
  otherAlarmMs: { p50: number; p99: number; max: number };
  /** Per flag, the other core's alarm after the polling core's: what sharing the state costs. */
  lagMs: { p50: number; p99: number; max: number };
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

export function benchCluster(samples: number, kills: number): Promise<ClusterFigures> {
  return withServer(async () => ({
    samples,
    ...(await feedToAlarm(samples)),
    kills,
    takeoverMs: await takeovers(kills),
  }));
}
