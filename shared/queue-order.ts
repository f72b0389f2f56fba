import { RISK_RANK, type QueueItem } from './domain';

/** The queue's one order, on every view: most urgent risk first, then the oldest flag first. */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  return RISK_RANK[a.risk] - RISK_RANK[b.risk] || a.flaggedAtMs - b.flaggedAtMs || a.id.localeCompare(b.id);
}

/**
 * A flag stays in the queue until it is closed (withdrawn flags stay too, marked, without alarm),
 * and a closed one comes back while a welfare check-in of it is due.
 */
export function isOpen(item: Pick<QueueItem, 'state' | 'followUp'>): boolean {
  return item.state !== 'closed' || item.followUp !== null;
}
