import type { FeedHealth } from '../../../shared/domain';
import { isLostState } from '../../../shared/feed-loss';
import type { ConnectionState } from '../../api/connection';
import type { FeedState } from './initial-state';

type WithFeed = { readonly feed: FeedState };

/** How the strip is drawn: grey when normal, amber when degraded, red when it is an alarm. */
export type Severity = 'normal' | 'warning' | 'alarm';

export const selectFeedHealth = (state: WithFeed): FeedHealth | null => state.feed.health;
export const selectConnection = (state: WithFeed): ConnectionState => state.feed.connection;

/** Since when the link to main has been lost, or null while connected (or never yet connected). */
export const selectLinkLostSinceMs = (state: WithFeed): number | null =>
  state.feed.connection === 'reconnecting' ? state.feed.connectionSinceMs : null;

/** Since when the window has had no working link to main (never connected counts too). */
export const selectDisconnectedSinceMs = (state: WithFeed): number | null =>
  state.feed.connection === 'connected' ? null : state.feed.connectionSinceMs;

export const selectLastMessageAtMs = (state: WithFeed): number | null => state.feed.lastMessageAtMs;

export function selectFeedSeverity(state: WithFeed): Severity {
  const health = state.feed.health;
  if (!health) return 'warning';
  if (health.alarm || isLostState(health.state)) return 'alarm';
  if (health.state === 'degraded' || health.consecutiveFailures > 0) return 'warning';
  return 'normal';
}

/** More records were quarantined since this desk opened (or since the list was last opened). */
export const selectQuarantineUnseen = (state: WithFeed): boolean =>
  state.feed.health !== null &&
  state.feed.quarantineSeen !== null &&
  state.feed.health.quarantinedTotal > state.feed.quarantineSeen;
