// Which flags keep the alarm sounding. Pure and in one place: the renderer only plays what this
// decides. A flag alarms while it is new (unacknowledged) and the platform has not withdrawn it.
import {
  RISK_RANK,
  type AlarmState,
  type FeedHealth,
  type QueueItem,
  type Risk,
} from '../../../../shared/domain';

export function isAlarming(item: QueueItem): boolean {
  return item.state === 'new' && item.status === 'active';
}

export function computeAlarmState(items: Iterable<QueueItem>, feed: Pick<FeedHealth, 'alarm'>): AlarmState {
  const flagIds: string[] = [];
  let highestRisk: Risk | null = null;
  for (const item of items) {
    if (!isAlarming(item)) continue;
    flagIds.push(item.id);
    if (highestRisk === null || RISK_RANK[item.risk] < RISK_RANK[highestRisk]) highestRisk = item.risk;
  }
  flagIds.sort();
  return { flagIds, highestRisk, feedAlarm: feed.alarm };
}

export function sameAlarmState(a: AlarmState, b: AlarmState): boolean {
  return (
    a.highestRisk === b.highestRisk &&
    a.feedAlarm === b.feedAlarm &&
    a.flagIds.length === b.flagIds.length &&
    a.flagIds.every((id, i) => id === b.flagIds[i])
  );
}
