// The core's clock-driven duties keep running whatever the feed does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ALARM_CONFIG } from '../../electron/main/core/alarm/alarm-config';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import type { AlarmState } from '../../shared/domain';
import { makeFlag } from '../helpers/flags';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { openTempStore, pageInput } from '../helpers/temp-store';
import { closeFlag } from '../../electron/main/core/store/sqlite/dispatch-queries';

let sim: Simulator;
let core: ConsoleCore;
let close: () => void;
afterEach(async () => {
  await core?.stop();
  await sim?.close();
  close?.();
});

describe('console core', () => {
  it('escalates an unacknowledged flag by the clock, with no poll and no change of feed health', async () => {
    sim = await startSimulator({ token: 't', runId: 'cc' });
    const { store, sync } = openTempStore();
    close = () => sync.close();
    let clock = Date.now();
    core = createConsoleCore({
      store,
      host: 'headless',
      version: 'test',
      now: () => clock,
      tickMs: 20,
      alarm: {
        ...DEFAULT_ALARM_CONFIG,
        escalateAfterMs: { imminent: 60_000, high: 120_000, elevated: 300_000 },
      },
      feed: defaultFeedConfig({
        baseUrl: sim.url,
        token: 't',
        pollIntervalMs: 1000,
        waitSeconds: 0,
        requestSlackMs: 60_000,
      }),
    });
    const alarms: AlarmState[] = [];
    const waiters: (() => void)[] = [];
    core.subscribe((event, payload) => {
      if (event !== 'alarm') return;
      alarms.push(payload as AlarmState);
      waiters.splice(0).forEach((w) => w());
    });
    const until = async (predicate: (a: AlarmState) => boolean) => {
      while (!alarms.some(predicate)) await new Promise<void>((r) => waiters.push(r));
    };
    await core.start();
    sim.publish(makeFlag({ id: 'fl_hang', risk: 'imminent' }));
    await until((a) => a.flagIds.includes('fl_hang'));
    clock += 61_000;
    await until((a) => a.escalatedIds.includes('fl_hang'));
    expect(alarms.at(-1)!.sound).toMatchObject({ flag: 'imminent', escalated: true });
  });

  it('picks up flags another process imported while it runs, and sounds for them', async () => {
    sim = await startSimulator({ token: 't', runId: 'imp' });
    const { store, sync, file, key } = openTempStore();
    const other = SqliteStore.open(file, key, { createIfMissing: false }); // as `lifeline import` would
    close = () => {
      other.close();
      sync.close();
    };
    core = createConsoleCore({
      store,
      host: 'headless',
      version: 'test',
      refreshMs: 50,
      feed: defaultFeedConfig({ baseUrl: sim.url, token: 't', pollIntervalMs: 60_000, waitSeconds: 0 }),
    });
    const seen: string[] = [];
    const waiters: (() => void)[] = [];
    core.subscribe((event, payload) => {
      if (event === 'alarm') seen.push(...(payload as AlarmState).flagIds);
      waiters.splice(0).forEach((w) => w());
    });
    await core.start();
    other.commitPage({
      ...pageInput([makeFlag({ id: 'fl_imported', risk: 'high' })], null),
      source: 'import:x.ndjson',
    });
    while (!seen.includes('fl_imported')) await new Promise<void>((r) => waiters.push(r));
    expect(
      (await core.handlers.listQueue({}, { role: 'desk', connection: 'test' })).map((i) => i.id),
    ).toEqual(['fl_imported']);
  });

  it('asks a slow store for changes again only once it has answered', async () => {
    sim = await startSimulator({ token: 't', runId: 'slow' });
    const { store, sync } = openTempStore();
    close = () => sync.close();
    let asked = 0;
    let answer: (() => void) | null = null;
    const slowStore = {
      ...store,
      changesSince: async (eventSeq: number, training: boolean) => {
        if (eventSeq >= 0) {
          asked++;
          await new Promise<void>((resolve) => (answer = resolve)); // a report holds the worker
        }
        return store.changesSince(eventSeq, training);
      },
    };
    // The clock is read on every tick: reading it is the event that says time went by.
    let reads = 0;
    const waiters: (() => void)[] = [];
    core = createConsoleCore({
      store: slowStore,
      host: 'headless',
      version: 'test',
      now: () => {
        reads++;
        queueMicrotask(() => waiters.splice(0).forEach((w) => w()));
        return Date.now();
      },
      tickMs: 5,
      refreshMs: 5,
      feed: defaultFeedConfig({ baseUrl: sim.url, token: 't', pollIntervalMs: 60_000, waitSeconds: 0 }),
    });
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise<void>((r) => waiters.push(r));
    };
    await core.start();
    await until(() => asked === 1);
    const from = reads;
    await until(() => reads >= from + 60); // thirty ticks or more: as many refresh periods
    expect(asked).toBe(1);
    answer!();
    await until(() => asked === 2);
    answer!();
  });

  it('erases the personal fields of flags closed past the retention period as it starts', async () => {
    sim = await startSimulator({ token: 't', runId: 'cr' });
    const { store, sync } = openTempStore();
    close = () => sync.close();
    sync.commitPage(pageInput([makeFlag({ id: 'fl_old' }), makeFlag({ id: 'fl_kept' })]));
    for (const id of ['fl_old', 'fl_kept']) sync.acknowledge(id, 'Op A', 1_000);
    closeFlag(
      sync.database,
      'fl_old',
      'Op A',
      { outcome: 'false_positive', reason: 'no unit was needed (test set-up)' },
      2_000,
    );
    const day = 24 * 3600_000;
    core = createConsoleCore({
      store,
      host: 'headless',
      version: 'test',
      now: () => 2_000 + 91 * day,
      retentionMs: 90 * day,
      feed: defaultFeedConfig({ baseUrl: sim.url, token: 't', pollIntervalMs: 1000 }),
    });
    await core.start();
    await vi.waitFor(() =>
      expect(sync.getFlagDetail('fl_old')!.events.at(-1)).toMatchObject({ kind: 'personal_erased' }),
    );
    const held = (id: string) =>
      sync.database.prepare('SELECT count(*) AS n FROM flag_personal WHERE flag_id = ?').get(id) as {
        n: number;
      };
    expect(held('fl_old').n).toBe(0);
    expect(held('fl_kept').n).toBe(1); // still open: nothing erased
    // Each start records the configuration it runs with (a fingerprint and the numbers).
    const applied = sync.database
      .prepare<[], { actor: string; detail_json: string }>(
        `SELECT actor, detail_json FROM audit_log WHERE action = 'config.applied'`,
      )
      .all();
    expect(applied).toHaveLength(1);
    expect(applied[0]!.actor).toBe('system');
    expect(JSON.parse(applied[0]!.detail_json)).toMatchObject({
      retentionMs: 90 * day,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
