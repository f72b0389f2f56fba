// The console's core in plain Node: poller + store + alarm engine, behind the contract's handlers
// and events. The Electron shell and the headless host are only transports around this.
// Assembled here from its parts in console/: the feed and alarm it publishes
// (feed-alarm-publisher.ts), the open flags kept in step with the store (queue-refresh.ts), the
// handlers (contract-handlers.ts) and its start and stop (core-lifecycle.ts).
import crypto from 'node:crypto';
import type { EventName, EventPayload, InvokeHandlers } from '../../../shared/contract';
import type { FeedHealth, QueueItem } from '../../../shared/domain';
import { DEFAULT_ALARM_CONFIG, type AlarmConfig } from './alarm/alarm-config';
import { FeedPoller, type FeedConfig } from './feed/poller';
import type { CommitPageResult, Store } from './store/store';
import { DEFAULT_SCHEDULE, scheduleSchema, type Shift } from '../../../shared/shifts/schedule';
import { IDLE_LOCK } from '../../../shared/accounts';
import { guardHandlers } from './accounts/guard';
import { SessionRegistry } from './accounts/sessions';
import { ResumeTokens, type ResumeOutcome } from './accounts/resume-tokens';
import { DEFAULT_FOLLOW_UP_AFTER_MS, followUpScheduleSchema } from '../../../shared/follow-ups';
import { ClientStates } from './presence/client-state';
import { holdGraceMs } from '../../../shared/room/holds';
import { idempotentHandlers, requestStampedStore } from './room/idempotency';
import { createRoom } from './room/room-core';
import { unitAlarmState } from './units/unit-alarm';
import { unitEventView, unitScopedHandlers, unitsOf } from './units/unit-scope';
import { soloCluster, type CoreCluster } from './cluster/core-cluster';
import { createFeedAlarmPublisher } from './console/feed-alarm-publisher';
import { createQueueRefresh } from './console/queue-refresh';
import { contractHandlers } from './console/contract-handlers';
import { coreLifecycle } from './console/core-lifecycle';

export type CoreListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ConsoleCoreOptions {
  store: Store;
  feed: FeedConfig;
  host: 'electron' | 'headless';
  version: string;
  alarm?: AlarmConfig;
  /** Personal fields of closed flags are erased this long after close (default 90 days). */
  retentionMs?: number;
  /** The desk locks after this long without input (1–30 min; default 15). */
  idleLockMs?: number;
  /** Welfare check-ins after a closed intervention, from the close (validated); default 24 h, 72 h, 7 d. */
  followUpAfterMs?: readonly number[];
  /** The room's shifts (validated); default 06–14, 14–22, 22–06 IST. */
  schedule?: readonly Shift[];
  now?: () => number;
  random?: () => number;
  /** How often feed health and the alarm are re-evaluated without a poll (silence, escalation). */
  tickMs?: number;
  /** How often the core looks for writes it did not make (an import from the command line). */
  refreshMs?: number;
  /** How often "too quiet" relearns what is usual at this hour. */
  quietRelearnMs?: number;
  log?: (line: string) => void;
  /** A held flag whose desk went away goes back to the room after this (default 60 s). */
  holdGraceMs?: number;
  /**
   * Flags open with no logged-on desk connected is an alarm ("no desk is receiving flags"). On by
   * default for the headless host, which serves a room; the embedded desk is its own only screen.
   */
  noDeskAlarm?: boolean;
  /**
   * The other cores on the same store (PostgreSQL): which one polls, whether this one still reaches
   * the store, and a wake-up when another changed something. Default: the only core (SQLite).
   */
  cluster?: CoreCluster;
}

export interface ConsoleCore {
  readonly handlers: InvokeHandlers;
  /** The handlers with some replaced by the transport (the shell's PDF), behind the same account rules. */
  handlersWith(overrides: Partial<InvokeHandlers>): InvokeHandlers;
  /** The window closed or the connection dropped: whoever was logged on there is logged off. */
  endSession(connection: string): Promise<void>;
  /** Whether someone is logged on at this window or connection (locked or not). */
  isLoggedOn(connection: string): boolean;
  /**
   * For a transport that knows which device a connection is (core/net's room server): the token
   * that lets this connection's session be taken up again after a lost link or a core restart.
   */
  issueResumeToken(connection: string, binding: string): Promise<string | null>;
  resumeSession(connection: string, binding: string, token: string): Promise<ResumeOutcome>;
  /**
   * For the room server: this connection is a district control room's desk, enrolled for these
   * units. From now until the returned release, its reads and events are those units' only, logged
   * on or not, and only their unit accounts log on at it (accounts/sessions.ts, units/unit-scope.ts).
   */
  bindDevice(connection: string, units: readonly string[]): () => void;
  subscribe(listener: CoreListener): () => void;
  /**
   * An event as this connection may see it (a district control room's desk sees only its flags
   * and its own alarm); undefined: not sent to it. Every transport calls this before sending.
   */
  eventFor<E extends EventName>(connection: string, event: E, payload: EventPayload<E>): unknown;
  start(): Promise<void>;
  stop(): Promise<void>;
  feedHealth(): FeedHealth;
}

