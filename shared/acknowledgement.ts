// Which flags wait for an operator's acknowledgement: the one rule the alarm, the desk and the wall
// all follow, so a raised risk never alarms in main while looking settled on a screen.
import type { QueueItem } from './domain';

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
