// What a role may see of each payload. The wall never shows free text that operators typed (a
// silence's reason and who gave it): such text may name a person, and the wall is seen by the room.
import type { ViewRole } from '../../../../shared/contract';
import type { AlarmState } from '../../../../shared/domain';

export function forRole(role: ViewRole, name: string, payload: unknown): unknown {
  if (role !== 'wall' || (name !== 'alarm' && name !== 'getAlarm')) return payload;
  const alarm = payload as AlarmState;
  return alarm.silence ? { ...alarm, silence: { ...alarm.silence, reason: '', by: '' } } : alarm;
}
