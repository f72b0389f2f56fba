// Asks main for the feed health every few seconds. Main pushes only what changes, so a healthy,
// quiet link could look stale; this keeps "data age" an honest measure of the link itself.
import { useEffect } from 'react';
import type { ConsoleApi } from '../../api/connection';
import type { WindowActions } from '../../window-state/window-state';

export function useHeartbeat(api: ConsoleApi, actions: WindowActions, intervalMs: number): void {
  useEffect(() => {
    const timer = setInterval(() => {
      api.invoke('getFeedHealth', {}).then(
        (health) => {
          actions.feed.setHealth(health);
          actions.feed.heard(Date.now());
        },
        () => undefined, // a failed beat is what the data age shows
      );
    }, intervalMs);
    return () => clearInterval(timer);
  }, [api, actions, intervalMs]);
}
