// Which words the room reads about the feed's loss and about the core that polls it. Pure, so the
// desk, the wall and the lock screen choose the same words for the same health (and a test can
// check each state without a page). Whether the view is live stays in shared/feed-loss.ts.
import type { FeedHealth } from '../../../shared/domain';
import type { FeedLoss } from '../../../shared/feed-loss';

/** The "what to do now" of the lost-feed band: the remedy differs with who is at fault. */
export type LossAction = 'store' | 'takeover' | 'feed';

/** Its key under feedLoss. */
export const LOSS_ACTION_KEY: Record<LossAction, string> = {
  store: 'feedLoss.doStore',
  takeover: 'feedLoss.doTakeover',
  feed: 'feedLoss.do',
};

/**
 * STORE UNREACHABLE: this console is at fault (use the other one). No core polling (a takeover,
 * reported as DOWN): another console should take over in seconds, so calling the platform would
 * send the room the wrong way. Anything else: the platform.
 */
export function lossAction(loss: FeedLoss, health: FeedHealth): LossAction {
  if (loss.state === 'store_unreachable') return 'store';
  if (health.pollingCore === null || health.lastError?.kind === 'no_poller') return 'takeover';
  return 'feed';
}

/** What the desk's strip and the wall's footer say of the core polling the feed. */
export type PollingLine =
  /** This client's own core polls: the usual case, and the only one on SQLite. Stated quietly. */
  | { kind: 'self'; core: string }
  /** Another core polls: normal with several cores, but the room must know which console is which. */
  | { kind: 'other'; core: string; self: string }
  /** No core polls and this one still has its store: a takeover is under way. */
  | { kind: 'none' }
  /** This core lost its store: nothing is known of who polls; the room needs to know which console this is. */
  | { kind: 'lost'; self: string };

export function pollingLine(health: FeedHealth): PollingLine {
  if (health.state === 'store_unreachable') return { kind: 'lost', self: health.thisCore };
  if (health.pollingCore === null) return { kind: 'none' };
  if (health.pollingCore === health.thisCore) return { kind: 'self', core: health.pollingCore };
  return { kind: 'other', core: health.pollingCore, self: health.thisCore };
}

type View = 'desk' | 'wall';

/** The i18n key and values of a polling line on a desk or a wall. */
export function pollingWords(line: PollingLine, view: View): { key: string; values: Record<string, string> } {
  switch (line.kind) {
    case 'self':
      return { key: 'feed.polling.self', values: { core: line.core } };
    case 'other':
      return {
        key: view === 'desk' ? 'feed.polling.otherDesk' : 'feed.polling.otherWall',
        values: { core: line.core, self: line.self },
      };
    case 'none':
      return { key: 'feed.polling.none', values: {} };
    case 'lost':
      return {
        key: view === 'desk' ? 'feed.polling.lostDesk' : 'feed.polling.lostWall',
        values: { self: line.self },
      };
  }
}
