// Reloads the wall when reloadReason says so. A reload for a lost link waits until the page itself
// can be fetched again: reloading while the host is down would leave a browser error page that
// never recovers on its own.
import { useEffect, useRef } from 'react';
import { reloadReason, WALL_RECOVERY_CHECK_MS } from './wall-recovery';

function heapUsedBytes(): number | null {
  const memory = (performance as { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}

async function pageReachable(): Promise<boolean> {
  if (!location.protocol.startsWith('http')) return true;
  try {
    const response = await fetch(location.pathname, { method: 'HEAD', cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}

export function useWallRecovery(disconnectedSinceMs: number | null): void {
  const since = useRef(disconnectedSinceMs);
  useEffect(() => {
    since.current = disconnectedSinceMs;
  }, [disconnectedSinceMs]);

  useEffect(() => {
    let reloading = false;
    const timer = setInterval(() => {
      const reason = reloadReason({
        nowMs: Date.now(),
        disconnectedSinceMs: since.current,
        heapUsedBytes: heapUsedBytes(),
      });
      if (!reason || reloading) return;
      reloading = true;
      void (reason === 'memory' ? Promise.resolve(true) : pageReachable()).then((ok) => {
        if (ok) {
          console.warn(`[lifeline] wall reloading (${reason})`);
          location.reload();
        } else reloading = false;
      });
    }, WALL_RECOVERY_CHECK_MS);
    return () => clearInterval(timer);
  }, []);
}
