import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, flagTimers } from '../../shared/timers';
import { DEFAULT_ALARM_CONFIG } from '../../electron/main/core/alarm/alarm-config';

const MIN = 60_000;

describe('per-flag timers', () => {
  it('tick against their targets and breach only past them', () => {
    const timers = flagTimers({ risk: 'imminent', receivedAtMs: 0, acknowledgedAtMs: null }, 61_000);
    expect(timers.map((t) => [t.stage, t.elapsedMs, t.breached])).toEqual([
      ['acknowledge', 61_000, true],
      ['dispatch', 61_000, false],
      ['confirm', null, false],
      ['close', 61_000, false],
    ]);
  });

  it('stop when the step is done, and confirmation runs from the dispatch', () => {
    const timers = flagTimers(
      {
        risk: 'high',
        receivedAtMs: 0,
        acknowledgedAtMs: 30_000,
        dispatchedAtMs: 4 * MIN,
        confirmedAtMs: 25 * MIN,
      },
      60 * MIN,
    );
    expect(timers[0]).toMatchObject({ elapsedMs: 30_000, breached: false });
    expect(timers[1]).toMatchObject({ elapsedMs: 4 * MIN, breached: false });
    expect(timers[2]).toMatchObject({ startMs: 4 * MIN, elapsedMs: 21 * MIN, breached: true });
    expect(timers[3]).toMatchObject({ elapsedMs: 60 * MIN, doneAtMs: null, breached: false });
  });

  it('escalates the alarm exactly when the acknowledgement target is breached', () => {
    expect(DEFAULT_ALARM_CONFIG.escalateAfterMs).toEqual(DEFAULT_TARGETS.acknowledgeMs);
  });
});
