// English strings of the life-safety parts (issue #16): the lost feed, the guarded close and its
// undo, the guarded sign-off. Plain words for a room at 3 a.m.: what happened and what to do.
export const enSafety = {
  feedLoss: {
    head: {
      down: 'FEED DOWN — no new flags are reaching this room',
      silent: 'FEED SILENT — no new flags are reaching this room',
      unauthorised: 'FEED REFUSES OUR KEY — no new flags are reaching this room',
      bad_signature: 'FEED DATA FAILS ITS CHECK — new flags are not being accepted',
    },
    lastGood: 'Last data from the feed: {{ago}} ago. What you see is NOT live.',
    neverGood: 'No data from the feed since the console started. What you see is NOT live.',
    do: "Call the platform's duty contact now and switch to the fallback procedure (alerts by phone) until the feed is back.",
    notLive: 'NOT LIVE',
    emptyNotLive: 'No flags shown — the feed is lost, not quiet',
    errorKind: {
      unauthorised: 'the platform refuses our access key',
      bad_signature: "the feed's data fails its signature check",
      rate_limited: 'the platform asks us to slow down',
      server_error: 'the platform has a fault',
      http_error: 'the platform refused the request',
      timeout: 'the platform did not answer in time',
      network: 'the platform cannot be reached (network or platform down)',
      too_large: 'the platform sent more data than allowed',
      bad_page: 'the platform sent data that could not be read',
    },
  },
};
