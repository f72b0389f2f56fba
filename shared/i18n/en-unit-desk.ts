// English strings of a district control room's desk (the unit role) and of what the command
// centre sees of a unit's receipt, steps and hand-back.
export const enUnitDesk = {
  unitDesk: {
    title: 'District control room: {{units}}',
    empty: 'No flag is dispatched to this unit.',
    newDispatch: 'NEW DISPATCH — acknowledge receipt ({{count}})',
    overdue: 'RECEIPT OVERDUE — the command centre is waiting ({{count}})',
    awaitingReceipt: 'Awaiting receipt',
    receive: 'Acknowledge receipt',
    receivedBy: 'Received by {{name}}',
    receivedByPhone: 'Confirmed by telephone: {{name}}',
    dispatchedTo: 'Dispatched to {{unit}}',
    officers: 'Officers sent (names)',
    recordOfficers: 'Record officers sent',
    officersSent: 'Officers sent',
    recordContact: 'Record contact made',
    contactMade: 'Contact made',
    outcome: 'Outcome',
    recordOutcome: 'Record outcome',
    outcomeRecorded: 'Outcome: {{outcome}}',
    handBackTitle: 'Not for this unit?',
    handBackReason: 'Why (for example: not in our area, student is in Bundi)',
    handBack: 'Hand back to the command centre',
    handedBack: 'HANDED BACK by {{unit}} — supervisor to route again',
    select: 'Select a flag to act on it.',
    followUpDue: 'Welfare check-in due',
  },
};
