import type { QueueItem } from '../../../shared/domain';

/**
 * What one upsert replaced and brought, so the sorted queue and its counts follow by the difference
 * instead of being recomputed over every open flag (10,000 while a burst arrives).
 */
export interface QueueChange {
  readonly previous: ReadonlyMap<string, QueueItem>;
  /** Earlier versions of the items this change replaced or removed. */
  readonly removed: readonly QueueItem[];
  /** The items this change put in (new or newer versions). */
  readonly added: readonly QueueItem[];
}

export interface QueueState {
  /** Open flags only: an item whose state becomes 'closed' leaves the map. */
  readonly byId: ReadonlyMap<string, QueueItem>;
  /** How byId came from the one before it; null after a full snapshot. */
  readonly lastChange: QueueChange | null;
  readonly selectedId: string | null;
  /** The desk shows only this map area's flags (renderer/features/map/areas.ts), or all when null. */
  readonly areaFilter: string | null;
}

export const initialQueueState: QueueState = {
  byId: new Map(),
  lastChange: null,
  selectedId: null,
  areaFilter: null,
};
