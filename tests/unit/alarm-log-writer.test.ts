import { describe, expect, it } from 'vitest';
import { entriesThisCoreLogs } from '../../electron/main/core/alarm/alarm-log-writer';
import { ALARM_LOG_KINDS, type AlarmLogEntry } from '../../electron/main/core/store/store';

const every: AlarmLogEntry[] = ALARM_LOG_KINDS.map((kind, i) => ({ atMs: i, kind, actor: null, detail: {} }));

describe('the alarm log entries a core writes', () => {
  it('the polling core (and SQLite’s one core) writes every entry its engine makes', () => {
    expect(entriesThisCoreLogs(every, true)).toEqual(every);
  });

  it('a waiting core writes only what is its own, so the alarm-load report counts the room once', () => {
    expect(entriesThisCoreLogs(every, false).map((e) => e.kind)).toEqual([
      'silence',
      'silence_cancelled',
      'silence_expired',
      'test_alarm',
      'no_desk_start',
      'no_desk_end',
    ]);
  });
});
