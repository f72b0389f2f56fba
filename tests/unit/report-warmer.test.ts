// The core's report warmer under a fake clock: at start it makes every missing day a few per store
// call and then reads the last year through a month at a time, then makes days again every ten
// minutes; never two runs at once; a failure is logged by name only and tried again at the next
// tick; nothing after stop().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READ_THROUGH_MONTHS, startReportWarmer } from '../../electron/main/core/reports/report-warmer';
import type { ReportContext, ReportRange } from '../../electron/main/core/store/store';
import type { Report } from '../../shared/report';
import { DEFAULT_SCHEDULE } from '../../shared/shifts/schedule';

const MIN = 60_000;
const T0 = Date.parse('2027-06-01T00:00:00Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A store with `missing` days to make, `maxDays` at a time. */
function storeWith(missing: number) {
  let left = missing;
  return {
    prepareReports: vi.fn(async (_context: ReportContext, maxDays: number) => {
      const made = Math.min(left, maxDays);
      left -= made;
      return made;
    }),
    addMissing: (n: number) => (left += n),
    report: vi.fn(async (_range: ReportRange, _context: ReportContext) => ({}) as Report),
  };
}

describe('startReportWarmer', () => {
  it('makes every missing day at start, three per call, then looks again every ten minutes', async () => {
    const store = storeWith(7);
    const log = vi.fn();
    const warmer = startReportWarmer(store, { schedule: DEFAULT_SCHEDULE, log });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.prepareReports.mock.calls.map(([, maxDays]) => maxDays)).toEqual([3, 3, 3]);
    expect(store.prepareReports).toHaveBeenLastCalledWith({ schedule: DEFAULT_SCHEDULE, nowMs: T0 }, 3);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/^reports: kept the figures of 7 days in \d+ ms$/);

    store.addMissing(1); // a day dropped by a change
    await vi.advanceTimersByTimeAsync(10 * MIN - 1);
    expect(store.prepareReports).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.prepareReports).toHaveBeenCalledTimes(4);
    expect(log).toHaveBeenCalledTimes(2);
    // Nothing missing: a call, and no line.
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(store.prepareReports).toHaveBeenCalledTimes(5);
    expect(log).toHaveBeenCalledTimes(2);
    await warmer.stop();
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(store.prepareReports).toHaveBeenCalledTimes(5);
  });

  it('reads the last year through once at start, a month per call, newest first, after making the days', async () => {
    const store = storeWith(4);
    const order: string[] = [];
    store.prepareReports.mockImplementation(async () => (order.push('make'), 0));
    store.report.mockImplementation(async () => (order.push('read'), {}) as Report);
    const warmer = startReportWarmer(store, { schedule: DEFAULT_SCHEDULE, log: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['make', ...Array<string>(READ_THROUGH_MONTHS).fill('read')]);
    const MONTH = 30 * 24 * 60 * MIN;
    expect(store.report.mock.calls.map(([range]) => range)).toEqual(
      Array.from({ length: READ_THROUGH_MONTHS }, (_, i) => ({
        fromMs: T0 - (i + 1) * MONTH,
        toMs: T0 - i * MONTH,
      })),
    );
    expect(store.report).toHaveBeenCalledWith(expect.anything(), { schedule: DEFAULT_SCHEDULE, nowMs: T0 });
    // Not again at the next tick: only days are made.
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(order.slice(1 + READ_THROUGH_MONTHS)).toEqual(['make']);
    await warmer.stop();
  });

  it('runs one at a time, and logs a failure by its name only, trying again later', async () => {
    let release: (made: number) => void = () => {};
    const prepareReports = vi
      .fn<(context: ReportContext, maxDays: number) => Promise<number>>()
      .mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      .mockRejectedValueOnce(
        Object.assign(new Error('SQLITE_BUSY: flags of Zubeida'), { name: 'SqliteError' }),
      )
      .mockResolvedValue(0);
    const log = vi.fn();
    const report = vi.fn(async () => ({}) as Report);
    const warmer = startReportWarmer(
      { prepareReports, report },
      { schedule: DEFAULT_SCHEDULE, log, everyMs: MIN },
    );
    await vi.advanceTimersByTimeAsync(3 * MIN); // three ticks while the first call hangs
    expect(prepareReports).toHaveBeenCalledTimes(1);
    release(0);
    await vi.advanceTimersByTimeAsync(MIN);
    expect(prepareReports).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledWith("reports: keeping days' figures failed (SqliteError); will try again");
    expect(log.mock.calls.flat().join('\n')).not.toContain('Zubeida');
    await vi.advanceTimersByTimeAsync(MIN);
    expect(prepareReports).toHaveBeenCalledTimes(3);
    await warmer.stop();
  });
});