export function createConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  const now = options.now ?? Date.now;
  const log = options.log ?? console.warn;
  const alarmConfig = options.alarm ?? DEFAULT_ALARM_CONFIG;
  const training = options.feed.training;
  const schedule = scheduleSchema.parse(options.schedule ?? DEFAULT_SCHEDULE);
  const idleLockMs = Math.min(
    IDLE_LOCK.maxMs,
    Math.max(IDLE_LOCK.minMs, options.idleLockMs ?? IDLE_LOCK.defaultMs),
  );
  const followUpAfterMs = followUpScheduleSchema.parse(options.followUpAfterMs ?? DEFAULT_FOLLOW_UP_AFTER_MS);
  // Acting store calls made while a request with an id is handled record its answer in their own
  // transaction (room/idempotency.ts).
  const store = requestStampedStore(options.store);
  const noDeskAlarm = options.noDeskAlarm ?? options.host === 'headless';
  const cluster = options.cluster ?? soloCluster(options.feed.coreName ?? 'console');
  const listeners = new Set<CoreListener>();
  /** The open flags: kept by queue-refresh.ts, read by the room, the alarm and the handlers. */
  const open = new Map<string, QueueItem>();

  const emit: CoreListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };

  // The parts call each other back, so some are named before they are built (the poller, the
  // room, the queue): none of those callbacks runs until the core is built and used.
  const alarm = createFeedAlarmPublisher({
    store,
    now,
    log,
    emit,
    alarmConfig,
    training,
    pollIntervalMs: options.feed.pollIntervalMs,
    cluster,
    open,
    ownHealth: (nowMs) => poller.health.evaluate(nowMs),
    deskReceiving: noDeskAlarm ? () => room.deskReceiving() : undefined,
  });

  const poller = new FeedPoller(options.feed, {
    store,
    now,
    random: options.random ?? Math.random,
    onCommitted: (result: CommitPageResult) => {
      alarm.engine().recordArrivals(now(), result.insertedIds.length);
      queue.applyChanges(result.changed);
    },
    onHealthChanged: () => alarm.publishHealth(),
  });

  const unitAlarm = (units: readonly string[]) =>
    unitAlarmState(open.values(), units, now(), alarmConfig.reAlarmUnconfirmedAfterMs);

  const sessions = new SessionRegistry(store, now, idleLockMs);
  const resume = new ResumeTokens(store, sessions, now, log);
  const clients = new ClientStates((list) => emit('clientStates', { clients: list }));
  const room = createRoom({
    store,
    now,
    log,
    emit,
    sessions,
    clients,
    graceMs: holdGraceMs(options.holdGraceMs),
    openItem: (id) => open.get(id),
    // Several cores may share the store: this one's desks' holds are stored under this id.
    coreId: crypto.randomUUID(),
  });
  const queue = createQueueRefresh({ store, now, log, emit, training, open, room, alarm });
  const rawHandlers = contractHandlers({
    store,
    now,
    sessions,
    clients,
    room,
    alarm,
    open,
    applyChanges: queue.applyChanges,
    training,
    version: options.version,
    host: options.host,
    schedule,
    followUpAfterMs,
    idleLockMs,
  });
  const lifecycle = coreLifecycle({
    options,
    store,
    now,
    log,
    training,
    schedule,
    followUpAfterMs,
    idleLockMs,
    cluster,
    poller,
    alarm,
    queue,
    room,
    sessions,
    resume,
    clients,
  });

  // Inside the guard: a retried command is checked against its account before its answer is looked up.
  const once = (all: InvokeHandlers) =>
    idempotentHandlers(all, {
      store,
      now,
      actorOf: (connection) => sessions.get(connection)?.user.name ?? null,
    });
  // Outermost: a unit's session is held to its own flags before any other rule is looked at.
  const scope = (all: InvokeHandlers) =>
    unitScopedHandlers(all, { sessions, store, now, openItem: (id) => open.get(id), unitAlarm });
  const handlers = scope(guardHandlers(once(room.enforceHolds(rawHandlers)), sessions));

  return {
    handlers,
    handlersWith: (overrides) =>
      scope(guardHandlers(once(room.enforceHolds({ ...rawHandlers, ...overrides })), sessions)),
    endSession: async (connection) => {
      room.connectionGone(connection);
      clients.end(connection);
      // A lost link keeps its resume token (for the window); only then does the session end here.
      await resume.detach(connection);
      return sessions.end(connection);
    },
    isLoggedOn: (connection) => sessions.get(connection) !== null,
    issueResumeToken: (connection, binding) => resume.issue(connection, binding),
    resumeSession: (connection, binding, token) => resume.resume(connection, binding, token),
    bindDevice: (connection, units) => sessions.bindDevice(connection, units),
    eventFor(connection, event, payload) {
      const units = unitsOf(sessions, connection);
      return units === null ? payload : unitEventView(event, payload, units, queue.departures, unitAlarm);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => lifecycle.start(),
    stop: () => lifecycle.stop(),
    feedHealth: () => alarm.feedHealthNow(),
  };
}
