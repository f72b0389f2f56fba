// Makes the report's kept days (store/report-day-cache.ts) ahead of the first report: at start, and
// again every everyMs for days a change has dropped since. Each store call makes a few days, so the
// desks' refreshes and the feed's commits interleave with a long backlog (the store has one worker).
// A failure is logged by name only and tried again at the next tick; it never stops the console.
import type { Shift } from '../../../shared/shifts/schedule';
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

export interface ReportWarmer {
  /** Makes every missing day; resolves with how many it made, or null when a call failed (logged). */
  runNow(): Promise<number | null>;
  stop(): Promise<void>;
}

export function startReportWarmer(
  store: Pick<Store, 'warmReports'>,
  options: ReportWarmerOptions,
): ReportWarmer {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? DEFAULT_WARM_EVERY_MS;
  const daysPerCall = options.daysPerCall ?? DEFAULT_WARM_DAYS_PER_CALL;
  const log = options.log ?? ((line: string) => console.log(line));
  let running: Promise<number | null> | null = null;
  let stopped = false;

  const warmAll = async () => {
    const started = performance.now();
    let total = 0;
    for (;;) {
      const made = await store.warmReports({ schedule: options.schedule, nowMs: now() }, daysPerCall);
      total += made;
      // Fewer than asked: none is missing any more.
      if (made < daysPerCall || stopped) break;
    }
    if (total > 0)
      log(`reports: kept the figures of ${total} days in ${Math.round(performance.now() - started)} ms`);
    return total;
  };

  const runNow = () => {
    if (stopped) return Promise.resolve(0);
    // Never two at once: a long backlog is not stacked on by the next tick.
    running ??= warmAll()
      .catch((error: unknown) => {
        log(`reports: keeping days' figures failed (${(error as Error)?.name ?? 'error'}); will try again`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  void runNow();
  const timer = setInterval(() => {
    if (!stopped) void runNow();
  }, everyMs);
  timer.unref?.();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
