// What the core tells the room about the feed and the alarm: its feed health (its own poller's,
// another core's, or none) and its alarm state, each pushed as an event only when it changed; the
// engine's log entries written to the store; "too quiet" relearned from the arrivals. Owns the
// alarm engine and the room's silence that follows it. Built by console-core.ts.
import type { EventName, EventPayload } from '../../../../shared/contract';
import type { AlarmState, FeedHealth, QueueItem } from '../../../../shared/domain';
import type { AlarmConfig } from '../alarm/alarm-config';
import { AlarmEngine, sameAlarmState, tooQuietThresholdMs } from '../alarm/alarm-engine';
import { entriesThisCoreLogs } from '../alarm/alarm-log-writer';
import { sharedSilence, type SharedSilence } from '../alarm/shared-silence';
import { clusterFeedHealth } from '../cluster/cluster-health';
import type { CoreCluster } from '../cluster/core-cluster';
import type { AlarmLogEntry, Store } from '../store/store';
import { unitAlarmSignature } from '../units/unit-alarm';

export interface FeedAlarmDeps {
  store: Store;
  now: () => number;
  log: (line: string) => void;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  alarmConfig: AlarmConfig;
  training: boolean;
  pollIntervalMs: number;
  cluster: CoreCluster;
  /** The core's open flags (the queue), read on every evaluation. */
  open: ReadonlyMap<string, QueueItem>;
  /** This core's own poller's view of the feed. */
  ownHealth: (nowMs: number) => FeedHealth;
  /** Set when "no desk is receiving flags" is an alarm (noDeskAlarm): whether one is. */
  deskReceiving?: () => boolean;
}

export interface FeedAlarmPublisher {
  /** The room's silence, kept in the store and followed by this core's engine. */
  readonly silence: SharedSilence;
  engine(): AlarmEngine;
  /** A fresh engine at start: last arrival and "too quiet" learned from the store. */
  startEngine(): Promise<void>;
  /** The core (re)started now: until a first beat could have come, the feed is 'starting'. */
  markStarted(): void;
  feedHealthNow(): FeedHealth;
  publishHealth(): void;
  publishAlarm(): AlarmState;
  /** The alarm as last published, or evaluated now if none was yet. */
  currentAlarm(): AlarmState;
  relearnQuiet(): Promise<void>;
}

export function createFeedAlarmPublisher(deps: FeedAlarmDeps): FeedAlarmPublisher {
  const { store, now, log, emit, alarmConfig, training, cluster, open } = deps;
  let startedAtMs = now();
  let engine = new AlarmEngine(alarmConfig, null);
  const silence = sharedSilence(store, () => engine, log);
  let alarm: AlarmState | null = null;
  let lastHealthJson = '';
  let lastPushedGood: number | null = null;
  let lastUnitSignature = '';

  function writeLog(entries: AlarmLogEntry[]): void {
    if (entries.length === 0) return;
    store
      .appendAlarmLog(entries)
      .catch((error: unknown) => log(`alarm log not written: ${(error as Error).name}`));
  }

  /** The feed as this core's clients see it: its own poller's, another core's, or none (cluster-health.ts). */
  function feedHealthNow() {
    return clusterFeedHealth({
      nowMs: now(),
      coreName: cluster.coreName,
      shared: cluster.shared,
      own: deps.ownHealth(now()),
      polling: cluster.polling(),
      storeReachable: cluster.storeReachable(),
      lastBeat: cluster.lastBeat(),
      startedAtMs,
    });
  }

  function publishHealth(): void {
    const health = feedHealthNow();
    // lastGoodPollAtMs moves on every poll; the views tick "x s ago" themselves, so only push
    // when something an operator would notice changed, or at most once per poll interval.
    const json = JSON.stringify({ ...health, lastGoodPollAtMs: null, lastAttemptAtMs: null });
    const stale =
      health.lastGoodPollAtMs !== null &&
      (lastPushedGood === null || health.lastGoodPollAtMs - lastPushedGood >= deps.pollIntervalMs);
    if (json === lastHealthJson && !stale) return;
    lastHealthJson = json;
    lastPushedGood = health.lastGoodPollAtMs;
    emit('feedHealth', health);
    publishAlarm();
  }

  function publishAlarm(): AlarmState {
    const { state, log: entries } = engine.evaluate(
      open.values(),
      feedHealthNow(),
      now(),
      deps.deskReceiving ? { deskReceiving: deps.deskReceiving() } : undefined,
    );
    writeLog(entriesThisCoreLogs(silence.expiries(entries), cluster.polling()));
    // A unit's alarm can change while the room's does not (a dispatch, a receipt): the event goes
    // out then too, and each unit's connection is sent its own (eventFor).
    const unitSignature = unitAlarmSignature(open.values(), now(), alarmConfig.reAlarmUnconfirmedAfterMs);
    if (alarm === null || !sameAlarmState(state, alarm) || unitSignature !== lastUnitSignature) {
      alarm = state;
      lastUnitSignature = unitSignature;
      emit('alarm', state);
    }
    return state;
  }

  async function relearnQuiet(): Promise<void> {
    const at = now();
    const stats = await store.arrivalStats(at - alarmConfig.tooQuiet.historyMs, training);
    engine.setQuietThreshold(tooQuietThresholdMs(stats, at, alarmConfig.tooQuiet));
    return void publishAlarm();
  }

  return {
    silence,
    engine: () => engine,
    async startEngine() {
      const stats = await store.arrivalStats(now() - alarmConfig.tooQuiet.historyMs, training);
      engine = new AlarmEngine(alarmConfig, stats.lastMs ?? now());
      engine.setQuietThreshold(tooQuietThresholdMs(stats, now(), alarmConfig.tooQuiet));
    },
    markStarted: () => {
      startedAtMs = now();
    },
    feedHealthNow,
    publishHealth,
    publishAlarm,
    currentAlarm: () => alarm ?? publishAlarm(),
    relearnQuiet,
  };
}
