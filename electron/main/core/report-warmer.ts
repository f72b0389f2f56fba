// Makes the report's kept days (store/report-day-cache.ts) ahead of the first report: at start, and
// again every everyMs for days a change has dropped since. Each store call makes a few days, so the
// desks' refreshes and the feed's commits interleave with a long backlog (the store has one worker).
// A failure is logged by name only and tried again at the next tick; it never stops the console.
import type { Shift } from '../../../shared/shifts/schedule';
import { startPeriodic, type PeriodicJob } from './periodic';
import type { Store } from './store/store';

export const DEFAULT_WARM_EVERY_MS = 600_000;
/** About 100 ms of the store's time per call on the million-flag seed, 170 at most (npm run bench). */
export const DEFAULT_WARM_DAYS_PER_CALL = 3;

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
  store: Pick<Store, 'warmReports'>,
  options: ReportWarmerOptions,
): ReportWarmer {
  const now = options.now ?? Date.now;
  const daysPerCall = options.daysPerCall ?? DEFAULT_WARM_DAYS_PER_CALL;
  const log = options.log ?? ((line: string) => console.log(line));

  const warmAll = async (stopped: () => boolean) => {
    const started = performance.now();
    let total = 0;
    while (!stopped()) {
      const made = await store.warmReports({ schedule: options.schedule, nowMs: now() }, daysPerCall);
      total += made;
      // Fewer than asked: none is missing any more.
      if (made < daysPerCall) break;
    }
    if (total > 0)
      log(`reports: kept the figures of ${total} days in ${Math.round(performance.now() - started)} ms`);
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
