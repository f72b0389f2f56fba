// The queue in its two groups (shared/queue-order.ts: needsSomeone), for the desk and the wall. A
// selector of its own because it reads two slices: the queue's order and main's unconfirmed dispatches.
import type { QueueItem } from '../../../shared/domain';
import { partitionQueue } from '../../../shared/queue-order';
import type { AlarmSliceState } from '../alarm/initial-state';
import { selectSortedQueue, selectVisibleQueue } from './selectors';
import type { QueueState } from './initial-state';

type WithQueueAndAlarm = { readonly queue: QueueState; readonly alarm: AlarmSliceState };

export interface QueueGroups {
  /** Unacknowledged (escalated among them) and unconfirmed dispatches, most urgent first. */
  needs: readonly QueueItem[];
  /** Everything else still open: acknowledged, dispatched, welfare check-ins due. */
  worked: readonly QueueItem[];
  /** Both, needs first: the order the keys move through. */
  order: readonly QueueItem[];
}

// Stable per (sorted list, set of unconfirmed ids): zustand re-renders on a new reference.
const cache = new WeakMap<readonly QueueItem[], Map<string, QueueGroups>>();

function groupsOf(sorted: readonly QueueItem[], unconfirmedIds: readonly string[]): QueueGroups {
  const key = unconfirmedIds.join(',');
  let byKey = cache.get(sorted);
  if (!byKey) cache.set(sorted, (byKey = new Map()));
  let groups = byKey.get(key);
  if (!groups) {
    const { needs, worked } = partitionQueue(sorted, new Set(unconfirmedIds));
    groups = {
      needs,
      worked,
      order: worked.length === 0 ? needs : needs.length === 0 ? worked : [...needs, ...worked],
    };
    byKey.clear(); // only the latest set of ids is asked for again
    byKey.set(key, groups);
  }
  return groups;
}

/** The desk's queue (the chosen area only, when one is chosen) in its two groups. */
export const selectDeskGroups = (state: WithQueueAndAlarm): QueueGroups =>
  groupsOf(selectVisibleQueue(state), state.alarm.current.unconfirmedIds);

/** The wall's queue, every open flag, in its two groups. */
export const selectWallGroups = (state: WithQueueAndAlarm): QueueGroups =>
  groupsOf(selectSortedQueue(state), state.alarm.current.unconfirmedIds);
