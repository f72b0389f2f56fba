// Assembles a running console from configuration: key → encrypted store (worker thread) →
// feed (the configured one, or the built-in simulator, marked TRAINING) → core.
// Shared by the headless host (cli/) and the Electron shell, so both start the same way.
import { DEFAULT_ALARM_CONFIG } from './alarm/alarm-config';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createConsoleCore, type ConsoleCore } from './console-core';
import { mayCreateDatabase, type KeyProvider } from './key/key-provider';
import { defaultFeedConfig } from './feed/poller';
import { startSimulator, type Simulator } from './simulator/simulator-server';
import type { Store } from './store/store';
import type { Shift } from '../../../shared/shifts/schedule';
import type { HostConfig } from './config/host-config';
import { startWorkerStore } from './store/sqlite/worker-store';
import { openPostgresStore } from './store/postgres/open-postgres';
import { clientConfig, describeSettings } from './store/postgres/connection-settings';
import { pgCluster } from './store/postgres/pg-cluster';
import type { CoreCluster } from './cluster/core-cluster';
import os from 'node:os';
import { routeUnroutedFlags } from './ingest/route-backfill';
import { storeWorkerLocation } from './store/sqlite/worker-location';
import { checkDataPaths, type DataPathLabels } from './config/data-paths';
import { trackFirstStartCreations, type FirstStartCreations } from './first-start';

export const DATABASE_FILE = 'lifeline.db';

export interface StartConsoleOptions {
  dataDir: string;
  keyProvider: KeyProvider;
  host: 'electron' | 'headless';
  version: string;
  feedUrl?: string | undefined;
  token?: string | undefined;
  secret?: string | undefined;
  pollIntervalMs: number;
  /** The room's shifts (validated configuration); default 06–14, 14–22, 22–06 IST. */
  schedule?: readonly Shift[];
  /** Welfare check-ins after a closed intervention, from the close; default 24 h, 72 h, 7 d. */
  followUpAfterMs?: readonly number[];
  /** The desk locks after this long without input (1–30 min). */
  idleLockMs?: number;
  /** Personal fields of closed flags are erased this long after close (default 90 days). */
  retentionMs?: number;
  /** A held flag whose desk went away goes back to the room after this (default 60 s). */
  holdGraceMs?: number;
  /** A dispatch not received alarms again after this (default: the confirmation target, 15 min). */
  reAlarmMs?: number;
  /** Synthetic flags per minute when the simulator is the feed. */
  simRate: number;
  /** Mark an external feed's flags as TRAINING (drills); the built-in simulator always is. */
  training?: boolean;
  /** Create the database even though a key exists already (a new installation with a kept key). */
  init?: boolean;
  /** Directory holding the built store worker; defaults to this module's. */
  workerDir?: string;
  /** How the data directory and key file were given, for errors about them (default: the host's flags). */
  pathLabels?: DataPathLabels;
  /** The key file, when the key comes from one: checked with the data directory before anything is made. */
  keyFile?: string;
  /**
   * A shared PostgreSQL (postgres:// URL, --database-url / LIFELINE_DATABASE_URL) instead of the
   * embedded SQLite file; its schema and keyring are made only with --init (or `lifeline migrate --init`).
   */
  databaseUrl?: string | undefined;
  /** This core's name, shown to the room as the core polling (default: the host's name). */
  coreName?: string;
}

export interface RunningConsole {
  core: ConsoleCore;
  store: Store;
  simulator: Simulator | null;
  databaseFile: string;
  /** On a first start, removes what it created (call after stop() when what follows fails); else null. */
  firstStart: FirstStartCreations | null;
  stop(): Promise<void>;
}

/** The feed, timing and shift settings of a validated host configuration, as startConsole takes them. */
export function feedOptionsOf(config: HostConfig) {
  return {
    feedUrl: config.feedUrl,
    token: config.token,
    secret: config.secret,
    pollIntervalMs: config.pollIntervalMs,
    simRate: config.simRate,
    schedule: config.shifts,
    followUpAfterMs: config.followUps,
    idleLockMs: config.idleLockMinutes * 60_000,
    retentionMs: config.retentionDays * 24 * 3600_000,
    holdGraceMs: config.holdGraceSeconds * 1000,
    reAlarmMs: config.reAlarmSeconds * 1000,
    databaseUrl: config.databaseUrl,
    coreName: config.coreName,
  };
}

