// Which flags wait for an operator's acknowledgement: the one rule the alarm, the desk and the wall
// all follow, so a raised risk never alarms in main while looking settled on a screen.
import { RISK_RANK, type FlagState, type QueueItem, type Risk } from './domain';

type AckFields = Pick<QueueItem, 'state' | 'riskRaisePending'>;

/** New and never acknowledged, or its risk raised by the platform since the room acknowledged it. */
export function awaitsAcknowledgement(item: AckFields): boolean {
  return item.state === 'new' || item.riskRaisePending;
}

/** What the acknowledge action would record: the first acknowledgement or that of a raised risk. */
export function acknowledgementKind(item: AckFields): 'first' | 'raise' | null {
  if (item.state === 'new') return 'first';
  return item.riskRaisePending ? 'raise' : null;
}

/**
 * Whether a platform revision raises the risk of a flag the room has already taken up, so that it
 * needs acknowledging again (a flag still new alarms anyway). Every engine applies this rule when
 * it stores a revision; the SQL only records the time.
 */
export function revisionRaisesRisk(stored: { risk: Risk; state: FlagState }, revisedRisk: Risk): boolean {
  return RISK_RANK[revisedRisk] < RISK_RANK[stored.risk] && stored.state !== 'new';
}
