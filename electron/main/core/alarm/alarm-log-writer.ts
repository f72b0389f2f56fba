// Which of the alarm engine's log entries this core writes. Every core decides the room's alarm from
// the same shared state (the open flags, the polling core's feed health, the stored silence), so
// each would log the same flood, escalation, feed alarm and unconfirmed dispatch: the alarm-load
// report would count them once per core. Those are written by the polling core alone (on SQLite's
// one core, always). What differs by core is its own: "no desk is receiving flags" is about the
// desks of this core's room. Silence entries are written with the stored silence (shared-silence.ts).
import type { AlarmLogEntry, AlarmLogKind } from '../store/store';

const ROOM_WIDE: ReadonlySet<AlarmLogKind> = new Set([
  'flood_start',
  'flood_end',
  'escalated',
  'feed_alarm_start',
  'feed_alarm_end',
  'dispatch_unconfirmed',
]);

export function entriesThisCoreLogs(entries: AlarmLogEntry[], polling: boolean): AlarmLogEntry[] {
  return polling ? entries : entries.filter((entry) => !ROOM_WIDE.has(entry.kind));
}
