import type { AlarmState } from '../../../shared/domain';
import type { AlarmSliceState, SoundStatus } from './initial-state';

type WithAlarm = { readonly alarm: AlarmSliceState };

export const selectAlarm = (state: WithAlarm): AlarmState => state.alarm.current;
export const selectAlarmFlagCount = (state: WithAlarm): number => state.alarm.current.flagIds.length;
export const selectFeedAlarm = (state: WithAlarm): boolean => state.alarm.current.feedAlarm;
export const selectAlarmActive = (state: WithAlarm): boolean =>
  state.alarm.current.flagIds.length > 0 || state.alarm.current.feedAlarm;
export const selectSound = (state: WithAlarm): SoundStatus => state.alarm.sound;
export const selectSounding = (state: WithAlarm): boolean => state.alarm.sounding;
