// English strings of the life-safety parts (issue #16): the lost feed, the guarded close and its
// undo, the guarded sign-off. Plain words for a room at 3 a.m.: what happened and what to do.
export const enSafety = {
  feedLoss: {
    head: {
      down: 'FEED DOWN — no new flags are reaching this room',
      silent: 'FEED SILENT — no new flags are reaching this room',
      unauthorised: 'FEED REFUSES OUR KEY — no new flags are reaching this room',
      bad_signature: 'FEED DATA FAILS ITS CHECK — new flags are not being accepted',
      store_unreachable: 'STORE UNREACHABLE — this console cannot reach its database; the queue is not live',
    },
    lastGood: 'Last data from the feed: {{ago}} ago. What you see is NOT live.',
    neverGood: 'No data from the feed since the console started. What you see is NOT live.',
    do: "Call the platform's duty contact now and switch to the fallback procedure (alerts by phone) until the feed is back.",
    // STORE UNREACHABLE: the platform is not at fault, this console is; another console may still be live.
    doStore:
      'This console has lost its database. Use a desk on the other console (or call the supervisor), and switch to the fallback procedure (alerts by phone) until it is back.',
    // No core polls (a takeover): another console should take the feed within seconds.
    doTakeover:
      'No console is polling the feed; another console should take it over within seconds. If this stays, call the supervisor and switch to the fallback procedure (alerts by phone).',
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
      store_unreachable: 'this console cannot reach its database',
      no_poller: 'no console is polling the feed (a takeover is under way)',
    },
  },
  closeSafety: {
    choose: '— choose the outcome —',
    chooseFirst: 'Choose the outcome first.',
    reason: 'Reason for closing a flag of {{risk}} risk without sending a unit (required)',
    reasonFirst: 'Write the reason first (at least {{min}} characters).',
    confirm:
      'Close {{caseNo}} ({{risk}} risk) as "{{outcome}}" WITHOUT sending any unit? The student gets no police contact.',
    yes: 'Yes, close without a unit',
    no: 'Go back',
    closed: '{{caseNo}} closed: {{outcome}}.',
    undo: 'Undo ({{m}}:{{s}} left)',
    dismiss: 'Hide this message',
  },
  signSafety: {
    confirm:
      'Sign as {{name}}? Signing freezes this handover: the counts, the roster and the notes can never be changed after.',
    rosterEmpty:
      'The roster is EMPTY: the record will say nobody was on duty at any desk. Save the roster first unless that is true.',
    yes: 'Yes, sign and freeze',
    no: 'Go back',
    receiveOther:
      'Signed by {{name}}. The incoming supervisor logs on at this desk to receive it — the signer cannot receive his own handover.',
    noUser: 'Log on as a supervisor to sign or receive.',
  },
  queueGroups: {
    needs: 'NEEDS SOMEONE ({{count}})',
    worked: 'Being worked ({{count}})',
    wallNeedsNone: 'Needs someone: nobody waits',
  },
  keys: {
    skip: 'Skip to the queue',
    notWaiting: 'A: {{caseNo}} is already acknowledged — nothing to acknowledge.',
    noneWaiting: 'N: no flag needs someone now.',
    ackFirst: 'D: acknowledge {{caseNo}} first (A).',
    notDispatchable: 'D: {{caseNo}} is already dispatched or closed.',
  },
  words: {
    chooseUnit: 'Choose the unit first: the supervisor decides where to send it.',
    whoCalled: 'Write who was called at the unit.',
  },
  lockRoom: {
    unack: 'Unacknowledged flags: {{count}}',
    feed: 'Feed: {{state}}',
    store: 'This console cannot reach its database — NOT LIVE',
  },
  printPage: {
    pageOf: 'Page {{page}} of {{pages}}',
    draft: 'DRAFT — not signed',
  },
  dates: { placeholder: 'DD-MM-YYYY' },
  mapList: { title: 'Most open flags' },
};
