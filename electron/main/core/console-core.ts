// The console's core in plain Node: poller + store + alarm engine, behind the contract's handlers
// and events. The Electron shell and the headless host are only transports around this.
import crypto from 'node:crypto';
import type { EventName, EventPayload, InvokeHandlers } from '../../../shared/contract';
import { coded, ContractError } from '../../../shared/errors';
import type { AlarmState, FeedHealth, QueueItem } from '../../../shared/domain';
import { isOpen } from '../../../shared/queue-order';
import { DEFAULT_ALARM_CONFIG, type AlarmConfig } from './alarm/alarm-config';
import { AlarmEngine, sameAlarmState, tooQuietThresholdMs } from './alarm/alarm-engine';
import { FeedPoller, type FeedConfig } from './feed/poller';
import type { AlarmLogEntry, CommitPageResult, Store } from './store/store';
import { DEFAULT_SCHEDULE, scheduleSchema, type Shift } from '../../../shared/shifts/schedule';
import { handoverHandlers } from './handover/handover-handlers';
import { flagDetailForAuditor } from '../../../shared/audit-detail';
import { IDLE_LOCK } from '../../../shared/accounts';
import { mayRouteAgain } from '../../../shared/unit-actions';
import { accountHandlers } from './accounts/account-handlers';
import { guardHandlers } from './accounts/guard';
import { SessionRegistry } from './accounts/sessions';
import { ResumeTokens, type ResumeOutcome } from './accounts/resume-tokens';
import { startReportWarmer, type ReportWarmer } from './reports/report-warmer';
import { startRetention, type RetentionSchedule } from './retention/retention-schedule';
import { DEFAULT_RETENTION_MS } from './retention/retention-policy';
import { DEFAULT_FOLLOW_UP_AFTER_MS, followUpScheduleSchema } from '../../../shared/follow-ups';
import { ClientStates } from './presence/client-state';
import { holdGraceMs } from '../../../shared/room/holds';
import { idempotentHandlers, purgeOldRequestResults, requestStampedStore } from './room/idempotency';
import { createRoom } from './room/room-core';
import { sharedSilence } from './alarm/shared-silence';
import { unitAlarmSignature, unitAlarmState } from './units/unit-alarm';
import { unitEventView, unitScopedHandlers, unitsOf, type Departures } from './units/unit-scope';
import { unitHandlers } from './units/unit-handlers';
import { soloCluster, type CoreCluster } from './cluster/core-cluster';
import { clusterFeedHealth } from './cluster/cluster-health';
import { changeRefresh } from './cluster/change-refresh';
import { entriesThisCoreLogs } from './alarm/alarm-log-writer';
import { dispatchUnitRefusal } from '../../../shared/dispatch';
import {
  changeUnitRegistry,
  currentUnitRegistry,
  isKnownUnit,
  loadUnitRegistry,
} from './units/unit-registry';

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
  let startedAtMs = now();
  const listeners = new Set<CoreListener>();
  const open = new Map<string, QueueItem>();
  let engine = new AlarmEngine(alarmConfig, null);
  const silence = sharedSilence(store, () => engine, log);
  let alarm: AlarmState | null = null;
  let lastHealthJson = '';
  let lastPushedGood: number | null = null;
  const timers: NodeJS.Timeout[] = [];
  let retention: RetentionSchedule | null = null;
  let reportWarmer: ReportWarmer | null = null;

  const emit: CoreListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };

  const poller = new FeedPoller(options.feed, {
    store,
    now,
    random: options.random ?? Math.random,
    onCommitted: (result: CommitPageResult) => {
      engine.recordArrivals(now(), result.insertedIds.length);
      applyChanges(result.changed);
    },
    onHealthChanged: () => publishHealth(),
  });

  // The unit each flag was last pushed as dispatched to, so a unit's desk is told when one leaves it.
  const lastUnit = new Map<string, string>();
  const departures: Departures = new WeakMap();

  function applyChanges(changed: QueueItem[]): void {
    if (changed.length === 0) return;
    const left: { id: string; unitKey: string }[] = [];
    for (const item of changed) {
      const before = lastUnit.get(item.id);
      if (before !== undefined && before !== item.dispatch?.unitKey)
        left.push({ id: item.id, unitKey: before });
      if (item.dispatch && isOpen(item)) lastUnit.set(item.id, item.dispatch.unitKey);
      else lastUnit.delete(item.id);
      if (isOpen(item)) open.set(item.id, item);
      else {
        open.delete(item.id);
        room.closed(item.id);
      }
    }
    const payload = { upserts: changed.map((item) => room.withHold(item)) };
    if (left.length > 0) departures.set(payload, left);
    emit('queueChanged', payload);
    publishAlarm();
  }

  const unitAlarm = (units: readonly string[]) =>
    unitAlarmState(open.values(), units, now(), alarmConfig.reAlarmUnconfirmedAfterMs);
  let lastUnitSignature = '';

  let eventSeq = -1;
  // One refresh at a time: a store slowed by a long report is not asked again until it answers.
  const refresh = changeRefresh(() => refreshFromStore(), log);
  /** Picks up flags written by another process (lifeline import) or another desk. */
  async function refreshFromStore(): Promise<void> {
    const changes = await store.changesSince(eventSeq, training);
    eventSeq = changes.lastEventSeq;
    const unseen = changes.insertedIds.filter((id) => !open.has(id));
    const changed = changes.items.filter(
      (item) => JSON.stringify(open.get(item.id)) !== JSON.stringify(isOpen(item) ? item : undefined),
    );
    engine.recordArrivals(now(), unseen.length);
    applyChanges(changed);
    // Check-ins fall due by the clock; surfacing them here keeps them within one refresh of due.
    applyChanges((await store.surfaceDueFollowUps(now())).filter((item) => item.training === training));
    // A registry imported from the command line (lifeline units import) routes the next flag.
    const [latest] = await store.listRegistryVersions();
    if ((latest?.version ?? 0) !== currentUnitRegistry().version) await loadUnitRegistry(store);
    // Holds and the silence are the room's, whichever core's desk set them (room/, alarm/shared-silence.ts).
    await room.reload();
    await silence.reload();
    publishAlarm();
  }

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
      own: poller.health.evaluate(now()),
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
      (lastPushedGood === null || health.lastGoodPollAtMs - lastPushedGood >= options.feed.pollIntervalMs);
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
      noDeskAlarm ? { deskReceiving: room.deskReceiving() } : undefined,
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

  let engineInfo: ReturnType<Store['engineInfo']> | undefined;
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
  const accounts = accountHandlers(store, sessions, now);
  const rawHandlers: InvokeHandlers = {
    ...accounts,
    ...room.handlers,
    // The room sees which desks have somebody logged on; a desk logging off lets its holds go.
    logon: async (request, context) => {
      const user = await accounts.logon(request, context);
      clients.setLoggedOn(context.connection, true);
      return user;
    },
    createFirstAdministrator: async (request, context) => {
      const user = await accounts.createFirstAdministrator(request, context);
      clients.setLoggedOn(context.connection, true);
      return user;
    },
    logoff: async (request, context) => {
      const done = await accounts.logoff(request, context);
      clients.setLoggedOn(context.connection, false);
      room.connectionGone(context.connection);
      return done;
    },
    getSession: async (_request, context) => {
      // With main's idle lock applied: the page learns here that its desk was locked.
      const session = await sessions.current(context.connection);
      return {
        training,
        version: options.version,
        // The engine's schema version (SQLite: its migration number), read once: it cannot change.
        schemaVersion: Number.parseInt((await (engineInfo ??= store.engineInfo())).version, 10) || 0,
        host: options.host,
        role: context.role,
        schedule,
        user: session?.user ?? null,
        accountsExist: (await store.countAccounts()) > 0,
        locked: session?.locked ?? false,
        idleLockMs,
      };
    },
    listQueue: async () => [...open.values()].map((item) => room.withHold(item)),
    getFlagDetail: async ({ id }, context) => {
      const detail = await store.getFlagDetail(id);
      if (!detail) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
      // Operators' typed text (notes, reasons, officers' names) is for those who work flags.
      const role = sessions.get(context.connection)?.user.role;
      return role === 'auditor' ? flagDetailForAuditor(detail) : detail;
    },
    listUnitContacts: async () => store.listUnitContacts(),
    setUnitContact: async ({ unitKey, contact }, context) => {
      if (!isKnownUnit(unitKey))
        throw new ContractError('invalid_request', coded('unit.not_found', { unitKey }), 'unitKey');
      // The guard let only a logged-on administrator through: the session is there.
      return store.setUnitContact(unitKey, contact, sessions.get(context.connection)!.user.name, now());
    },
    getUnitRegistry: async () => currentUnitRegistry(),
    saveUnitRegistry: async ({ registry, basedOn }, context) =>
      // The guard let only a logged-on administrator through; the store audits the save.
      changeUnitRegistry(store, {
        registry,
        basedOn,
        by: sessions.get(context.connection)!.user.name,
        atMs: now(),
      }),
    listRegistryVersions: async () => store.listRegistryVersions(),
    revealFlag: async ({ id, operator, reason }) => store.revealFlag(id, operator, reason, now()),
    acknowledge: async ({ id, operator }) => {
      const item = await store.acknowledge(id, operator, now());
      applyChanges([item]);
      return item;
    },
    dispatch: async ({ id, operator, ...details }, context) => {
      const refusal = dispatchUnitRefusal(currentUnitRegistry().registry, details.unitKey);
      if (refusal) throw new ContractError('invalid_request', refusal, 'unitKey');
      // A flag a unit handed back is the supervisor's to route again (shared/unit-actions.ts).
      const handedBack = open.get(id)?.handBack;
      if (handedBack && !mayRouteAgain(sessions.get(context.connection)?.user.role))
        throw new ContractError(
          'forbidden',
          coded('dispatch.handed_back_supervisor', { caseNo: open.get(id)!.caseNo }),
          'id',
        );
      const item = await store.dispatch(id, operator, details, now());
      applyChanges([item]);
      return item;
    },
    confirmDispatch: async ({ id, operator, confirmedBy }) => {
      const item = await store.confirmDispatch(id, operator, confirmedBy, now());
      applyChanges([item]);
      return item;
    },
    closeFlag: async ({ id, operator, ...details }) => {
      const item = await store.closeFlag(id, operator, details, now(), followUpAfterMs);
      applyChanges([item]);
      return item;
    },
    undoClose: async ({ id, operator }) => {
      const item = await store.undoClose(id, operator, now());
      applyChanges([item]);
      return item;
    },
    recordFollowUp: async ({ id, sequence, operator, ...details }) => {
      const item = await store.recordFollowUp(id, sequence, operator, details, now());
      applyChanges([item]);
      return item;
    },
    getFeedHealth: async () => feedHealthNow(),
    getAlarm: async () => alarm ?? publishAlarm(),
    silenceAlarm: async ({ operator, reason, minutes }) => {
      await silence.start(operator, reason, minutes, open.values(), now());
      return publishAlarm();
    },
    cancelSilence: async ({ operator }) => {
      await silence.cancel(operator, now());
      return publishAlarm();
    },
    recordAlarmTest: async ({ operator, outcome, audioOutputs }) => {
      await store.appendAlarmLog([
        { atMs: now(), kind: 'test_alarm', actor: operator, detail: { outcome, audioOutputs } },
      ]);
      return { recorded: true as const };
    },
    confirmAlarmHeard: async ({ heard }, context) => {
      // Who answered is the logged-on user (the guard let only one through), not a typed name.
      const by = sessions.get(context.connection)!.user.name;
      const state = clients.recordSoundCheck(context.connection, { heard, atMs: now(), by });
      if (!state) throw new ContractError('not_found', coded('sound_check.not_reported', {}), 'heard');
      await store.recordAudit({
        atMs: now(),
        actor: by,
        action: heard ? 'alarm.test_heard' : 'alarm.test_not_heard',
        target: null,
        detail: { desk: `${state.role} ${state.number}`, heard },
      });
      return state;
    },
    getAlarmKpis: async ({ fromMs, toMs }) => {
      const to = toMs ?? now();
      return store.alarmKpis(fromMs ?? to - 24 * 3600_000, to, training);
    },
    // Live flags only, whatever this console runs on: training never counts in a report.
    getReport: async (range, context) => {
      const report = await store.report(range, { schedule, nowMs: now() });
      // Figures per operator are for supervisors (and administrators): an auditor reads the room's.
      const user = sessions.get(context.connection)!.user; // the guard let only a logged-on user through
      const sent =
        user.role === 'auditor' ? { ...report, response: { ...report.response, byOperator: [] } } : report;
      // Audited here, where the figures leave main: what the page then prints or saves as CSV is
      // beyond main's sight, so the read itself is the record (recordReportExport only adds to it).
      await store.recordAudit({
        atMs: now(),
        actor: user.name,
        action: 'report.read',
        target: null,
        detail: {
          fromMs: range.fromMs,
          toMs: range.toMs,
          shiftKey: range.shiftKey ?? null,
          byOperator: sent.response.byOperator.length > 0,
        },
      });
      return sent;
    },
    recordReportExport: async ({ fromMs, toMs, shiftKey }, context) => {
      await store.recordAudit({
        atMs: now(),
        actor: sessions.get(context.connection)!.user.name, // the guard let only a logged-on user through
        action: 'report.exported',
        target: null,
        detail: { fromMs, toMs, shiftKey: shiftKey ?? null },
      });
      return { recorded: true as const };
    },
    listQuarantine: async ({ limit }) => store.listQuarantine(limit ?? 100),
    reportClientState: async (report, context) => {
      const { state } = clients.report(context.connection, context.role, report, now());
      return { role: state.role, number: state.number };
    },
    getClientStates: async () => ({ clients: clients.list() }),
    ...handoverHandlers(store, schedule, training, now),
    ...unitHandlers({ store, sessions, now, openItem: (id) => open.get(id), applyChanges }),
    // The Electron shell replaces this with webContents.printToPDF; a browser prints the page itself.
    saveHandoverPdf: async () => {
      throw new ContractError('unavailable', coded('pdf.desktop_only', {}));
    },
  };

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
      return units === null ? payload : unitEventView(event, payload, units, departures, unitAlarm);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      // Flags are routed, and dispatches checked, against the store's registry (core/units/).
      await loadUnitRegistry(store);
      // The configuration this start runs with, in the audit trail: a change of it between starts
      // shows as a different fingerprint (the values are numbers; the feed address only hashed).
      const configuration = {
        feed: options.feed.baseUrl,
        training,
        pollIntervalMs: options.feed.pollIntervalMs,
        schedule,
        followUpAfterMs,
        idleLockMs,
        retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
      };
      await store.recordAudit({
        atMs: now(),
        actor: 'system',
        action: 'config.applied',
        target: null,
        detail: {
          sha256: crypto.createHash('sha256').update(JSON.stringify(configuration)).digest('hex'),
          pollIntervalMs: configuration.pollIntervalMs,
          followUpAfterMs: [...followUpAfterMs],
          idleLockMs,
          retentionMs: configuration.retentionMs,
          shifts: schedule.length,
        },
      });
      eventSeq = (await store.changesSince(-1, training)).lastEventSeq;
      for (const item of await store.listOpenQueue(training)) open.set(item.id, item);
      const stats = await store.arrivalStats(now() - alarmConfig.tooQuiet.historyMs, training);
      engine = new AlarmEngine(alarmConfig, stats.lastMs ?? now());
      engine.setQuietThreshold(tooQuietThresholdMs(stats, now(), alarmConfig.tooQuiet));
      // The room's holds and silence as the store kept them (another core's, or before a restart).
      await silence.reload();
      await room.reload();
      poller.health.setQuarantinedTotal(await store.countQuarantined());
      publishAlarm();
      startedAtMs = now();
      // The poller runs only while this core holds the feed (one core of several on PostgreSQL).
      await cluster.start({
        onPolling: (polling) => {
          if (polling) poller.start();
          else void poller.stop().catch((error: unknown) => log(`poller stop: ${(error as Error).name}`));
          publishHealth();
        },
        onStoreChanged: () => refresh.request(),
        onStateChanged: () => publishHealth(),
      });
      retention = startRetention(store, {
        retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
        now,
        log: (line) => log(line),
      });
      // The report's settled days, made before a supervisor asks for a long range.
      reportWarmer = startReportWarmer(store, { schedule, now, log: (line) => log(line) });
      // Every tick, whatever the feed does: escalation, silence expiry, flood end and "too quiet"
      // are due by the clock, not by a poll (a hanging feed must not hold an escalation back).
      const tick = setInterval(() => {
        // The polling core tells the others how the feed is (they show it, with its name).
        if (cluster.polling()) cluster.publish(poller.health.evaluate(now()));
        publishHealth();
        publishAlarm();
        // Idle desks are locked on time even if nothing asks (the session log shows when).
        sessions.lockIdleSessions().catch((error: unknown) => log(`idle lock: ${(error as Error).name}`));
        room.tick().catch((error: unknown) => log(`room: ${(error as Error).name}`));
        resume.beat().catch((error: unknown) => log(`resume tokens: ${(error as Error).name}`));
      }, options.tickMs ?? 1000);
      // Answers to acting commands are kept 24 h for retries (shared/room/request-id.ts), then go.
      const purgeAnswers = () => {
        void purgeOldRequestResults(store, now()).catch((error: unknown) =>
          log(`request answers not purged: ${(error as Error).name}`),
        );
        void resume
          .prune()
          .catch((error: unknown) => log(`resume tokens not pruned: ${(error as Error).name}`));
      };
      purgeAnswers();
      const purge = setInterval(purgeAnswers, 3600_000);
      const learn = setInterval(() => void relearnQuiet().catch(() => {}), options.quietRelearnMs ?? 600_000);
      // Another core's notification asks for a refresh at once; the timer catches whatever a lost
      // notification (or a command-line import) left behind.
      const periodicRefresh = setInterval(() => refresh.tick(), options.refreshMs ?? 2000);
      for (const timer of [tick, learn, periodicRefresh, purge]) {
        timer.unref();
        timers.push(timer);
      }
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      // The feed is let go first, so another core can take it while this one winds down.
      await cluster.stop();
      refresh.stop();
      clients.stop();
      await retention?.stop();
      await reportWarmer?.stop();
      await poller.stop();
    },
    feedHealth: () => feedHealthNow(),
  };
}
