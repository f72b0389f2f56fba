import { describe, expect, it } from 'vitest';
import { elapsedParts, formatMinutes } from './elapsed';
import { formatIst, formatIstMinute, formatIstPeriod } from './ist';

describe('formatting', () => {
  it('writes elapsed time in the largest two units', () => {
    expect(elapsedParts(-500)).toEqual({ key: 'seconds', values: { s: '0' } });
    expect(elapsedParts(42_000)).toEqual({ key: 'seconds', values: { s: '42' } });
    expect(elapsedParts(192_000)).toEqual({ key: 'minutes', values: { m: '3', s: '12' } });
    expect(elapsedParts(3_845_000)).toEqual({ key: 'hours', values: { h: '1', m: '04' } });
    expect(elapsedParts(90_000_000)).toEqual({ key: 'days', values: { d: '1', h: '1' } });
  });

  it('shows times in IST whatever the machine zone', () => {
    const ms = Date.parse('2026-11-25T04:44:51Z'); // 10:14:51 IST
    expect(formatIst(ms, 'en')).toContain('10:14:51');
    expect(formatIst(ms, 'en')).toMatch(/IST$/);
    expect(formatIst(ms, 'hi')).toContain('10:14:51');
    expect(formatIstMinute(ms, 'en')).toMatch(/25 Nov 2026.*10:14 IST$/);
    expect(formatIstMinute(ms, 'hi')).not.toContain('10:14:51');
  });

  it('writes a period with the date once when it stays within one IST day', () => {
    const at = (s: string) => Date.parse(`${s}+05:30`);
    expect(formatIstPeriod(at('2026-11-25T14:00:00'), at('2026-11-25T22:00:00'), 'en')).toBe(
      '25 Nov 2026, 14:00 – 22:00 IST',
    );
    expect(formatIstPeriod(at('2026-11-25T22:00:00'), at('2026-11-26T06:00:00'), 'en')).toBe(
      '25 Nov 2026, 22:00 – 26 Nov 2026, 06:00 IST',
    );
  });

  it('formats a non-ticking duration to the minute', () => {
    const t = (key: string, v: Record<string, string>) => `${key}:${Object.values(v).join(',')}`;
    expect(formatMinutes(t, 42 * 60_000 + 59_000)).toBe('time.minutesOnly:42');
    expect(formatMinutes(t, 3 * 3600_000 + 5 * 60_000)).toBe('time.hours:3,05');
    expect(formatMinutes(t, -5)).toBe('time.minutesOnly:0');
  });
});
