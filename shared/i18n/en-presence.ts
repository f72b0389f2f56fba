// English strings of the room's view of its desks and walls (shared/presence.ts): which are seen
// and which can sound the alarm (split from en.ts, which spreads them in).
export const enPresence = {
  presence: {
    title: 'Desks and walls',
    connected: '{{count}} connected',
    desk: 'Desk {{number}}',
    wall: 'Wall {{number}}',
    hidden: 'window hidden',
    frozen: 'window frozen by the browser',
    audioLost: 'CANNOT HEAR — audio output lost',
    audioBlocked: 'sound blocked until someone clicks it',
    audioUnknown: 'sound not confirmed',
    ownLost:
      'THIS DESK CANNOT SOUND THE ALARM: its audio output is gone (headset unplugged, device changed or switched off). Check the speakers. The wall shows it too.',
    thisScreen: 'this screen: {{name}}',
  },
};
