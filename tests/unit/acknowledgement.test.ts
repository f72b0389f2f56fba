import { describe, expect, it } from 'vitest';
import { acknowledgementKind, awaitsAcknowledgement, revisionRaisesRisk } from '../../shared/acknowledgement';
import { isAlarming } from '../../electron/main/core/alarm/alarm-engine';
import { queueItem } from '../helpers/domain-fixtures';

describe('acknowledgement rule', () => {
  it('waits for a new flag and for a raised risk, and for nothing else', () => {
    expect(acknowledgementKind(queueItem('a'))).toBe('first');
    expect(acknowledgementKind(queueItem('b', { state: 'acknowledged', riskRaisePending: true }))).toBe(
      'raise',
    );
    expect(acknowledgementKind(queueItem('c', { state: 'acknowledged' }))).toBeNull();
    expect(awaitsAcknowledgement(queueItem('d', { state: 'dispatched' }))).toBe(false);
  });

  it('alarms only for what waits and is still active on the platform', () => {
    expect(isAlarming(queueItem('a', { state: 'acknowledged', riskRaisePending: true }))).toBe(true);
    expect(isAlarming(queueItem('b', { status: 'withdrawn' }))).toBe(false);
  });

  it('takes a revision as a raise only to a worse risk on a flag the room has taken up', () => {
    expect(revisionRaisesRisk({ risk: 'elevated', state: 'acknowledged' }, 'imminent')).toBe(true);
    expect(revisionRaisesRisk({ risk: 'high', state: 'closed' }, 'imminent')).toBe(true);
    expect(revisionRaisesRisk({ risk: 'elevated', state: 'new' }, 'imminent')).toBe(false); // alarms anyway
    expect(revisionRaisesRisk({ risk: 'high', state: 'dispatched' }, 'high')).toBe(false);
    expect(revisionRaisesRisk({ risk: 'high', state: 'dispatched' }, 'elevated')).toBe(false);
  });
});
