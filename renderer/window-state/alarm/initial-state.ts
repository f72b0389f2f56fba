import type { AlarmState } from '../../../shared/domain';

/** The window's AudioContext: 'suspended' means the browser holds it until a user gesture. */
export type ContextStatus = 'starting' | 'running' | 'suspended' | 'unavailable';

/** What the room's speakers can do, as the header and the wall show it. */
export type SoundStatus = 'starting' | 'on' | 'blocked' | 'no_output' | 'unknown' | 'unavailable';

export interface AlarmSliceState {
  readonly current: AlarmState;
  readonly context: ContextStatus;
  /** True only while a tone is looping on a running AudioContext. */
  readonly sounding: boolean;
  /** Audio output devices last counted; null when the browser cannot tell (or has not yet). */
  readonly audioOutputs: number | null;
}

/** Nothing waiting, nothing sounding: the alarm before main has said anything. */
export const QUIET_ALARM: AlarmState = {
  flagIds: [],
  highestRisk: null,
  escalatedIds: [],
  unconfirmedIds: [],
  feedAlarm: false,
  flood: { active: false, sinceMs: null, arrivalsLast10Min: 0 },
  silence: null,
  tooQuiet: { active: false, lastArrivalMs: null, thresholdMs: 0 },
  sound: { flag: null, escalated: false, feed: false },
};

export const initialAlarmState: AlarmSliceState = {
  current: QUIET_ALARM,
  context: 'starting',
  sounding: false,
  audioOutputs: null,
};
