// The one reconnect rule of every client of the room: the page's WebSocket client and the desktop
// app's main process (electron/main/core/net/link-supervisor.ts) back off alike.
/** Reconnect delays: quick at first (a host restart takes a second), never slower than every 5 s. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5000, 250 * 2 ** Math.max(0, attempt));
  // Jitter so several desks do not hammer a restarting host in lockstep.
  return Math.round(base * (0.8 + 0.4 * random()));
}
