import type { AlarmState } from '../../../shared/domain';
import type { AlarmSliceState, SoundStatus } from './initial-state';

type WithAlarm = { readonly alarm: AlarmSliceState };

export const selectAlarm = (state: WithAlarm): AlarmState => state.alarm.current;
export const selectFlood = (state: WithAlarm): AlarmState['flood'] => state.alarm.current.flood;
export const selectTooQuiet = (state: WithAlarm): AlarmState['tooQuiet'] => state.alarm.current.tooQuiet;

/**
 * The speakers as the room must see them. A running context with an unknown number of outputs is
 * 'unknown' (amber), not a failure: a browser may not say, and a false red is soon ignored.
 */
export function selectSound(state: WithAlarm): SoundStatus {
  const { context, audioOutputs } = state.alarm;
  if (context === 'starting') return 'starting';
  if (context === 'suspended') return 'blocked';
  if (context === 'unavailable') return 'unavailable';
  if (audioOutputs === 0) return 'no_output';
  return audioOutputs === null ? 'unknown' : 'on';
}

const escalatedCache = new WeakMap<AlarmState, ReadonlySet<string>>();

/** Flags unacknowledged past their escalation time, as a set (stable per AlarmState). */
export function selectEscalatedSet(state: WithAlarm): ReadonlySet<string> {
  const current = state.alarm.current;
  let set = escalatedCache.get(current);
  if (!set) {
    set = new Set(current.escalatedIds);
    escalatedCache.set(current, set);
  }
  return set;
}

/** Silence in force at `nowMs` (main clears it too; this hides it the moment it runs out). */
export function activeSilence(silence: AlarmState['silence'], nowMs: number): AlarmState['silence'] {
  return silence && silence.untilMs > nowMs ? silence : null;
}
/** Flags open and no logged-on desk connected (the core's room alarm). */
export const selectNoDesk = (state: WithAlarm): boolean => state.alarm.current.noDesk?.active === true;
