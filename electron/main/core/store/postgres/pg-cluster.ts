// Several cores on one PostgreSQL (issue #19, part 3), as graphile-worker and friends do it:
// - exactly one core polls the feed: the one holding a session-level advisory lock on a connection
//   of its own (the "lease" session). A core that dies loses its session and with it the lock; the
//   others try for it every second and take over from the committed cursor.
// - that same session is this core's heartbeat to the store: a query every second, answered within
//   three, or the store is UNREACHABLE for this core — it drops both sessions (and with them the
//   lock) and stops polling at once. The server ends a session that falls silent
//   (idle_session_timeout) so a core cut off without a FIN or RST cannot keep the lock either.
// - a second session LISTENs: lifeline_changes wakes the core to read the change feed (a lost
//   notification loses nothing — the feed catches up on the next one, or on the periodic refresh),
//   and lifeline_poller carries the polling core's feed health to the others once a second.
import crypto from 'node:crypto';
import pg from 'pg';
import {
  pollerBeatSchema,
  type ClusterEvents,
  type CoreCluster,
  type PollerBeat,
} from '../../cluster/core-cluster';
import type { FeedHealth } from '../../../../../shared/domain';
import { CHANGES_CHANNEL } from './pg-db';

/** The polling core's beats: its name and its view of the feed. */
export const POLLER_CHANNEL = 'lifeline_poller';
/** First half of the poller lock's two-number key ("LL"); the second is the feed key's hash. */
export const POLLER_LOCK_CLASS = 0x4c4c;

export interface PgClusterOptions {
  /** The store's connection settings (clientConfig): same server, same TLS rules. */
  client: pg.ClientConfig;
  coreName: string;
  /** The feed's cursor key: cores polling different feeds (live and a drill) do not exclude each other. */
  feedKey: string;
  /** How often the lease session is asked (and a standby tries for the lock). */
  heartbeatMs?: number;
  /** An answer later than this means the store is unreachable from here. */
  answerWithinMs?: number;
  log?: (line: string) => void;
}

/** The lock's second number: a stable 32-bit hash of the feed key. */
export function pollerLockKey(feedKey: string): number {
  return crypto.createHash('sha256').update(`lifeline-poller:${feedKey}`).digest().readInt32BE(0);
}

type Session = pg.Client & { connection?: { stream?: { destroy(): void } } };

