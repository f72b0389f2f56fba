import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareQueueItems } from '../../../shared/queue-order';
import { countByArea } from './areas';
import { queueItem } from '../../../tests/helpers/domain-fixtures';
import { createWindowState } from '../window-state';
import { queueActions } from './actions';
import { initialQueueState } from './initial-state';
import { selectDeskGroups } from './groups';
import {
  neighbourId,
  resort,
  selectCounts,
  selectOldestUnacknowledgedMs,
  selectOpenByArea,
  selectVisibleQueue,
  selectSelectedItem,
  selectSortedQueue,
} from './selectors';

const item = queueItem;

describe('queue slice', () => {
  it('sorts with compareQueueItems: risk first, then oldest', () => {
    const state = queueActions.setAll(initialQueueState, [
      item('a', { risk: 'elevated', flaggedAtMs: 1 }),
      item('b', { risk: 'imminent', flaggedAtMs: 50 }),
      item('c', { risk: 'imminent', flaggedAtMs: 10 }),
      item('d', { risk: 'high', flaggedAtMs: 5 }),
    ]);
    expect(selectSortedQueue({ queue: state }).map((i) => i.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('drops closed items on setAll and removes them on upsert', () => {
    let state = queueActions.setAll(initialQueueState, [item('a'), item('b', { state: 'closed' })]);
    expect([...state.byId.keys()]).toEqual(['a']);
    state = queueActions.upsert(state, [item('a', { state: 'closed' }), item('c')]);
    expect([...state.byId.keys()]).toEqual(['c']);
  });

  it('never lets a late, older item undo a newer one', () => {
    let state = queueActions.setAll(initialQueueState, [
      item('a', { state: 'acknowledged', acknowledgedBy: 'Op' }),
    ]);
    state = queueActions.upsert(state, [item('a', { state: 'new' })]);
    expect(state.byId.get('a')!.state).toBe('acknowledged');
    state = queueActions.setAll(state, [item('a', { state: 'new' })]);
    expect(state.byId.get('a')!.state).toBe('acknowledged');
    state = queueActions.upsert(state, [item('a', { state: 'acknowledged', revision: 2, risk: 'imminent' })]);
    expect(state.byId.get('a')!.risk).toBe('imminent');
  });

  it('keeps identity when nothing changes, so selectors stay stable', () => {
    const state = queueActions.setAll(initialQueueState, [item('a', { revision: 3 })]);
    expect(queueActions.upsert(state, [item('a', { revision: 2 })])).toBe(state);
    expect(selectSortedQueue({ queue: state })).toBe(selectSortedQueue({ queue: state }));
    expect(selectCounts({ queue: state })).toBe(selectCounts({ queue: state }));
  });

  it('counts open and unacknowledged flags', () => {
    const state = queueActions.setAll(initialQueueState, [
      item('a'),
      item('b', { state: 'acknowledged' }),
      item('c'),
    ]);
    expect(selectCounts({ queue: state })).toEqual({ open: 3, unacknowledged: 2 });
  });

  it('counts a flag whose risk was raised after acknowledgement as waiting again', () => {
    const state = queueActions.setAll(initialQueueState, [
      item('a', { state: 'acknowledged', riskRaisePending: true, flaggedAtMs: 5 }),
      item('b', { state: 'acknowledged' }),
    ]);
    expect(selectCounts({ queue: state })).toEqual({ open: 2, unacknowledged: 1 });
    expect(selectOldestUnacknowledgedMs({ queue: state })).toBe(5);
  });

  it('finds the oldest unacknowledged flag', () => {
    const state = queueActions.setAll(initialQueueState, [
      item('a', { flaggedAtMs: 50 }),
      item('b', { state: 'acknowledged', flaggedAtMs: 10 }),
      item('c', { flaggedAtMs: 30 }),
    ]);
    expect(selectOldestUnacknowledgedMs({ queue: state })).toBe(30);
    expect(selectOldestUnacknowledgedMs({ queue: initialQueueState })).toBeNull();
  });

  it('selects only known ids and clears the selection when the item leaves', () => {
    let state = queueActions.setAll(initialQueueState, [item('a'), item('b')]);
    state = queueActions.select(state, 'zzz');
    expect(state.selectedId).toBeNull();
    state = queueActions.select(state, 'b');
    expect(selectSelectedItem({ queue: state })?.id).toBe('b');
    state = queueActions.upsert(state, [item('b', { state: 'closed' })]);
    expect(state.selectedId).toBeNull();
  });

  it('moves the selection within bounds', () => {
    const sorted = [item('a'), item('b'), item('c')];
    expect(neighbourId(sorted, null, 1)).toBe('a');
    expect(neighbourId(sorted, 'a', 1)).toBe('b');
    expect(neighbourId(sorted, 'c', 1)).toBe('c');
    expect(neighbourId(sorted, 'a', -1)).toBe('a');
    expect(neighbourId(sorted, null, Infinity)).toBe('c');
    expect(neighbourId(sorted, 'b', -Infinity)).toBe('a');
    expect(neighbourId([], 'a', 1)).toBeNull();
  });

  it('is bound into the window state', () => {
    const { store, actions } = createWindowState();
    actions.queue.setAll([item('a')]);
    actions.queue.upsert([item('b', { risk: 'imminent' })]);
    actions.queue.select('b');
    expect(selectSortedQueue(store.getState()).map((i) => i.id)).toEqual(['b', 'a']);
    expect(store.getState().queue.selectedId).toBe('b');
  });

  it('counts open flags per map area and filters the queue to one, Kota City apart from Kota', () => {
    const kotaCity = {
      outcome: 'unit',
      unitKey: 'kota-city',
      districtKey: 'kota',
      basis: 'city',
      confidence: 'high',
      candidates: [] as never[],
    } as const;
    const kotaRural = { ...kotaCity, unitKey: 'kota-rural' } as const;
    const none = {
      outcome: 'unknown',
      unitKey: null,
      districtKey: null,
      basis: 'none',
      confidence: null,
      candidates: [] as never[],
    } as const;
    let state = queueActions.setAll(initialQueueState, [
      item('a', { route: kotaCity }),
      item('b', { route: kotaRural }),
      item('c', {
        districtKey: 'jodhpur',
        route: { ...kotaCity, unitKey: 'jodhpur-control-room', districtKey: 'jodhpur' },
      }),
      item('d', { districtKey: null, route: none }),
      item('e', { route: kotaCity }),
    ]);
    expect(selectOpenByArea({ queue: state })).toEqual({ 'kota-city': 2, kota: 1, jodhpur: 1, unplaced: 1 });
    state = queueActions.filterArea(state, 'kota-city');
    expect(
      selectVisibleQueue({ queue: state })
        .map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'e']);
    expect(selectVisibleQueue({ queue: state })).toBe(selectVisibleQueue({ queue: state }));
    state = queueActions.filterArea(state, 'kota-city'); // the same area again: show all
    expect(selectVisibleQueue({ queue: state })).toHaveLength(5);
  });
});

describe('derived values follow each change by its difference', () => {
  const anyId = fc.constantFrom(...'abcdefghijklmnop'.split(''));
  const arbitraryItem = fc
    .record({
      id: anyId,
      risk: fc.constantFrom('imminent' as const, 'high' as const, 'elevated' as const),
      state: fc.constantFrom('new' as const, 'acknowledged' as const, 'closed' as const),
      revision: fc.integer({ min: 1, max: 3 }),
      flaggedAtMs: fc.integer({ min: 0, max: 5 }),
      districtKey: fc.constantFrom('kota', 'pali', null),
      followUp: fc.option(fc.constant({ sequence: 1, afterMs: 1, dueAtMs: 1 }), { nil: null }),
    })
    .map(({ id, ...rest }) => item(id, rest));

  it('sorted queue, counts and map areas equal a full recomputation after any upserts', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryItem),
        fc.array(fc.array(arbitraryItem, { maxLength: 4 })),
        (first, batches) => {
          let state = queueActions.setAll(initialQueueState, first);
          selectSortedQueue({ queue: state });
          selectCounts({ queue: state });
          selectOpenByArea({ queue: state });
          for (const batch of batches) {
            state = queueActions.upsert(state, batch);
            const all = [...state.byId.values()];
            expect(selectSortedQueue({ queue: state })).toEqual([...all].sort(compareQueueItems));
            expect(selectCounts({ queue: state })).toEqual({
              open: all.length,
              unacknowledged: all.filter((i) => i.state === 'new' || i.riskRaisePending).length,
            });
            expect(selectOpenByArea({ queue: state })).toEqual(countByArea(all));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('merges a few changed flags into a long queue without sorting it again', () => {
    const previous = Array.from({ length: 100 }, (_, i) => item(`k${String(i).padStart(3, '0')}`));
    const added = [item('k050', { risk: 'imminent' }), item('new', { risk: 'elevated' })];
    const merged = resort(previous, { removed: [previous[50]!], added });
    expect(merged).toEqual([...previous.filter((i) => i.id !== 'k050'), ...added].sort(compareQueueItems));
  });
});

describe('the queue in its two groups (issue #16)', () => {
  it('gives the same groups object while neither the queue nor the unconfirmed dispatches change', () => {
    const { store } = createWindowState();
    const queue = queueActions.setAll(initialQueueState, [
      item('x', { state: 'acknowledged', risk: 'imminent' }),
      item('y', { state: 'new', risk: 'elevated' }),
    ]);
    store.setState({ queue });
    const first = selectDeskGroups(store.getState());
    expect(first.order.map((i) => i.id)).toEqual(['y', 'x']);
    expect(selectDeskGroups(store.getState())).toBe(first);
    const { alarm } = store.getState();
    store.setState({ alarm: { ...alarm, current: { ...alarm.current, unconfirmedIds: [] } } });
    expect(selectDeskGroups(store.getState())).toBe(first); // equal ids: the same groups
  });
});
