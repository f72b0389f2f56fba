// Several cores on one store: which of them polls the feed, whether this one can still reach the
// store, and a nudge when another core changed something. The core only sees this interface; the
// PostgreSQL implementation (store/postgres/pg-cluster.ts) holds an advisory lock on a session of its
// own and LISTENs; the embedded SQLite store has one core, which always polls (soloCluster).
import { z } from 'zod';
import { feedHealthSchema } from '../../../../shared/contract';
import type { FeedHealth } from '../../../../shared/domain';

export interface ClusterEvents {
  /** This core took the feed (true) or lost it (false): start or stop the poller at once. */
  onPolling(polling: boolean): void;
  /** Another core (or this one) committed a change, or the link came back: refresh from the store. */
  onStoreChanged(): void;
  /** The store became unreachable or reachable again; also when another core's feed health arrives. */
  onStateChanged(): void;
}

/** The polling core's word to the others, about once a second: its name and its view of the feed. */
export interface PollerBeat {
  core: string;
  /** Tells two starts of the same core (or two cores given the same name) apart. */
  instance: string;
  health: FeedHealth;
}

export interface CoreCluster {
  readonly coreName: string;
  start(events: ClusterEvents): Promise<void>;
  stop(): Promise<void>;
  /** Whether this core holds the feed now. */
  polling(): boolean;
  /** Whether the store answered this core's last heartbeat in time. */
  storeReachable(): boolean;
  /** The polling core tells the others how the feed is (a no-op with one core). */
  publish(health: FeedHealth): void;
  /** The latest word from another polling core, and when it arrived (this core's clock). */
  lastBeat(): { beat: PollerBeat; atMs: number } | null;
}

/**
 * A beat arrives over the network from another process: it is checked like any frame, and one
 * that does not parse is dropped (the next beat a second later carries the same news).
 */
export const pollerBeatSchema = z.object({
  core: z.string().min(1).max(64),
  instance: z.string().min(1).max(64),
  health: feedHealthSchema,
});

/** The embedded store: one core, which always polls and always has its store in the same process. */
export function soloCluster(coreName: string): CoreCluster {
  return {
    coreName,
    async start(events) {
      events.onPolling(true);
    },
    async stop() {},
    polling: () => true,
    storeReachable: () => true,
    publish() {},
    lastBeat: () => null,
  };
}
