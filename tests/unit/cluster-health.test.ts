import { describe, expect, it } from 'vitest';
import { feedHealth } from '../helpers/domain-fixtures';
import {
  BEAT_STALE_AFTER_MS,
  clusterFeedHealth,
  type ClusterHealthInput,
} from '../../electron/main/core/cluster/cluster-health';

const own = feedHealth({ state: 'silent', lastGoodPollAtMs: 100, pollingCore: 'x', thisCore: 'x' });
const remote = feedHealth({ state: 'ok', lastGoodPollAtMs: 9_900, quarantinedTotal: 4 });
const input = (over: Partial<ClusterHealthInput>): ClusterHealthInput => ({
  nowMs: 10_000,
  coreName: 'hq-1',
  own,
  polling: false,
  storeReachable: true,
  lastBeat: { beat: { core: 'kota-1', instance: 'i', health: remote }, atMs: 9_500 },
  startedAtMs: 0,
  ...over,
});

describe('the feed health a core shows, given who polls', () => {
  it('is its own poller’s while it polls, named as this core', () => {
    expect(clusterFeedHealth(input({ polling: true }))).toMatchObject({
      state: 'silent',
      pollingCore: 'hq-1',
      thisCore: 'hq-1',
    });
  });

  it('is the polling core’s last beat while that is fresh, with both names', () => {
    expect(clusterFeedHealth(input({}))).toMatchObject({
      state: 'ok',
      quarantinedTotal: 4,
      pollingCore: 'kota-1',
      thisCore: 'hq-1',
    });
  });

  it('is DOWN with nobody polling once the beats stop, keeping the last good poll it knew', () => {
    const health = clusterFeedHealth(input({ nowMs: 9_500 + BEAT_STALE_AFTER_MS + 1 }));
    expect(health).toMatchObject({ state: 'down', alarm: true, pollingCore: null, lastGoodPollAtMs: 9_900 });
    expect(health.lastError?.kind).toBe('no_poller');
  });

  it('is starting, not down, in the first seconds before a beat could arrive', () => {
    const starting = input({ lastBeat: null, startedAtMs: 9_000 });
    expect(clusterFeedHealth(starting)).toMatchObject({ state: 'starting', alarm: false, pollingCore: null });
    expect(clusterFeedHealth({ ...starting, nowMs: 9_000 + BEAT_STALE_AFTER_MS + 1 }).state).toBe('down');
  });

  it('is STORE UNREACHABLE, an alarm, whoever polled, when this core has lost its store', () => {
    for (const polling of [true, false]) {
      const health = clusterFeedHealth(input({ polling, storeReachable: false }));
      expect(health).toMatchObject({
        state: 'store_unreachable',
        alarm: true,
        pollingCore: null,
        thisCore: 'hq-1',
      });
    }
  });
});