export function pgCluster(options: PgClusterOptions): CoreCluster {
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const answerWithinMs = options.answerWithinMs ?? 3000;
  const log = options.log ?? (() => {});
  const instance = crypto.randomUUID();
  const lockKey = pollerLockKey(options.feedKey);
  let events: ClusterEvents | null = null;
  let lease: Session | null = null;
  let listener: Session | null = null;
  let connecting: Promise<void> | null = null;
  let polling = false;
  let reachable = true;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let beat: { beat: PollerBeat; atMs: number } | null = null;
  let toPublish: PollerBeat | null = null;
  let beating = false;

  const session = (purpose: string): Session => {
    const client = new pg.Client({
      ...options.client,
      application_name: `lifeline-${purpose}:${options.coreName}`.slice(0, 63),
      connectionTimeoutMillis: answerWithinMs,
      query_timeout: answerWithinMs,
    }) as Session;
    // A connection-level fault is this core's news, never an uncaught error in the process.
    client.on('error', () => void lost('connection error'));
    client.on('end', () => void lost('connection ended'));
    return client;
  };

  function setReachable(value: boolean): void {
    if (reachable === value) return;
    reachable = value;
    log(value ? 'store reachable again' : 'STORE UNREACHABLE: this core has lost its database');
    events?.onStateChanged();
  }

  function setPolling(value: boolean): void {
    if (polling === value) return;
    polling = value;
    log(value ? `polling the feed (core ${options.coreName})` : 'no longer polling the feed');
    events?.onPolling(value);
  }

  /** Both sessions go (the lock with them): polling stops now, not when the server notices. */
  function lost(why: string): void {
    if (lease === null && listener === null) return;
    const [a, b] = [lease, listener];
    lease = null;
    listener = null;
    for (const client of [a, b]) {
      client?.removeAllListeners('end');
      client?.removeAllListeners('notification');
      // A cut link may never answer a goodbye: the socket is closed here, not politely ended.
      client?.connection?.stream?.destroy();
      client?.end().catch(() => {});
    }
    setPolling(false);
    if (!stopped) {
      log(`store session lost (${why})`);
      setReachable(false);
    }
  }

  async function connect(): Promise<void> {
    const leaseSession = session('lease');
    const listenSession = session('listen');
    try {
      await Promise.all([leaseSession.connect(), listenSession.connect()]);
      // A hot standby answers, and even grants advisory locks, but takes no write: a core whose
      // address reached one would believe it polls. A standby is no store for a core.
      const { rows } = await leaseSession.query<{ standby: boolean }>(
        'SELECT pg_is_in_recovery() AS standby',
      );
      if (rows[0]?.standby !== false) throw new Error('the database answering is a standby (read-only)');
      // A session that hears nothing for this long is ended by the server, lock and all: a core cut
      // off by a pulled cable cannot keep the feed (its heartbeat comes every heartbeatMs).
      const silentMs = Math.max(2 * answerWithinMs, 3 * heartbeatMs);
      await leaseSession.query(`SET idle_session_timeout = ${Math.round(silentMs)}`);
      listenSession.on('notification', (message) => heard(message.channel, message.payload));
      await listenSession.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${POLLER_CHANNEL}`);
    } catch (error) {
      for (const client of [leaseSession, listenSession]) {
        client.removeAllListeners('end');
        client.connection?.stream?.destroy();
        client.end().catch(() => {});
      }
      throw error;
    }
    if (stopped) {
      await Promise.all([leaseSession.end(), listenSession.end()]).catch(() => {});
      return;
    }
    lease = leaseSession;
    listener = listenSession;
    setReachable(true);
    // Whatever happened while away is in the change feed: read it now.
    events?.onStoreChanged();
  }

  function heard(channel: string, payload: string | undefined): void {
    if (channel === CHANGES_CHANNEL) return events?.onStoreChanged();
    if (channel !== POLLER_CHANNEL || payload === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const checked = pollerBeatSchema.safeParse(parsed);
    if (!checked.success || checked.data.instance === instance) return;
    beat = { beat: checked.data as PollerBeat, atMs: Date.now() };
    events?.onStateChanged();
  }

  async function heartbeat(): Promise<void> {
    if (stopped) return;
    if (lease === null) {
      connecting ??= connect()
        .catch((error: unknown) => {
          log(`store not reached: ${(error as Error).message}`);
          setReachable(false);
        })
        .finally(() => (connecting = null));
      return connecting;
    }
    const current = lease;
    // One question on the session at a time: a slow answer is not stacked on by the next second's.
    if (beating) return;
    beating = true;
    try {
      // The polling core's heartbeat is its beat to the others: one query on the session at a time.
      if (polling)
        await current.query(
          toPublish ? 'SELECT pg_notify($1, $2)' : 'SELECT 1',
          toPublish ? [POLLER_CHANNEL, JSON.stringify(toPublish)] : [],
        );
      else {
        const { rows } = await current.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', [
          POLLER_LOCK_CLASS,
          lockKey,
        ]);
        if (rows[0]?.got === true && lease === current) setPolling(true);
      }
    } catch (error) {
      if (lease === current) lost(`heartbeat: ${(error as Error).message}`);
    } finally {
      beating = false;
    }
  }

  return {
    coreName: options.coreName,
    async start(handlers) {
      events = handlers;
      await heartbeat();
      await heartbeat(); // connected on the first; try for the feed now rather than in a second
      timer = setInterval(() => void heartbeat(), heartbeatMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await connecting;
      const clients = [lease, listener];
      lease = null;
      listener = null;
      setPolling(false);
      // Ended politely: the server lets the lock go at once and another core takes over.
      await Promise.all(
        clients.map((client) => {
          client?.removeAllListeners('end');
          return client?.end().catch(() => {});
        }),
      );
    },
    polling: () => polling,
    storeReachable: () => reachable,
    publish(health: FeedHealth) {
      toPublish = {
        core: options.coreName,
        instance,
        health: {
          ...health,
          // NOTIFY carries at most 8000 bytes; a failure's words are cut well below that.
          lastError: health.lastError && {
            kind: health.lastError.kind,
            message: health.lastError.message.slice(0, 300),
          },
        },
      };
    },
    lastBeat: () => beat,
  };
}
