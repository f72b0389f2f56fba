import { describe, expect, it } from 'vitest';
import { createWindowState } from '../window-state';
import { alarmActions } from './actions';
import { alarmState } from '../../../tests/helpers/alarm-fixtures';
import { initialAlarmState } from './initial-state';
import { activeSilence, selectEscalatedSet, selectSound } from './selectors';

const withAlarm = (alarm: typeof initialAlarmState) => ({ alarm });

describe('alarm slice', () => {
  it('starts quiet', () => {
    expect(initialAlarmState.current).toMatchObject({ flagIds: [], feedAlarm: false });
    expect(selectSound(withAlarm(initialAlarmState))).toBe('starting');
  });

  // Whether the alarm is active is decided in main (the alarm engine); the slice keeps what it sent.
  it('keeps the alarm state main sends: the unacknowledged flags and the feed alarm', () => {
    const flags = alarmActions.setAlarm(
      initialAlarmState,
      alarmState({ flagIds: ['a', 'b'], highestRisk: 'high' }),
    );
    expect(flags.current.flagIds).toEqual(['a', 'b']);
    const feed = alarmActions.setAlarm(initialAlarmState, alarmState({ feedAlarm: true }));
    expect(feed.current.feedAlarm).toBe(true);
  });

  it('grades the speakers: blocked, no output, unknown, on', () => {
    const sound = (context: 'running' | 'suspended' | 'unavailable', outputs: number | null) =>
      selectSound(
        withAlarm(
          alarmActions.setAudioOutputs(alarmActions.setPlayer(initialAlarmState, context, false), outputs),
        ),
      );
    expect(sound('suspended', 2)).toBe('blocked');
    expect(sound('unavailable', 2)).toBe('unavailable');
    expect(sound('running', 0)).toBe('no_output');
    expect(sound('running', null)).toBe('unknown');
    expect(sound('running', 1)).toBe('on');
  });

  it('records the player status and keeps identity when unchanged', () => {
    const on = alarmActions.setPlayer(initialAlarmState, 'running', true);
    expect(on.sounding).toBe(true);
    expect(alarmActions.setPlayer(on, 'running', true)).toBe(on);
    expect(alarmActions.setAudioOutputs(on, null)).toBe(on);
  });

  it('gives a stable set of escalated flags per alarm state', () => {
    const state = withAlarm(alarmActions.setAlarm(initialAlarmState, alarmState({ escalatedIds: ['a'] })));
    expect(selectEscalatedSet(state).has('a')).toBe(true);
    expect(selectEscalatedSet(state)).toBe(selectEscalatedSet(state));
  });

  it('treats a silence that has run out as no silence', () => {
    const silence = { untilMs: 1000, reason: 'Drill', by: 'SI Asha Testwal' };
    expect(activeSilence(silence, 999)).toBe(silence);
    expect(activeSilence(silence, 1000)).toBeNull();
    expect(activeSilence(null, 0)).toBeNull();
  });

  it('is bound into the window state', () => {
    const { store, actions } = createWindowState();
    actions.alarm.setAlarm(alarmState({ flagIds: ['x'], highestRisk: 'imminent' }));
    actions.alarm.setPlayer('suspended', false);
    actions.alarm.setAudioOutputs(2);
    expect(store.getState().alarm.current.highestRisk).toBe('imminent');
    expect(selectSound(store.getState())).toBe('blocked');
    expect(store.getState().alarm.audioOutputs).toBe(2);
  });
});
