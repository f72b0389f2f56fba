// The one rule for noticing a silent link, used by the page's WebSocket client: ping every
// pingEveryMs; a ping left unanswered (nothing at all heard since it went) for deadAfterMs means the
// link is dead, whatever TCP says (a pulled cable sends no FIN, and TCP may not give up for minutes).
// Counted from the first unanswered ping, not from the last word heard: a page whose timers did not
// run for a while (a laptop asleep, a frozen tab, a test's clock moved forward) has not been
// ignored by the core, it has not asked; it asks again first. A silent link is still named within
// pingEveryMs + deadAfterMs (4 s), inside the room's 5 s promise.
export interface HeartbeatRule {
  pingEveryMs: number;
  deadAfterMs: number;
}
export const HEARTBEAT: Readonly<HeartbeatRule> = { pingEveryMs: 1000, deadAfterMs: 3000 };

/**
 * Whether the link is to be treated as dead: `unansweredSinceMs` is when the oldest ping still
 * unanswered went out (null when nothing sent since the last word from the core awaits an answer),
 * and `beatsSince` how many heartbeat beats the page has run since then. Both must say so: time
 * alone is fooled by a clock that jumped while a ping was on its way (one beat runs, not three).
 */
export function linkIsDead(
  unansweredSinceMs: number | null,
  nowMs: number,
  beatsSince: number,
  rule: HeartbeatRule = HEARTBEAT,
): boolean {
  return (
    unansweredSinceMs !== null &&
    nowMs - unansweredSinceMs >= rule.deadAfterMs &&
    beatsSince >= Math.floor(rule.deadAfterMs / Math.min(rule.pingEveryMs, rule.deadAfterMs / 3))
  );
}
