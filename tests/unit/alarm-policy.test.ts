import { describe, expect, it } from 'vitest';
import { computeAlarmState, sameAlarmState } from '../../electron/main/core/alarm/alarm-policy';
import { queueItem } from '../helpers/domain-fixtures';

const item = queueItem;

describe('alarm policy', () => {
  it('sounds for new active flags only, at the highest risk among them', () => {
    const state = computeAlarmState(
      [
        item('a', { risk: 'elevated' }),
        item('b', { risk: 'imminent', state: 'acknowledged' }),
        item('c', { risk: 'high' }),
        item('d', { risk: 'imminent', status: 'withdrawn' }),
      ],
      { alarm: false },
    );
    expect(state).toEqual({ flagIds: ['a', 'c'], highestRisk: 'high', feedAlarm: false });
  });

  it('is silent with nothing unacknowledged, but carries the feed alarm', () => {
    expect(computeAlarmState([item('a', { state: 'acknowledged' })], { alarm: true })).toEqual({
      flagIds: [],
      highestRisk: null,
      feedAlarm: true,
    });
  });

  it('compares states by content', () => {
    const a = computeAlarmState([item('x')], { alarm: false });
    expect(sameAlarmState(a, computeAlarmState([item('x')], { alarm: false }))).toBe(true);
    expect(sameAlarmState(a, computeAlarmState([item('x')], { alarm: true }))).toBe(false);
  });
});
