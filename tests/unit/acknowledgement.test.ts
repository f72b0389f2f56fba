import { describe, expect, it } from 'vitest';
import { acknowledgementKind, awaitsAcknowledgement } from '../../shared/acknowledgement';
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
});
