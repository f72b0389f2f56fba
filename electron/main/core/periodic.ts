// A background job of the core run at start and every everyMs (the retention purge, the report's
// kept days): never two runs at once, so a slow run is not stacked on by the next tick, and stop()
// waits for the run in progress. A run handles its own errors; `stopped` lets a long one end early.
export interface PeriodicJob<T> {
  runNow(): Promise<T>;
  stop(): Promise<void>;
}

export function startPeriodic<T>(
  run: (stopped: () => boolean) => Promise<T>,
  everyMs: number,
): PeriodicJob<T> {
  let running: Promise<T> | null = null;
  let stopped = false;
  const isStopped = () => stopped;
  const runNow = () =>
    (running ??= run(isStopped).finally(() => {
      running = null;
    }));

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
