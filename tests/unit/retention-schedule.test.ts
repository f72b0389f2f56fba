// The core's retention schedule under a fake clock: a purge at start, then one every hour, never two
// at once, a failure logged by name only and retried at the next tick, and nothing after stop().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETENTION_ACTOR, startRetention } from '../../electron/main/core/retention/retention-schedule';
import { DAY_MS } from '../../electron/main/core/retention/retention-policy';
import type { PurgeResult } from '../../electron/main/core/store/store';

const HOUR = 3600_000;
const T0 = Date.parse('2027-06-01T00:00:00Z');

const counts = (over: Partial<PurgeResult> = {}): PurgeResult => ({
  cutoffMs: 0,
  flagsErased: 0,
  personalRowsDeleted: 0,
  eventsRedacted: 0,
  notesErased: 0,
  quarantineErased: 0,
  deferred: 0,
  more: false,
  walTruncated: true,
  ...over,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startRetention', () => {
  it('purges at start and then every hour, with the 90-day default and the schedule as actor', async () => {
    const purgePersonal = vi.fn(async (_olderThanMs: number, nowMs: number) =>
      counts({ cutoffMs: nowMs - 90 * DAY_MS, flagsErased: nowMs === T0 ? 2 : 0 }),
    );
    const log = vi.fn();
    const schedule = startRetention({ purgePersonal }, { now: Date.now, log });
    await vi.advanceTimersByTimeAsync(0);
    expect(purgePersonal).toHaveBeenCalledTimes(1);
    expect(purgePersonal).toHaveBeenLastCalledWith(90 * DAY_MS, T0, RETENTION_ACTOR);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(
      /erased personal fields of 2 flags closed before 2027-03-03T00:00:00.000Z/,
    );

    await vi.advanceTimersByTimeAsync(HOUR - 1);
    expect(purgePersonal).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(purgePersonal).toHaveBeenCalledTimes(2);
    expect(purgePersonal).toHaveBeenLastCalledWith(90 * DAY_MS, T0 + HOUR, RETENTION_ACTOR);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(purgePersonal).toHaveBeenCalledTimes(5);
    expect(log).toHaveBeenCalledTimes(1); // runs that erased nothing say nothing

    await schedule.stop();
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(purgePersonal).toHaveBeenCalledTimes(5);
  });

  it('takes its period and interval from the options', async () => {
    const purgePersonal = vi.fn(async () => counts());
    const schedule = startRetention(
      { purgePersonal },
      { retentionMs: 30 * DAY_MS, everyMs: 10 * 60_000, log: () => {} },
    );
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(purgePersonal).toHaveBeenCalledTimes(7);
    expect(purgePersonal).toHaveBeenLastCalledWith(30 * DAY_MS, T0 + HOUR, RETENTION_ACTOR);
    await schedule.stop();
    expect(() => startRetention({ purgePersonal }, { everyMs: 0 })).toThrow(RangeError);
  });

  it('never runs two purges at once, logs a failure without its message and tries again', async () => {
    let release: (r: PurgeResult) => void = () => {};
    const purgePersonal = vi
      .fn<(a: number, b: number, c: string) => Promise<PurgeResult>>()
      .mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      .mockImplementationOnce(async () => {
        throw Object.assign(new Error('UNIQUE failed: Zubeida Canarywala'), { name: 'SqliteError' });
      })
      .mockImplementation(async () => counts({ walTruncated: false }));
    const log = vi.fn();
    const schedule = startRetention({ purgePersonal }, { log });
    await vi.advanceTimersByTimeAsync(2 * HOUR); // the first purge is still running
    expect(purgePersonal).toHaveBeenCalledTimes(1);
    release(counts());
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(purgePersonal).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenLastCalledWith('retention: purge failed (SqliteError); will try again');
    expect(JSON.stringify(log.mock.calls)).not.toContain('Canarywala');
    expect(await schedule.runNow()).toMatchObject({ walTruncated: false });
    expect(log.mock.calls.at(-1)![0]).toMatch(/the WAL could not be truncated yet/);
    await schedule.stop();
  });
});
