import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../../shared/shifts/schedule';
import { countdownMs, shiftClockOrNull } from './shift-clock';

const ist = (s: string) => Date.parse(`${s}+05:30`);

describe('shift clock for display', () => {
  it('is null until the schedule is known', () => {
    expect(shiftClockOrNull(null, 0)).toBeNull();
    expect(shiftClockOrNull([], 0)).toBeNull();
  });

  it('uses the shared rule: current shift, time to handover, warning from 30 min before', () => {
    const morning = shiftClockOrNull(DEFAULT_SCHEDULE, ist('2026-11-25T11:46:00'))!;
    expect(morning.current.id).toBe('2026-11-25:morning');
    expect(morning.msToHandover).toBe((2 * 60 + 14) * 60_000);
    expect(morning.handoverWarning).toBe(false);
    const soon = shiftClockOrNull(DEFAULT_SCHEDULE, ist('2026-11-25T13:30:00'))!;
    expect(soon.handoverWarning).toBe(true);
    const night = shiftClockOrNull(DEFAULT_SCHEDULE, ist('2026-11-26T02:00:00'))!;
    expect(night.current.id).toBe('2026-11-25:night');
  });

  it('rounds a countdown up to the minute', () => {
    expect(countdownMs(40_000)).toBe(60_000);
    expect(countdownMs(60_000)).toBe(60_000);
    expect(countdownMs(-5)).toBe(0);
    expect(countdownMs(2 * 3600_000 + 13 * 60_000 + 1)).toBe(2 * 3600_000 + 14 * 60_000);
  });
});
