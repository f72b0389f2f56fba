// Selectors return stable references (cached per byId object) or primitives: zustand 5 with
// useSyncExternalStore loops forever on a selector that returns a fresh array each call.
import type { QueueItem } from '../../../shared/domain';
import { awaitsAcknowledgement } from '../../../shared/acknowledgement';
import { compareQueueItems } from '../../../shared/queue-order';
import { areaOf, countByArea, type AreaKey } from '../../map/areas';
import type { QueueState } from './initial-state';

type WithQueue = { readonly queue: QueueState };

export interface QueueCounts {
  open: number;
  unacknowledged: number;
}

const sortedCache = new WeakMap<object, readonly QueueItem[]>();
const countsCache = new WeakMap<object, QueueCounts>();

export function selectSortedQueue(state: WithQueue): readonly QueueItem[] {
  const { byId } = state.queue;
  let sorted = sortedCache.get(byId);
  if (!sorted) {
    sorted = Object.values(byId).sort(compareQueueItems);
    sortedCache.set(byId, sorted);
  }
  return sorted;
}

const areaCache = new WeakMap<object, Readonly<Record<AreaKey, number>>>();
const visibleCache = new WeakMap<readonly QueueItem[], Map<string, readonly QueueItem[]>>();

/** Open flags per map area (Kota City, each district, unplaced). */
export function selectOpenByArea(state: WithQueue): Readonly<Record<AreaKey, number>> {
  const { byId } = state.queue;
  let counts = areaCache.get(byId);
  if (!counts) {
    counts = countByArea(Object.values(byId));
    areaCache.set(byId, counts);
  }
  return counts;
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

export function selectCounts(state: WithQueue): QueueCounts {
  const { byId } = state.queue;
  let counts = countsCache.get(byId);
  if (!counts) {
    const items = Object.values(byId);
    counts = { open: items.length, unacknowledged: items.filter(awaitsAcknowledgement).length };
    countsCache.set(byId, counts);
  }
  return counts;
}

/** When the longest-waiting unacknowledged flag was flagged, or null when none waits. */
export function selectOldestUnacknowledgedMs(state: WithQueue): number | null {
  let oldest: number | null = null;
  for (const item of Object.values(state.queue.byId))
    if (awaitsAcknowledgement(item) && (oldest === null || item.flaggedAtMs < oldest))
      oldest = item.flaggedAtMs;
  return oldest;
}

export const selectSelectedId = (state: WithQueue): string | null => state.queue.selectedId;

export function selectSelectedItem(state: WithQueue): QueueItem | null {
  const id = state.queue.selectedId;
  return id === null ? null : (state.queue.byId[id] ?? null);
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
