// The one rule for noticing a silent link, used by the page's WebSocket client and by the Node
// tests' client alike: ping every PING_EVERY_MS; no answer to anything for DEAD_AFTER_MS means the
// link is dead, whatever TCP says (a pulled cable sends no FIN, and TCP may not give up for minutes).
// 1 s + 3 s keeps "NOT CONNECTED" well inside the room's 5 s promise, with a second of slack for a
// busy page's late timers.
export interface HeartbeatRule {
  pingEveryMs: number;
  deadAfterMs: number;
}
export const HEARTBEAT: Readonly<HeartbeatRule> = { pingEveryMs: 1000, deadAfterMs: 3000 };

/** Whether the link is to be treated as dead, from when anything was last heard on it. */
export function linkIsDead(lastHeardAtMs: number, nowMs: number, rule: HeartbeatRule = HEARTBEAT): boolean {
  return nowMs - lastHeardAtMs >= rule.deadAfterMs;
}
