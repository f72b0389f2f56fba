// Issue #16, item 4: what needs someone comes apart from what is being worked, and each keeps the
// queue's one order; the desk's and the wall's selectors give stable groups.
import { describe, expect, it } from 'vitest';
import { compareQueueItems, needsSomeone, partitionQueue } from '../../shared/queue-order';
import { feedLoss } from '../../shared/feed-loss';
import { queueItem, feedHealth } from '../helpers/domain-fixtures';

const dispatched = (atMs: number) => ({ unitKey: 'kota-city', atMs, confirmedAtMs: null });

describe('needs someone / being worked', () => {
  const acked = queueItem('a-imm', { risk: 'imminent', state: 'acknowledged', flaggedAtMs: 1 });
  const waiting = queueItem('b-ele', { risk: 'elevated', state: 'new', flaggedAtMs: 9 });
  const raised = queueItem('c-high', { risk: 'high', state: 'acknowledged', riskRaisePending: true });
  const late = queueItem('d-late', { risk: 'high', state: 'dispatched', dispatch: dispatched(5) });
  const onTime = queueItem('e-sent', { risk: 'high', state: 'dispatched', dispatch: dispatched(6) });
  const sorted = [acked, waiting, raised, late, onTime].sort(compareQueueItems);

  it('puts unacknowledged, raised and unconfirmed dispatches first, even below an acknowledged imminent flag', () => {
    expect(sorted[0]!.id).toBe('a-imm'); // the old single order had the acknowledged imminent flag on top
    const { needs, worked } = partitionQueue(sorted, new Set(['d-late']));
    expect(needs.map((i) => i.id)).toEqual(['c-high', 'd-late', 'b-ele']); // each group keeps risk, then age
    expect(worked.map((i) => i.id)).toEqual(['a-imm', 'e-sent']);
  });

  it('counts a dispatch as needing someone only once main says it is past its confirmation target', () => {
    expect(needsSomeone(onTime, new Set())).toBe(false);
    expect(needsSomeone(onTime, new Set(['e-sent']))).toBe(true);
  });
});

describe('the feed is lost', () => {
  it('for down, silent, unauthorised and a bad signature; not while starting, ok or degraded, nor before health is known', () => {
    for (const state of ['down', 'silent', 'unauthorised', 'bad_signature'] as const)
      expect(feedLoss(feedHealth({ state, alarm: true, lastGoodPollAtMs: 42 }))).toEqual({
        state,
        lastGoodMs: 42,
      });
    for (const state of ['starting', 'ok', 'degraded'] as const)
      expect(feedLoss(feedHealth({ state }))).toBeNull();
    expect(feedLoss(null)).toBeNull();
  });
});
