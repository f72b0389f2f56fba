import type { AlarmState } from '../../../shared/domain';
import type { AlarmSliceState, SoundStatus } from './initial-state';

export const alarmActions = {
  setAlarm: (state: AlarmSliceState, current: AlarmState): AlarmSliceState => ({ ...state, current }),
  setSound(state: AlarmSliceState, sound: SoundStatus, sounding: boolean): AlarmSliceState {
    return sound === state.sound && sounding === state.sounding ? state : { ...state, sound, sounding };
  },
};
