import type { AlarmState } from '../../../shared/domain';

/** What the room's speakers can do: 'blocked' means the browser holds the AudioContext suspended. */
export type SoundStatus = 'starting' | 'on' | 'blocked' | 'unavailable';

export interface AlarmSliceState {
  readonly current: AlarmState;
  readonly sound: SoundStatus;
  /** True only while a pattern is scheduled on a running AudioContext. */
  readonly sounding: boolean;
}

export const initialAlarmState: AlarmSliceState = {
  current: { flagIds: [], highestRisk: null, feedAlarm: false },
  sound: 'starting',
  sounding: false,
};
