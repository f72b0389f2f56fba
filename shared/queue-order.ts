import { awaitsAcknowledgement } from './acknowledgement';
import { FLAG_STATES, RISK_RANK, type FlagState, type QueueItem } from './domain';

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

/** How far along a flag's state is: states move forward in FLAG_STATES' order (new … closed). */
export function stateRank(state: FlagState): number {
  return FLAG_STATES.indexOf(state);
}

/**
 * A flag stays in the queue until it is closed (withdrawn flags stay too, marked, without alarm),
 * and a closed one comes back while a welfare check-in of it is due.
 */
export function isOpen(item: Pick<QueueItem, 'state' | 'followUp'>): boolean {
  return item.state !== 'closed' || item.followUp !== null;
}

/**
 * What still needs someone, as PagerDuty keeps Triggered apart from Acknowledged: a flag nobody has
 * acknowledged (or whose raised risk nobody has; escalated ones are among these), and a dispatch the
 * unit has not confirmed within its target (`unconfirmedIds`, decided by main's alarm engine).
 * Everything else open is being worked. An acknowledged flag must never sit above one that waits.
 */
export function needsSomeone(
  item: Pick<QueueItem, 'id' | 'state' | 'riskRaisePending'>,
  unconfirmedIds: ReadonlySet<string>,
): boolean {
  return awaitsAcknowledgement(item) || unconfirmedIds.has(item.id);
}

/** The queue in its two groups, each keeping the queue's one order (the input is already sorted). */
export function partitionQueue<T extends QueueItem>(
  sorted: readonly T[],
  unconfirmedIds: ReadonlySet<string>,
): { needs: T[]; worked: T[] } {
  const needs: T[] = [];
  const worked: T[] = [];
  for (const item of sorted) (needsSomeone(item, unconfirmedIds) ? needs : worked).push(item);
  return { needs, worked };
}
