// Makes the report's kept days (store/report-day-cache.ts) ahead of the first report: at start, and
// again every everyMs for days a change has dropped since. Each store call makes a few days, so the
// desks' refreshes and the feed's commits interleave with a long backlog (the store has one worker).
// A failure is logged by name only and tried again at the next tick; it never stops the console.
// Once at start, when the days are made, it also reads the last year through, a month per call, so
// the first report after a start finds the worker's code optimised and its page cache full: on the
// million-flag store a first year took 0.76 and 1.25 s in the worker, and 0.37 and 0.49 s after the
// read-through (which took 1.2–1.4 s of the worker's time in 12 calls; 2026-12-02).
import type { Shift } from '../../../../shared/shifts/schedule';
import { startPeriodic, type PeriodicJob } from '../periodic';
import type { Store } from '../store/store';

export const DEFAULT_WARM_EVERY_MS = 600_000;
/** About 100 ms of the store's time per call on the million-flag seed, 170 at most (npm run bench). */
export const DEFAULT_WARM_DAYS_PER_CALL = 3;
/** The read-through at start: this many months back, one report per store call (about 100 ms each). */
export const READ_THROUGH_MONTHS = 12;
const MONTH_MS = 30 * 24 * 3600_000;

export interface ReportWarmerOptions {
  schedule: readonly Shift[];
  now?: () => number;
  everyMs?: number;
  daysPerCall?: number;
  /** One line per run that made days, or failed; counts only. */
  log?: (line: string) => void;
}

/** runNow() makes every missing day; resolves with how many it made, or null when a call failed (logged). */
export type ReportWarmer = PeriodicJob<number | null>;

export function startReportWarmer(
  store: Pick<Store, 'prepareReports' | 'report'>,
  options: ReportWarmerOptions,
): ReportWarmer {
  const now = options.now ?? Date.now;
  const daysPerCall = options.daysPerCall ?? DEFAULT_WARM_DAYS_PER_CALL;
  const log = options.log ?? ((line: string) => console.log(line));
  /** Until the read-through at start has been done (a failed one is tried again at the next tick). */
  let readThrough = true;

  const warmAll = async (stopped: () => boolean) => {
    const started = performance.now();
    let total = 0;
    while (!stopped()) {
      const made = await store.prepareReports({ schedule: options.schedule, nowMs: now() }, daysPerCall);
      total += made;
      // Fewer than asked: none is missing any more.
      if (made < daysPerCall) break;
    }
    if (total > 0)
      log(`reports: kept the figures of ${total} days in ${Math.round(performance.now() - started)} ms`);
    if (!readThrough) return total;
    const context = { schedule: options.schedule, nowMs: now() };
    for (let month = 0; month < READ_THROUGH_MONTHS && !stopped(); month++)
      await store.report(
        { fromMs: context.nowMs - (month + 1) * MONTH_MS, toMs: context.nowMs - month * MONTH_MS },
        context,
      );
    readThrough = false;
    return total;
  };

  return startPeriodic(
    (stopped) =>
      warmAll(stopped).catch((error: unknown) => {
        log(`reports: keeping days' figures failed (${(error as Error)?.name ?? 'error'}); will try again`);
        return null;
      }),
    options.everyMs ?? DEFAULT_WARM_EVERY_MS,
  );
}
