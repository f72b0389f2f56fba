// A district control room's alarm, from the same open flags as the room's: every flag dispatched to
// one of its units and not yet received sounds at its desks until a unit operator acknowledges
// receipt; past the unconfirmed-dispatch target it re-alarms louder (the command centre's own alarm
// re-alarms on the same flags at the same moment: alarm/alarm-engine.ts, isUnconfirmed). The feed,
// floods, silences and "too quiet" are the command centre's business and never sound here.
import { RISK_RANK, type AlarmState, type QueueItem, type Risk } from '../../../../shared/domain';
import { dispatchedToUnits } from '../../../../shared/units';
import { isUnconfirmed } from '../alarm/alarm-engine';

/** Dispatched to these units, active, and not yet received: what a unit desk must answer. */
export function awaitingReceipt(items: Iterable<QueueItem>, units: readonly string[]): QueueItem[] {
  return [...items].filter(
    (i) =>
      i.state === 'dispatched' &&
      i.status === 'active' &&
      dispatchedToUnits(i, units) &&
      i.dispatch!.confirmedAtMs === null,
  );
}

export function unitAlarmState(
  items: Iterable<QueueItem>,
  units: readonly string[],
  nowMs: number,
  reAlarmAfterMs: number,
): AlarmState {
  const waiting = awaitingReceipt(items, units);
  const late = waiting.filter((i) => isUnconfirmed(i, nowMs, reAlarmAfterMs));
  let highestRisk: Risk | null = null;
  for (const item of waiting)
    if (highestRisk === null || RISK_RANK[item.risk] < RISK_RANK[highestRisk]) highestRisk = item.risk;
  const lateIds = late.map((i) => i.id).sort();
  return {
    flagIds: waiting.map((i) => i.id).sort(),
    highestRisk,
    escalatedIds: lateIds,
    unconfirmedIds: lateIds,
    feedAlarm: false,
    flood: { active: false, sinceMs: null, arrivalsLast10Min: 0 },
    silence: null,
    tooQuiet: { active: false, lastArrivalMs: null, thresholdMs: 0 },
    sound: { flag: highestRisk, escalated: late.length > 0, feed: false },
  };
}

/** What every unit's alarm depends on, in one string: when it changes, the units' desks are told. */
export function unitAlarmSignature(
  items: Iterable<QueueItem>,
  nowMs: number,
  reAlarmAfterMs: number,
): string {
  return JSON.stringify(
    [...items]
      .filter((i) => i.state === 'dispatched' && i.status === 'active' && i.dispatch?.confirmedAtMs === null)
      .map((i) => [i.id, i.dispatch!.unitKey, i.risk, isUnconfirmed(i, nowMs, reAlarmAfterMs)])
      .sort(),
  );
}
