// The feed health a core's clients see, given who polls: this core's own poller, another core's
// last beat, nobody (a takeover under way) or no store at all. Pure, over the clock given.
import type { FeedHealth } from '../../../../shared/domain';
import type { PollerBeat } from './core-cluster';

/** Beats come about every second; three missed and the room is told nobody is polling. */
export const BEAT_STALE_AFTER_MS = 3_000;

export interface ClusterHealthInput {
  nowMs: number;
  coreName: string;
  /** This core's own poller's view (its tracker), used when it polls and as the last known figures. */
  own: FeedHealth;
  polling: boolean;
  storeReachable: boolean;
  lastBeat: { beat: PollerBeat; atMs: number } | null;
  /** When this core started: before a first beat could have come, the feed is 'starting'. */
  startedAtMs: number;
}

export function clusterFeedHealth(input: ClusterHealthInput): FeedHealth {
  const { nowMs, coreName, own, lastBeat } = input;
  const remote = lastBeat?.beat.health ?? null;
  // The best last-known figures: a lost store or a lost poller keeps showing how old the data is.
  const known = input.polling || remote === null ? own : remote;
  if (!input.storeReachable)
    return {
      ...known,
      state: 'store_unreachable',
      alarm: true,
      pollingCore: null,
      thisCore: coreName,
      lastError: { kind: 'store_unreachable', message: 'this console cannot reach its database' },
    };
  if (input.polling) return { ...own, pollingCore: coreName, thisCore: coreName };
  if (lastBeat !== null && nowMs - lastBeat.atMs <= BEAT_STALE_AFTER_MS)
    return { ...lastBeat.beat.health, pollingCore: lastBeat.beat.core, thisCore: coreName };
  if (lastBeat === null && nowMs - input.startedAtMs <= BEAT_STALE_AFTER_MS)
    return { ...own, state: 'starting', alarm: false, pollingCore: null, thisCore: coreName };
  return {
    ...known,
    state: 'down',
    alarm: true,
    pollingCore: null,
    thisCore: coreName,
    lastError: { kind: 'no_poller', message: 'no console is polling the feed' },
  };
}
