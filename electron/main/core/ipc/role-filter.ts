// What a viewer may see of each payload. A silence's reason and who gave it are free text that
// operators typed, which may name a person: only a logged-on desk sees them. The wall is seen by the
// room; a desk connection nobody has logged on at is anyone who holds (or found) the desk token.
import type { ViewRole } from '../../../../shared/contract';
import type { AlarmState } from '../../../../shared/domain';

/** `loggedOn`: whether the connection has a logged-on session (a desk window or a WebSocket). */
export function forRole(role: ViewRole, name: string, payload: unknown, loggedOn: boolean): unknown {
  if (name !== 'alarm' && name !== 'getAlarm') return payload;
  if (role !== 'wall' && loggedOn) return payload;
  const alarm = payload as AlarmState;
  return alarm.silence ? { ...alarm, silence: { ...alarm.silence, reason: '', by: '' } } : alarm;
}
