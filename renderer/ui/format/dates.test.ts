import { describe, expect, it } from 'vitest';
import { dayMonth, ddmmyyyy, parseDate } from './dates';

describe('dates, day first (issue #16)', () => {
  it('writes DD-MM-YYYY', () => {
    expect(ddmmyyyy('2026-07-11')).toBe('11-07-2026');
    expect(ddmmyyyy('2026-11-07')).toBe('07-11-2026');
  });

  it('reads day first, or year first; never month first, never a day that does not exist', () => {
    expect(parseDate('07-11-2026')).toBe('2026-11-07');
    expect(parseDate('7/11/2026')).toBe('2026-11-07');
    expect(parseDate('07.11.2026')).toBe('2026-11-07');
    expect(parseDate('2026-11-07')).toBe('2026-11-07');
    expect(parseDate('11/31/2026')).toBeNull(); // month-first: there is no 31st month
    expect(parseDate('31-02-2026')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });

  it('labels a chart day with the month name in both languages', () => {
    expect(dayMonth('2026-07-11', 'en')).toBe('11 Jul');
    expect(dayMonth('2026-11-07', 'en')).toBe('07 Nov');
    expect(dayMonth('2026-11-07', 'hi')).toMatch(/^07 नव/);
  });
});
