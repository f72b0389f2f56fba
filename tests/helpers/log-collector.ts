// A host's log lines kept for a test, and a wait for a line to appear: woken by each new line, never
// by a timer. Shared by the loopback host's rig and the room's.
export interface LogCollector {
  readonly logs: string[];
  /** Hand this to the host as its `log`. */
  log(line: string): void;
  /** The first line matching, as soon as it is logged. */
  waitForLog(pattern: RegExp): Promise<string>;
}

export function logCollector(): LogCollector {
  const logs: string[] = [];
  const waiters: (() => void)[] = [];
  return {
    logs,
    log(line) {
      logs.push(line);
      for (const wake of waiters.splice(0)) wake();
    },
    async waitForLog(pattern) {
      for (;;) {
        const found = logs.find((line) => pattern.test(line));
        if (found) return found;
        await new Promise<void>((wake) => waiters.push(wake));
      }
    },
  };
}
