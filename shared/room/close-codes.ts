// The WebSocket close a revoked device's connections end with, said once for the three places that
// speak it: the room's core (closing a revoked device's open connections, and answering its next
// upgrade with the same close), the page's client and the desktop app's link supervisor (both stop
// reconnecting on it and show REVOKED). 4000–4999 are the application's own codes.
export const REVOKED_CLOSE_CODE = 4003;
export const REVOKED_REASON = 'revoked';
