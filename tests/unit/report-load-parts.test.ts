// The alarm load's engine-neutral parts (store/report/): how a range splits into whole 10-minute
// slots and exact edges, and how start/end events pair into spans. Both engines call these.
import { describe, expect, it } from 'vitest';
import { pairSpans, type SpanEvent } from '../../electron/main/core/store/report/alarm-load';
import { slotArrivals } from '../../electron/main/core/store/report/operator-load';
import { SLOT_MS } from '../../electron/main/core/store/report/report-range';

describe('slotArrivals', () => {
  const bySlot = new Map([
    [10, 3],
    [11, 4],
    [12, 5],
  ]);
  it('takes whole slots from the counts and leaves the edges inside a slot to count exactly', () => {
    expect(slotArrivals(10 * SLOT_MS + 5, 13 * SLOT_MS - 7, bySlot)).toEqual({
      n: 4,
      edges: [
        [10 * SLOT_MS + 5, 11 * SLOT_MS],
        [12 * SLOT_MS, 13 * SLOT_MS - 7],
      ],
    });
    expect(slotArrivals(10 * SLOT_MS, 13 * SLOT_MS, bySlot)).toEqual({ n: 12, edges: [] });
  });
  it('counts a range within one slot exactly, and an empty one not at all', () => {
    expect(slotArrivals(10 * SLOT_MS + 1, 10 * SLOT_MS + 9, bySlot)).toEqual({
      n: 0,
      edges: [[10 * SLOT_MS + 1, 10 * SLOT_MS + 9]],
    });
    expect(slotArrivals(5, 5, bySlot)).toEqual({ n: 0, edges: [] });
  });
});

describe('pairSpans', () => {
  const ev = (seq: number, atMs: number, start: boolean, state = ''): SpanEvent => ({
    seq,
    atMs,
    start,
    detail: () => ({ feedState: state }),
  });
  it('pairs in log order, ignoring a start while one runs and an end with none running', () => {
    const spans = pairSpans([
      ev(4, 300, false),
      ev(1, 100, true, 'silent'),
      ev(2, 150, true),
      ev(3, 200, false),
      ev(0, 50, false),
      ev(5, 400, true, 'error'),
    ]);
    expect(spans.map(({ startMs, endMs, detail }) => [startMs, endMs, detail.feedState])).toEqual([
      [100, 200, 'silent'],
      [400, null, 'error'],
    ]);
  });
});
