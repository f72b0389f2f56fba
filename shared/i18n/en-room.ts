// English strings of the room (several desks and walls on one core): the lost link, holds and
// takeover, the room's notices, who is on, and nobody receiving flags (split from en.ts).
export const enRoom = {
  room: {
    notConnectedDesk: 'NOT CONNECTED — this desk is not receiving flags. Reconnecting…',
    notConnectedWall: 'NOT CONNECTED — this wall is not showing live flags. Reconnecting…',
    notConnectedBadge: 'NOT CONNECTED',
    revokedDesk:
      'REVOKED — this desk was removed from the room at the core and receives no flags. Ask the administrator to enrol it again.',
    revokedWall:
      'REVOKED — this wall was removed from the room at the core and shows no live flags. Ask the administrator to enrol it again.',
    revokedBadge: 'REVOKED',
    heldBy: 'Held by {{name}} at {{desk}}',
    heldAt: 'Held at {{desk}}',
    heldByYou: 'You are working this flag ({{desk}})',
    releasing: '{{desk}} is gone — back to the room in {{seconds}} s',
    takeOver: 'Take over from {{name}}',
    takeOverHelp:
      'Another operator is working this flag. Take it over only if you have agreed with them or they are away.',
    takenOver: '{{caseNo}}: taken over by {{by}} from {{from}}',
    holdReleased: "{{caseNo}} is back with the room ({{from}}'s desk went away)",
    noDesk: 'NO DESK IS RECEIVING FLAGS — flags are open and nobody is logged on at a connected desk',
    desksOn: 'Logged on: {{list}}',
    nobodyOn: 'No desk has anyone logged on',
  },
};
