import type { QueueItem } from '../../../shared/domain';

export interface QueueState {
  /** Open flags only: an item whose state becomes 'closed' leaves the map. */
  readonly byId: Readonly<Record<string, QueueItem>>;
  readonly selectedId: string | null;
  /** The desk shows only this map area's flags (renderer/map/areas.ts), or all when null. */
  readonly areaFilter: string | null;
}

export const initialQueueState: QueueState = { byId: {}, selectedId: null, areaFilter: null };
