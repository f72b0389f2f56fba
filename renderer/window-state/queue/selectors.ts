// Selectors return stable references (cached per byId object) or primitives: zustand 5 with
// useSyncExternalStore loops forever on a selector that returns a fresh array each call.
import type { QueueItem } from '../../../shared/domain';
import { awaitsAcknowledgement } from '../../../shared/acknowledgement';
import { compareQueueItems } from '../../../shared/queue-order';
import { areaOf, countByArea, type AreaKey } from './areas';
import type { QueueChange, QueueState } from './initial-state';

type WithQueue = { readonly queue: QueueState };

export interface QueueCounts {
  open: number;
  unacknowledged: number;
}

type ById = QueueState['byId'];

/**
 * A value derived from the open flags, cached per byId; after an upsert it is stepped from the value
 * of the map before (by what the change removed and added) when that is still cached.
 */
function derived<T>(
  cache: WeakMap<ById, T>,
  queue: QueueState,
  full: (byId: ById) => T,
  step: (previous: T, change: QueueChange, byId: ById) => T,
): T {
  let value = cache.get(queue.byId);
  if (value === undefined) {
    const change = queue.lastChange;
    const previous = change ? cache.get(change.previous) : undefined;
    value = change && previous !== undefined ? step(previous, change, queue.byId) : full(queue.byId);
    cache.set(queue.byId, value);
  }
  return value;
}

const sortedCache = new WeakMap<ById, readonly QueueItem[]>();
const countsCache = new WeakMap<ById, QueueCounts>();
const areaCache = new WeakMap<ById, Readonly<Record<AreaKey, number>>>();
const oldestCache = new WeakMap<ById, { ms: number | null }>();
const visibleCache = new WeakMap<readonly QueueItem[], Map<string, readonly QueueItem[]>>();

const sortAll = (byId: ById) => [...byId.values()].sort(compareQueueItems);

export function selectSortedQueue(state: WithQueue): readonly QueueItem[] {
  return derived(sortedCache, state.queue, sortAll, (previous, change, byId) =>
    change.added.length > previous.length / 4 ? sortAll(byId) : resort(previous, change),
  );
}

/**
 * The new order from the last one: keep the unchanged flags in place and merge the changed ones in
 * (linear), instead of sorting thousands again for a few new ones — the difference between dropped
 * frames and none with 10,000 open flags (docs/performance.md).
 */
export function resort(
  previous: readonly QueueItem[],
  change: Pick<QueueChange, 'removed' | 'added'>,
): QueueItem[] {
  const gone = new Set<string>();
  for (const item of change.removed) gone.add(item.id);
  for (const item of change.added) gone.add(item.id);
  const kept = gone.size === 0 ? previous : previous.filter((item) => !gone.has(item.id));
  const added = [...change.added].sort(compareQueueItems);
  const merged: QueueItem[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < added.length)
    merged.push(compareQueueItems(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!);
  while (i < kept.length) merged.push(kept[i++]!);
  while (j < added.length) merged.push(added[j++]!);
  return merged;
}

/** Open flags per map area (Kota City, each district, unplaced). */
export function selectOpenByArea(state: WithQueue): Readonly<Record<AreaKey, number>> {
  return derived(
    areaCache,
    state.queue,
    (byId) => countByArea(byId.values()),
    (previous, change) => {
      const counts: Record<AreaKey, number> = { ...previous };
      for (const item of change.removed) {
        const area = areaOf(item);
        if ((counts[area] = (counts[area] ?? 0) - 1) <= 0) delete counts[area];
      }
      for (const item of change.added) counts[areaOf(item)] = (counts[areaOf(item)] ?? 0) + 1;
      return counts;
    },
  );
}

export const selectAreaFilter = (state: WithQueue): string | null => state.queue.areaFilter;

/** The queue as the desk lists it: sorted, and only the chosen area's flags when one is chosen. */
export function selectVisibleQueue(state: WithQueue): readonly QueueItem[] {
  const sorted = selectSortedQueue(state);
  const area = state.queue.areaFilter;
  if (area === null) return sorted;
  let byArea = visibleCache.get(sorted);
  if (!byArea) visibleCache.set(sorted, (byArea = new Map()));
  let visible = byArea.get(area);
  if (!visible) {
    visible = sorted.filter((item) => areaOf(item) === area);
    byArea.set(area, visible);
  }
  return visible;
}

const countAwaiting = (items: Iterable<QueueItem>) => {
  let n = 0;
  for (const item of items) if (awaitsAcknowledgement(item)) n++;
  return n;
};

export function selectCounts(state: WithQueue): QueueCounts {
  return derived(
    countsCache,
    state.queue,
    (byId) => ({ open: byId.size, unacknowledged: countAwaiting(byId.values()) }),
    (previous, change, byId) => ({
      open: byId.size,
      unacknowledged: previous.unacknowledged - countAwaiting(change.removed) + countAwaiting(change.added),
    }),
  );
}

/** When the longest-waiting unacknowledged flag was flagged, or null when none waits. */
export function selectOldestUnacknowledgedMs(state: WithQueue): number | null {
  const { byId } = state.queue;
  let cached = oldestCache.get(byId);
  if (!cached) {
    let oldest: number | null = null;
    for (const item of byId.values())
      if (awaitsAcknowledgement(item) && (oldest === null || item.flaggedAtMs < oldest))
        oldest = item.flaggedAtMs;
    oldestCache.set(byId, (cached = { ms: oldest }));
  }
  return cached.ms;
}

export const selectSelectedId = (state: WithQueue): string | null => state.queue.selectedId;

export function selectSelectedItem(state: WithQueue): QueueItem | null {
  const id = state.queue.selectedId;
  return id === null ? null : (state.queue.byId.get(id) ?? null);
}

/** The id `delta` rows away from the selection in the queue's order (End: +Infinity, Home: -Infinity). */
export function neighbourId(
  sorted: readonly QueueItem[],
  selectedId: string | null,
  delta: number,
): string | null {
  if (sorted.length === 0) return null;
  const index = sorted.findIndex((i) => i.id === selectedId);
  // With nothing selected, any move starts at the top, except End.
  if (index < 0) return (delta === Infinity ? sorted.at(-1)! : sorted[0]!).id;
  return sorted[Math.max(0, Math.min(sorted.length - 1, index + delta))]!.id;
}
