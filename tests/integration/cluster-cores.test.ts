// Several cores on one PostgreSQL (issue #19, part 3), in one process: exactly one polls the feed and
// every core shows which; a flag one core ingests reaches the other's clients; when the polling core
// stops, or its link to the database is cut (reset, or a pulled cable: a proxy that swallows
// everything), it says STORE UNREACHABLE, lets the feed go, and the other core polls.
// The SIGKILL failover test is tests/fault/cluster-failover.test.ts.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlarmState, FeedHealth, QueueItem } from '../../shared/domain';
import { fileKeyProvider } from '../../electron/main/core/key/key-provider';
import { startConsole, type RunningConsole } from '../../electron/main/core/start-console';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { createTestDatabase, type TestDatabase } from '../helpers/test-pg';
import { tempDir } from '../helpers/temp-store';
import pg from 'pg';
import { POLLER_CHANNEL } from '../../electron/main/core/store/postgres/pg-cluster';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

const TOKEN = 'cluster-token';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

interface Rig {
  db: TestDatabase;
  sim: Simulator;
  keyFile: string;
  start(name: string, url?: string): Promise<RunningConsole>;
}

async function rig(): Promise<Rig> {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  const sim = await startSimulator({ token: TOKEN, ratePerMinute: 0, runId: 'k' });
  cleanups.push(() => sim.close());
  const keyFile = path.join(tempDir(), 'db.key');
  let first = true;
  return {
    db,
    sim,
    keyFile,
    async start(name, url = db.url) {
      const running = await startConsole({
        dataDir: path.dirname(keyFile),
        keyProvider: fileKeyProvider(keyFile),
        host: 'headless',
        version: 'test',
        pollIntervalMs: 250,
        simRate: 0,
        databaseUrl: url,
        init: first,
        feedUrl: sim.url,
        token: TOKEN,
        coreName: name,
      });
      first = false;
      let stopped = false;
      const stop = running.stop.bind(running);
      running.stop = async () => {
        if (stopped) return;
        stopped = true;
        await stop();
      };
      cleanups.push(() => running.stop());
      return running;
    },
  };
}

/** The first feed health of this core (now, or in an event) that passes the check. */
function healthWhere(running: RunningConsole, ok: (h: FeedHealth) => boolean): Promise<FeedHealth> {
  return new Promise((resolve) => {
    const now = running.core.feedHealth();
    if (ok(now)) return resolve(now);
    const stop = running.core.subscribe((event, payload) => {
      if (event === 'feedHealth' && ok(payload as FeedHealth)) {
        stop();
        resolve(payload as FeedHealth);
      }
    });
  });
}

/** The first alarm state of this core that sounds the feed alarm (now, or in an event). */
function feedAlarmSounds(running: RunningConsole): Promise<AlarmState> {
  return new Promise((resolve) => {
    const stop = running.core.subscribe((event, payload) => {
      if (event === 'alarm' && (payload as AlarmState).feedAlarm) {
        stop();
        resolve(payload as AlarmState);
      }
    });
  });
}

function queued(running: RunningConsole, id: string): Promise<QueueItem> {
  return new Promise((resolve) => {
    const stop = running.core.subscribe((event, payload) => {
      const item =
        event === 'queueChanged' && (payload as { upserts: QueueItem[] }).upserts.find((i) => i.id === id);
      if (item) {
        stop();
        resolve(item);
      }
    });
  });
}

/** `lifeline status` against the shared database, as a process (the cores keep running meanwhile). */
async function statusOf(r: Rig): Promise<{ cores: { name: string; polling: boolean }[] }> {
  const cli = path.resolve(__dirname, '../../electron/main/cli/index.ts');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LIFELINE_')));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', cli, 'status', '--json', '--database-url', r.db.url, '--key-file', r.keyFile],
    { env, encoding: 'utf8' },
  );
  return JSON.parse(stdout) as { cores: { name: string; polling: boolean }[] };
}

const polledBy = (name: string) => (h: FeedHealth) =>
  h.pollingCore === name && h.state !== 'store_unreachable';

function viaProxy(url: string, proxy: TcpProxy): string {
  const u = new URL(url);
  u.port = String(proxy.port);
  return u.toString();
}

describe('several cores on one PostgreSQL', () => {
  it('one core polls and every core says which; a flag reaches the other core; a stop hands the feed over', async () => {
    const r = await rig();
    const kota = await r.start('kota-1');
    await healthWhere(kota, (h) => h.pollingCore === 'kota-1' && h.thisCore === 'kota-1');
    const hq = await r.start('hq-1');
    const seen = await healthWhere(hq, polledBy('kota-1'));
    expect(seen.thisCore).toBe('hq-1');
    expect(hq.core.feedHealth().pollingCore).toBe('kota-1');

    // Beats are frames from another process: garbage on the channel is dropped, nothing else.
    const intruder = new pg.Client({ connectionString: r.db.url });
    await intruder.connect();
    for (const payload of [
      'not json',
      '{"core":1}',
      JSON.stringify({ core: 'x', instance: 'y', health: {} }),
    ])
      await intruder.query('SELECT pg_notify($1, $2)', [POLLER_CHANNEL, payload]);
    await intruder.end();

    const flag = r.sim.publishSynthetic();
    const onHq = await queued(hq, flag.id);
    expect(hq.core.feedHealth().pollingCore).toBe('kota-1');
    expect(onHq.caseNo).toBeTruthy();
    // The database's view, for the operator: both cores connected, kota-1 polling.
    expect((await statusOf(r)).cores.map((c) => [c.name, c.polling])).toEqual([
      ['kota-1', true],
      ['hq-1', false],
    ]);

    await kota.stop();
    await healthWhere(hq, (h) => h.pollingCore === 'hq-1' && h.thisCore === 'hq-1');
    const next = r.sim.publishSynthetic();
    await queued(hq, next.id);
  });

  for (const cut of ['reset', 'blackhole'] as const) {
    it(`a core whose database link is cut (${cut}) says STORE UNREACHABLE and lets the feed go`, async () => {
      const r = await rig();
      const target = new URL(r.db.url);
      const proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
      cleanups.push(() => proxy.close());
      const kota = await r.start('kota-1', viaProxy(r.db.url, proxy));
      await healthWhere(kota, polledBy('kota-1'));
      const hq = await r.start('hq-1');
      await healthWhere(hq, polledBy('kota-1'));

      const sounding = feedAlarmSounds(kota);
      proxy.setMode(cut);
      const lost = await healthWhere(kota, (h) => h.state === 'store_unreachable');
      expect(lost).toMatchObject({ alarm: true, pollingCore: null, thisCore: 'kota-1' });
      // The cut core's alarm sounds for it (to every client of it): the lost store is a life-safety alarm.
      expect(await sounding).toMatchObject({ feedAlarm: true });
      // Without a FIN or RST the server ends the silent session itself (idle_session_timeout).
      await healthWhere(hq, (h) => h.pollingCore === 'hq-1');
      const flag = r.sim.publishSynthetic();
      await queued(hq, flag.id);

      proxy.setMode('forward');
      // Back: kota-1 reads what it missed and shows hq-1 as the polling core.
      await Promise.all([healthWhere(kota, polledBy('hq-1')), queued(kota, r.sim.publishSynthetic().id)]);
    });
  }
});
