// The console's core in plain Node: poller + store + alarm policy, behind the contract's handlers
// and events. The Electron shell and the headless host are only transports around this.
import type { EventName, EventPayload, InvokeHandlers } from '../../../shared/contract';
import { ContractError } from '../../../shared/errors';
import type { AlarmState, FeedHealth, QueueItem } from '../../../shared/domain';
import { isOpen } from '../../../shared/queue-order';
import { computeAlarmState, sameAlarmState } from './alarm/alarm-policy';
import { FeedPoller, type FeedConfig } from './feed/poller';
import type { CommitPageResult, Store } from './store/store';
import { LATEST_SCHEMA_VERSION } from './store/migrations';

export type CoreListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ConsoleCoreOptions {
  store: Store;
  feed: FeedConfig;
  host: 'electron' | 'headless';
  version: string;
  now?: () => number;
  random?: () => number;
  /** How often the feed-health watchdog re-evaluates (to notice FEED SILENT without a poll). */
  healthTickMs?: number;
}

export interface ConsoleCore {
  readonly handlers: InvokeHandlers;
  subscribe(listener: CoreListener): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  feedHealth(): FeedHealth;
}

export function createConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  const now = options.now ?? Date.now;
  const { store } = options;
  const listeners = new Set<CoreListener>();
  const open = new Map<string, QueueItem>();
  let alarm: AlarmState = { flagIds: [], highestRisk: null, feedAlarm: false };
  let lastHealthJson = '';
  let lastPushedGood: number | null = null;
  let ticker: NodeJS.Timeout | null = null;

  const emit: CoreListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };

  const poller = new FeedPoller(options.feed, {
    store,
    now,
    random: options.random ?? Math.random,
    onCommitted: (result: CommitPageResult) => applyChanges(result.changed),
    onHealthChanged: () => publishHealth(),
  });

  function applyChanges(changed: QueueItem[]): void {
    if (changed.length === 0) return;
    for (const item of changed) {
      if (isOpen(item)) open.set(item.id, item);
      else open.delete(item.id);
    }
    emit('queueChanged', { upserts: changed });
    publishAlarm();
  }

  function publishHealth(): void {
    const health = poller.health.evaluate(now());
    // lastGoodPollAtMs moves on every poll; the views tick "x s ago" themselves, so only push
    // when something an operator would notice changed, or at most once per poll interval.
    const json = JSON.stringify({ ...health, lastGoodPollAtMs: null, lastAttemptAtMs: null });
    const stale =
      health.lastGoodPollAtMs !== null &&
      (lastPushedGood === null || health.lastGoodPollAtMs - lastPushedGood >= options.feed.pollIntervalMs);
    if (json === lastHealthJson && !stale) return;
    lastHealthJson = json;
    lastPushedGood = health.lastGoodPollAtMs;
    emit('feedHealth', health);
    publishAlarm();
  }
  function publishAlarm(): void {
    const next = computeAlarmState(open.values(), poller.health.evaluate(now()));
    if (sameAlarmState(next, alarm)) return;
    alarm = next;
    emit('alarm', alarm);
  }

  const handlers: InvokeHandlers = {
    getSession: async () => ({
      training: options.feed.training,
      version: options.version,
      schemaVersion: LATEST_SCHEMA_VERSION,
      host: options.host,
    }),
    listQueue: async () => [...open.values()],
    getFlagDetail: async ({ id }) => {
      const detail = await store.getFlagDetail(id);
      if (!detail) throw new ContractError('not_found', `No flag ${id}.`, 'id');
      return detail;
    },
    acknowledge: async ({ id, operator }) => {
      const item = await store.acknowledge(id, operator, now());
      applyChanges([item]);
      return item;
    },
    getFeedHealth: async () => poller.health.evaluate(now()),
    getAlarm: async () => alarm,
  };

  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      for (const item of await store.listOpenQueue()) open.set(item.id, item);
      poller.health.setQuarantinedTotal((await store.status()).quarantined);
      publishAlarm();
      poller.start();
      ticker = setInterval(publishHealth, options.healthTickMs ?? 1000);
      ticker.unref();
    },
    async stop() {
      if (ticker) clearInterval(ticker);
      await poller.stop();
    },
    feedHealth: () => poller.health.evaluate(now()),
  };
}
