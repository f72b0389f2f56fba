import type { FeedHealth } from '../../../shared/domain';
import type { ConnectionState } from '../../api/connection';

export interface FeedState {
  /** Null until main first tells us: "unknown" must not look like "ok". */
  readonly health: FeedHealth | null;
  /** The renderer's own link to main; when it is down, every other value may be stale. */
  readonly connection: ConnectionState;
  /** When `connection` last changed (ms since epoch); how long the link has been down. */
  readonly connectionSinceMs: number | null;
  /** When anything last came from main (an event or an answer): the age of what is on screen. */
  readonly lastMessageAtMs: number | null;
  /** The quarantine count the desk has taken note of: at the first report, then at each look. */
  readonly quarantineSeen: number | null;
}

export const initialFeedState: FeedState = {
  health: null,
  connection: 'connecting',
  connectionSinceMs: null,
  lastMessageAtMs: null,
  quarantineSeen: null,
};
