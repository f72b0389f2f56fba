import { describe, expect, it } from 'vitest';
import type { FeedHealth } from '../../../shared/domain';
import { feedHealth } from '../../../tests/helpers/domain-fixtures';
import { createAppStore } from '../store';
import { feedActions } from './actions';
import { initialFeedState } from './initial-state';
import { selectConnection, selectFeedSeverity, selectLinkLostSinceMs } from './selectors';

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

  it('is bound into the combined store', () => {
    const { store, actions } = createAppStore();
    actions.feed.setHealth(ok);
    actions.feed.setConnection('connected', 42);
    expect(store.getState().feed).toEqual({ health: ok, connection: 'connected', connectionSinceMs: 42 });
  });
});
