import { RISK_RANK, type QueueItem } from './domain';

/**
 * The queue's one order, on every view: live flags before welfare check-ins (a check-in is never
 * more urgent than a flag being worked), then the most urgent risk, then the oldest flag first.
 * Ties break on the id by code unit, not localeCompare: the same order on every machine whatever its
 * locale.
 */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  return (
    Number(a.followUp !== null) - Number(b.followUp !== null) ||
    RISK_RANK[a.risk] - RISK_RANK[b.risk] ||
    a.flaggedAtMs - b.flaggedAtMs ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * A flag stays in the queue until it is closed (withdrawn flags stay too, marked, without alarm),
 * and a closed one comes back while a welfare check-in of it is due.
 */
export function isOpen(item: Pick<QueueItem, 'state' | 'followUp'>): boolean {
  return item.state !== 'closed' || item.followUp !== null;
}
