// The core's refresh from the store, asked for by a timer and by other cores' notifications: one
// run at a time (a store slowed by a long report is not stacked on), and a request that comes in
// during a run gets a run after it — the change that woke it may have committed after the running
// one read the change feed, and a notification must never be answered by an older read.
export interface ChangeRefresh {
  /** A run now, or right after the one in progress. */
  request(): void;
  /** The timer's request: the same, and a store that has not answered for 5 of them is said once. */
  tick(): void;
  /** No new run starts. The one in progress is not waited for: a store that hangs must not hang the stop. */
  stop(): void;
}

export function changeRefresh(run: () => Promise<void>, log: (line: string) => void): ChangeRefresh {
  let running: Promise<void> | null = null;
  let again = false;
  let waited = 0;
  let stopped = false;

  function request(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = run()
      .catch((error: unknown) => log(`refresh failed: ${(error as Error).name}`))
      .finally(() => {
        running = null;
        waited = 0;
        if (again) request();
      });
  }

  return {
    request,
    tick() {
      if (running && ++waited === 5) log('refresh waiting: the store has not answered for 5 refresh periods');
      request();
    },
    stop() {
      stopped = true;
    },
  };
}
