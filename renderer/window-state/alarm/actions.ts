import type { AlarmState } from '../../../shared/domain';
import type { AlarmSliceState, ContextStatus } from './initial-state';

export const alarmActions = {
  setAlarm: (state: AlarmSliceState, current: AlarmState): AlarmSliceState => ({ ...state, current }),
  setPlayer(state: AlarmSliceState, context: ContextStatus, sounding: boolean): AlarmSliceState {
    return context === state.context && sounding === state.sounding ? state : { ...state, context, sounding };
  },
  setAudioOutputs(state: AlarmSliceState, audioOutputs: number | null): AlarmSliceState {
    return audioOutputs === state.audioOutputs ? state : { ...state, audioOutputs };
  },
};
