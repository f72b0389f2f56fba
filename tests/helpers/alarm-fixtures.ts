// Test helper: an AlarmState with overrides (nested parts merge over the quiet defaults).
import type { AlarmState } from '../../shared/domain';
import { QUIET_ALARM } from '../../renderer/window-state/alarm/initial-state';

type AlarmOverrides = Omit<Partial<AlarmState>, 'flood' | 'tooQuiet' | 'sound'> & {
  flood?: Partial<AlarmState['flood']>;
  tooQuiet?: Partial<AlarmState['tooQuiet']>;
  sound?: Partial<AlarmState['sound']>;
};

export function alarmState(overrides: AlarmOverrides = {}): AlarmState {
  return {
    ...QUIET_ALARM,
    ...overrides,
    flood: { ...QUIET_ALARM.flood, ...overrides.flood },
    tooQuiet: { ...QUIET_ALARM.tooQuiet, ...overrides.tooQuiet },
    sound: { ...QUIET_ALARM.sound, ...overrides.sound },
  };
}
