import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { alarmActions } from './actions';
import { initialAlarmState } from './initial-state';
import { selectAlarmActive, selectAlarmFlagCount, selectSound } from './selectors';

describe('alarm slice', () => {
  it('starts quiet', () => {
    expect(selectAlarmActive({ alarm: initialAlarmState })).toBe(false);
    expect(selectSound({ alarm: initialAlarmState })).toBe('starting');
  });

  it('is active while any flag is unacknowledged or the feed is in alarm', () => {
    const flags = alarmActions.setAlarm(initialAlarmState, {
      flagIds: ['a', 'b'],
      highestRisk: 'high',
      feedAlarm: false,
    });
    expect(selectAlarmActive({ alarm: flags })).toBe(true);
    expect(selectAlarmFlagCount({ alarm: flags })).toBe(2);
    const feed = alarmActions.setAlarm(initialAlarmState, {
      flagIds: [],
      highestRisk: null,
      feedAlarm: true,
    });
    expect(selectAlarmActive({ alarm: feed })).toBe(true);
  });

  it('records the sound status and keeps identity when unchanged', () => {
    const on = alarmActions.setSound(initialAlarmState, 'on', true);
    expect(on.sounding).toBe(true);
    expect(alarmActions.setSound(on, 'on', true)).toBe(on);
  });

  it('is bound into the combined store', () => {
    const { store, actions } = createAppStore();
    actions.alarm.setAlarm({ flagIds: ['x'], highestRisk: 'imminent', feedAlarm: false });
    actions.alarm.setSound('blocked', false);
    expect(store.getState().alarm.current.highestRisk).toBe('imminent');
    expect(store.getState().alarm.sound).toBe('blocked');
  });
});
