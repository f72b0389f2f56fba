// The report's worst shift (issue #16, item 10): the rule in core/store/report/alarm-load-peaks.ts.
import { describe, expect, it } from 'vitest';
import { floodWithin, worstShift } from '../../electron/main/core/store/report/alarm-load-peaks';

const H = 3600_000;
const shift = (shiftId: string, fromMs: number, windowMs: number, alarms: number) => ({
  shiftId,
  shiftKey: shiftId.slice(11),
  startMs: fromMs,
  fromMs,
  windowMs,
  operators: 1,
  alarms,
  per10Min: null,
});

describe('floodWithin', () => {
  it('clips each flood to the span, a flood still on running to its end', () => {
    const floods = [
      { startMs: -H, endMs: H },
      { startMs: 5 * H, endMs: null },
    ];
    expect(floodWithin(floods, 0, 8 * H)).toBe(H + 3 * H);
    expect(floodWithin(floods, 2 * H, 4 * H)).toBe(0);
  });
});

describe('worstShift', () => {
  it('names the shift with the most alarms, with its own rate and flood share', () => {
    const shifts = [shift('2026-12-01:morning', 0, 8 * H, 4), shift('2026-12-01:evening', 8 * H, 8 * H, 30)];
    expect(worstShift(shifts, [{ startMs: 9 * H, endMs: 11 * H }])).toEqual({
      shiftId: '2026-12-01:evening',
      startMs: 8 * H,
      windowMs: 8 * H,
      alarms: 30,
      per10Min: 30 / 48,
      floodMs: 2 * H,
      floodShare: 0.25,
    });
  });

  it('ranks by count, not rate: a shift cut to minutes by the range does not win with one alarm', () => {
    const shifts = [shift('2026-12-01:morning', 0, 8 * H, 5), shift('2026-12-01:evening', 8 * H, 60_000, 1)];
    expect(worstShift(shifts, [])?.shiftId).toBe('2026-12-01:morning');
  });

  it('breaks a tie by time in flood, then by the later shift', () => {
    const a = shift('2026-12-01:morning', 0, 8 * H, 3);
    const b = shift('2026-12-01:evening', 8 * H, 8 * H, 3);
    expect(worstShift([a, b], [{ startMs: H, endMs: 2 * H }])?.shiftId).toBe('2026-12-01:morning');
    expect(worstShift([a, b], [])?.shiftId).toBe('2026-12-01:evening');
  });

  it('is null when no shift had an alarm or a flood', () => {
    expect(worstShift([shift('2026-12-01:morning', 0, 8 * H, 0)], [])).toBeNull();
    expect(worstShift([], [])).toBeNull();
    // A flood alone (its alarms counted elsewhere) still makes a shift worth naming.
    expect(worstShift([shift('2026-12-01:morning', 0, 8 * H, 0)], [{ startMs: 0, endMs: H }])).toMatchObject({
      floodShare: 1 / 8,
    });
  });
});
