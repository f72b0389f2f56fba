// Whether the flags on screen are live. When the feed is lost, every view must say so louder than
// anything else (a dead feed must never look like a quiet night), on the desk and on the wall alike.
import type { FeedHealth, FeedState } from './domain';

/** The feed states in which no new flag can reach the room. */
export const FEED_LOST_STATES = [
  'store_unreachable',
  'down',
  'silent',
  'unauthorised',
  'bad_signature',
] as const;
export type FeedLostState = (typeof FEED_LOST_STATES)[number];

export interface FeedLoss {
  state: FeedLostState;
  /** The last poll that brought the feed's answer, or null when none ever did since the start. */
  lastGoodMs: number | null;
}

export const isLostState = (state: FeedState): state is FeedLostState =>
  (FEED_LOST_STATES as readonly FeedState[]).includes(state);

/**
 * The loss of the feed, or null while the views are live. Health not yet known (null) is not a loss:
 * that is the link to the host, which the connection banners already show.
 */
export function feedLoss(health: FeedHealth | null): FeedLoss | null {
  if (health === null || !isLostState(health.state)) return null;
  return { state: health.state, lastGoodMs: health.lastGoodPollAtMs };
}
