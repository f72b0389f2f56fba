// The core's start and stop: what start reads from the store (registry, open flags, arrivals,
// holds, silence) before anything is pushed, the configuration it records, the feed taken up when
// this core holds it, and the timers and background jobs that run until stop. Built by
// console-core.ts; the clock-driven work itself lives in the parts the timers call.
import crypto from 'node:crypto';
import type { ResumeTokens } from '../accounts/resume-tokens';
import type { SessionRegistry } from '../accounts/sessions';
import type { CoreCluster } from '../cluster/core-cluster';
import type { FeedPoller } from '../feed/poller';
import type { ClientStates } from '../presence/client-state';
import { startReportWarmer, type ReportWarmer } from '../reports/report-warmer';
import { DEFAULT_RETENTION_MS } from '../retention/retention-policy';
import { startRetention, type RetentionSchedule } from '../retention/retention-schedule';
import { purgeOldRequestResults } from '../room/idempotency';
import type { createRoom } from '../room/room-core';
import type { Store } from '../store/store';
import { loadUnitRegistry } from '../units/unit-registry';
import type { Shift } from '../../../../shared/shifts/schedule';
import type { ConsoleCoreOptions } from '../console-core';
import type { FeedAlarmPublisher } from './feed-alarm-publisher';
import type { QueueRefresh } from './queue-refresh';

export interface CoreLifecycleDeps {
  options: Pick<ConsoleCoreOptions, 'feed' | 'retentionMs' | 'tickMs' | 'quietRelearnMs' | 'refreshMs'>;
  store: Store;
  now: () => number;
  log: (line: string) => void;
  training: boolean;
  schedule: Shift[];
  followUpAfterMs: number[];
  idleLockMs: number;
  cluster: CoreCluster;
  poller: FeedPoller;
  alarm: FeedAlarmPublisher;
  queue: QueueRefresh;
  room: ReturnType<typeof createRoom>;
  sessions: SessionRegistry;
  resume: ResumeTokens;
  clients: ClientStates;
}

export interface CoreLifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function coreLifecycle(deps: CoreLifecycleDeps): CoreLifecycle {
  const { options, store, now, log, training, schedule, followUpAfterMs, idleLockMs } = deps;
  const { cluster, poller, alarm, queue, room, sessions, resume, clients } = deps;
  const timers: NodeJS.Timeout[] = [];
  let retention: RetentionSchedule | null = null;
  let reportWarmer: ReportWarmer | null = null;

  return {
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
      await queue.load();
      await alarm.startEngine();
      // The room's holds and silence as the store kept them (another core's, or before a restart).
      await alarm.silence.reload();
      await room.reload();
      poller.health.setQuarantinedTotal(await store.countQuarantined());
      alarm.publishAlarm();
      alarm.markStarted();
      // The poller runs only while this core holds the feed (one core of several on PostgreSQL).
      await cluster.start({
        onPolling: (polling) => {
          if (polling) poller.start();
          else void poller.stop().catch((error: unknown) => log(`poller stop: ${(error as Error).name}`));
          alarm.publishHealth();
        },
        onStoreChanged: () => queue.refresh.request(),
        onStateChanged: () => alarm.publishHealth(),
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
        alarm.publishHealth();
        alarm.publishAlarm();
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
      const learn = setInterval(
        () => void alarm.relearnQuiet().catch(() => {}),
        options.quietRelearnMs ?? 600_000,
      );
      // Another core's notification asks for a refresh at once; the timer catches whatever a lost
      // notification (or a command-line import) left behind.
      const periodicRefresh = setInterval(() => queue.refresh.tick(), options.refreshMs ?? 2000);
      for (const timer of [tick, learn, periodicRefresh, purge]) {
        timer.unref();
        timers.push(timer);
      }
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      // The feed is let go first, so another core can take it while this one winds down.
      await cluster.stop();
      queue.refresh.stop();
      clients.stop();
      await retention?.stop();
      await reportWarmer?.stop();
      await poller.stop();
    },
  };
}
