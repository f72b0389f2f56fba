// The rule for taking a logon session up again on a new connection (a lost link, a core restart)
// without a new logon: the core issues a resume token at logon, bound to the device and the
// account; the client keeps it in memory only and presents it first thing on reconnect. Valid
// only within RESUME_WINDOW_MS of the moment the core last knew the session alive — long enough for
// a cable re-plugged or a core restarted, short enough that a desk left dark is logged on afresh.
// The idle lock goes on counting across the gap: a session idle past it comes back locked.

export const RESUME_WINDOW_MS = 2 * 60_000;

/** How often the core writes a live session's state (last seen, last activity, lock) to the store. */
export const RESUME_PERSIST_EVERY_MS = 10_000;

/** 32 random bytes, base64url. */
export const RESUME_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Why a resume was refused (audited as `session.resume_refused` with this word). */
export const RESUME_REFUSALS = [
  'not_offered', // this connection is not an enrolled device's (the loopback host): log on as before
  'unknown', // never issued, logged off, or already used
  'other_device', // issued to another device: the token travelled, so it is destroyed
  'expired', // the session was gone longer than the window
  'account_gone', // the account no longer exists
  'account_locked', // the account was locked (failed logons) since
] as const;
export type ResumeRefusal = (typeof RESUME_REFUSALS)[number];

/** Whether a session last known alive at `lastSeenMs` may still be resumed at `nowMs`. */
export function resumeWithinWindow(lastSeenMs: number, nowMs: number, windowMs = RESUME_WINDOW_MS): boolean {
  return nowMs - lastSeenMs <= windowMs;
}
