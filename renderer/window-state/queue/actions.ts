// Pure reducers of the queue slice; window-state.ts binds them to the window state.
import type { QueueItem } from '../../../shared/domain';
import { isOpen, stateRank } from '../../../shared/queue-order';
import type { QueueState } from './initial-state';

/**
 * Revisions only go up and a flag's state only moves forward, so an item older on either count is
 * a late answer (a listQueue that crossed a queueChanged on the wire) and must not undo the newer.
 */
function isStale(incoming: QueueItem, existing: QueueItem | undefined): boolean {
  if (!existing) return false;
  return incoming.revision < existing.revision || stateRank(incoming.state) < stateRank(existing.state);
}

function keepSelection(byId: QueueState['byId'], selectedId: string | null): string | null {
  return selectedId !== null && byId.has(selectedId) ? selectedId : null;
}

export const queueActions = {
  /** A full snapshot: whatever it does not list is no longer open. */
  setAll(state: QueueState, items: readonly QueueItem[]): QueueState {
    const byId = new Map<string, QueueItem>();
    for (const item of items) {
      const existing = state.byId.get(item.id);
      const winner = isStale(item, existing) ? existing! : item;
      if (isOpen(winner)) byId.set(item.id, winner);
    }
    return { ...state, byId, lastChange: null, selectedId: keepSelection(byId, state.selectedId) };
  },

  upsert(state: QueueState, items: readonly QueueItem[]): QueueState {
    let byId: Map<string, QueueItem> | null = null;
    const touched = new Set<string>();
    for (const item of items) {
      const current = (byId ?? state.byId).get(item.id);
      if (isStale(item, current)) continue;
      byId ??= new Map(state.byId);
      touched.add(item.id);
      if (isOpen(item)) byId.set(item.id, item);
      else byId.delete(item.id);
    }
    // Unchanged state keeps its identity, so memoised selectors and React skip the work.
    if (!byId) return state;
    const removed: QueueItem[] = [];
    const added: QueueItem[] = [];
    for (const id of touched) {
      const before = state.byId.get(id);
      const after = byId.get(id);
      if (before === after) continue;
      if (before) removed.push(before);
      if (after) added.push(after);
    }
    return {
      ...state,
      byId,
      lastChange: { previous: state.byId, removed, added },
      selectedId: keepSelection(byId, state.selectedId),
    };
  },

  /** Clicking the area already shown shows everything again. */
  filterArea(state: QueueState, area: string | null): QueueState {
    const areaFilter = area === state.areaFilter ? null : area;
    return areaFilter === state.areaFilter ? state : { ...state, areaFilter };
  },

  select(state: QueueState, id: string | null): QueueState {
    const selectedId = keepSelection(state.byId, id);
    return selectedId === state.selectedId ? state : { ...state, selectedId };
  },
};
