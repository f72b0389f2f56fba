import { describe, expect, it } from 'vitest';
import type { FeedHealth } from '../../../shared/domain';
import { feedHealth } from '../../../tests/helpers/domain-fixtures';
import { createWindowState } from '../window-state';
import { feedActions } from './actions';
import { initialFeedState } from './initial-state';
import {
  selectConnection,
  selectDisconnectedSinceMs,
  selectFeedSeverity,
  selectLastMessageAtMs,
  selectLinkLostSinceMs,
  selectQuarantineUnseen,
} from './selectors';

const ok: FeedHealth = feedHealth();

describe('feed slice', () => {
  it('is unknown (warning, not normal) until the first health report', () => {
    expect(selectFeedSeverity({ feed: initialFeedState })).toBe('warning');
  });

  it('grades severity: grey when ok, amber when degraded, red when an alarm', () => {
    const sev = (h: Partial<FeedHealth>) =>
      selectFeedSeverity({ feed: feedActions.setHealth(initialFeedState, { ...ok, ...h }) });
    expect(sev({})).toBe('normal');
    expect(sev({ state: 'degraded' })).toBe('warning');
    expect(sev({ consecutiveFailures: 2 })).toBe('warning');
    expect(sev({ state: 'down', alarm: true })).toBe('alarm');
    expect(sev({ state: 'silent' })).toBe('alarm');
  });

  it('tracks the connection state, and since when, keeping identity when unchanged', () => {
    const next = feedActions.setConnection(initialFeedState, 'reconnecting', 500);
    expect(selectConnection({ feed: next })).toBe('reconnecting');
    expect(selectLinkLostSinceMs({ feed: next })).toBe(500);
    expect(feedActions.setConnection(next, 'reconnecting', 900)).toBe(next);
    expect(selectLinkLostSinceMs({ feed: feedActions.setConnection(next, 'connected', 900) })).toBeNull();
  });

  it('counts a window that never connected as disconnected', () => {
    const connecting = feedActions.setConnection(initialFeedState, 'connecting', 100);
    expect(selectLinkLostSinceMs({ feed: connecting })).toBeNull();
    expect(selectDisconnectedSinceMs({ feed: connecting })).toBe(100);
    expect(
      selectDisconnectedSinceMs({ feed: feedActions.setConnection(connecting, 'connected', 200) }),
    ).toBeNull();
  });

  it('remembers when main was last heard, never going backwards', () => {
    const heard = feedActions.heard(initialFeedState, 500);
    expect(selectLastMessageAtMs({ feed: heard })).toBe(500);
    expect(feedActions.heard(heard, 400)).toBe(heard);
    expect(selectLastMessageAtMs({ feed: feedActions.heard(heard, 600) })).toBe(600);
  });

  it('is bound into the window state', () => {
    const { store, actions } = createWindowState();
    actions.feed.setHealth(ok);
    actions.feed.setConnection('connected', 42);
    actions.feed.heard(43);
    expect(store.getState().feed).toEqual({
      health: ok,
      connection: 'connected',
      connectionSinceMs: 42,
      lastMessageAtMs: 43,
      quarantineSeen: ok.quarantinedTotal,
    });
  });

  it('marks quarantined records new when the count rises, until the list is opened', () => {
    const unseen = (s: typeof initialFeedState) => selectQuarantineUnseen({ feed: s });
    expect(unseen(initialFeedState)).toBe(false);
    const first = feedActions.setHealth(initialFeedState, { ...ok, quarantinedTotal: 3 });
    expect(unseen(first)).toBe(false); // what was there before the desk opened is not news
    const rose = feedActions.setHealth(first, { ...ok, quarantinedTotal: 5 });
    expect(unseen(rose)).toBe(true);
    const looked = feedActions.markQuarantineSeen(rose);
    expect(unseen(looked)).toBe(false);
    expect(feedActions.markQuarantineSeen(looked)).toBe(looked);
    expect(unseen(feedActions.setHealth(looked, { ...ok, quarantinedTotal: 6 }))).toBe(true);
    expect(feedActions.markQuarantineSeen(initialFeedState)).toBe(initialFeedState);
  });
});