export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  if (options.databaseUrl) return startOnPostgres(options, options.databaseUrl);
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  checkDataPaths({ dataDir: options.dataDir, databaseFile, keyFile: options.keyFile }, options.pathLabels);
  const databaseExists = fs.existsSync(databaseFile) && fs.statSync(databaseFile).size > 0;
  const createIfMissing = mayCreateDatabase(options.keyProvider, {
    databaseExists,
    init: options.init === true,
    dataDir: options.dataDir,
  });
  const firstStart = createIfMissing
    ? trackFirstStartCreations([
        options.dataDir,
        ...['', '-wal', '-shm', '-journal'].map((suffix) => databaseFile + suffix),
        ...(options.keyProvider.createdFiles?.() ?? []),
      ])
    : null;
  let store: Store | null = null;
  let simulator: Simulator | null = null;
  try {
    const key = await options.keyProvider.obtain({ databaseExists });
    store = await startWorkerStore({
      ...storeWorkerLocation(options.workerDir),
      file: databaseFile,
      key: new Uint8Array(key),
      createIfMissing,
    });
    key.fill(0);
    await routeUnroutedFlags(store);
    return await startCore(options, store, databaseFile, firstStart, (s) => (simulator = s));
  } catch (error) {
    await (simulator as Simulator | null)?.close().catch(() => {});
    await store?.close().catch(() => {});
    firstStart?.undo();
    throw error;
  }
}

/**
 * The core on a shared PostgreSQL. The key is never made here unless --init says this is a new
 * installation; the store checks it against the database's verifier before anything else, so a
 * missing or wrong key never leads to a new or unencrypted database.
 */
async function startOnPostgres(options: StartConsoleOptions, url: string): Promise<RunningConsole> {
  const init = options.init === true;
  const key = await options.keyProvider.obtain({ databaseExists: !init });
  let store: Store | null = null;
  let simulator: Simulator | null = null;
  try {
    const opened = await openPostgresStore({ url, key, createIfMissing: init });
    key.fill(0);
    store = opened.admin;
    await routeUnroutedFlags(store);
    // Several cores may share this database: one polls, all hear each other's changes.
    const cluster = (feedKey: string, coreName: string) =>
      pgCluster({ client: clientConfig(opened.prepared.settings), coreName, feedKey });
    return await startCore(
      options,
      store,
      describeSettings(opened.prepared.settings),
      null,
      (s) => (simulator = s),
      cluster,
    );
  } catch (error) {
    key.fill(0);
    await (simulator as Simulator | null)?.close().catch(() => {});
    await store?.close().catch(() => {});
    throw error;
  }
}

async function startCore(
  options: StartConsoleOptions,
  store: Store,
  databaseFile: string,
  firstStart: FirstStartCreations | null,
  onSimulator: (simulator: Simulator) => void,
  clusterFor?: (feedKey: string, coreName: string) => CoreCluster,
): Promise<RunningConsole> {
  let simulator: Simulator | null = null;
  let feedUrl = options.feedUrl;
  let token = options.token;
  if (feedUrl === undefined) {
    token = crypto.randomBytes(16).toString('hex');
    simulator = await startSimulator({ token, ratePerMinute: options.simRate });
    onSimulator(simulator);
    feedUrl = simulator.url;
  }
  const training = simulator !== null || options.training === true;
  // Each built-in simulator run is a new feed with its own cursor; live data has one cursor.
  const feedKey =
    simulator !== null ? `simulator-${Date.now().toString(36)}` : training ? 'training' : 'default';
  const coreName = options.coreName ?? defaultCoreName();
  const core = createConsoleCore({
    store,
    host: options.host,
    version: options.version,
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.followUpAfterMs ? { followUpAfterMs: options.followUpAfterMs } : {}),
    ...(options.idleLockMs ? { idleLockMs: options.idleLockMs } : {}),
    ...(options.retentionMs ? { retentionMs: options.retentionMs } : {}),
    ...(options.holdGraceMs ? { holdGraceMs: options.holdGraceMs } : {}),
    ...(options.reAlarmMs
      ? { alarm: { ...DEFAULT_ALARM_CONFIG, reAlarmUnconfirmedAfterMs: options.reAlarmMs } }
      : {}),
    feed: defaultFeedConfig({
      baseUrl: feedUrl,
      token: token!,
      secret: options.secret ?? null,
      pollIntervalMs: options.pollIntervalMs,
      training,
      feedKey,
      coreName,
    }),
    ...(clusterFor ? { cluster: clusterFor(feedKey, coreName) } : {}),
  });
  try {
    await core.start();
  } catch (error) {
    await core.stop().catch(() => {});
    throw error;
  }

  return {
    core,
    store,
    simulator,
    databaseFile,
    firstStart,
    async stop() {
      await core.stop();
      await simulator?.close();
      await store.close();
    },
  };
}

/** The host's name, cut to what the room's screens show (--core-name / LIFELINE_CORE_NAME overrides it). */
export function defaultCoreName(): string {
  return (
    os
      .hostname()
      .replace(/[^\p{L}\p{N} ._-]/gu, '-')
      .slice(0, 64) || 'console'
  );
}
