// Hindi strings of the room's view of its desks and walls (see en-presence.ts).
export const hiPresence = {
  presence: {
    title: 'डेस्क और वॉल',
    connected: '{{count}} जुड़े हैं',
    desk: 'डेस्क {{number}}',
    wall: 'वॉल {{number}}',
    hidden: 'विंडो छिपी हुई',
    frozen: 'ब्राउज़र ने विंडो रोक दी',
    audioLost: '⚠ आवाज़ नहीं सुनाई देगी — ऑडियो आउटपुट गायब',
    audioBlocked: 'क्लिक होने तक आवाज़ रुकी हुई',
    audioUnknown: 'आवाज़ की पुष्टि नहीं',
    ownLost:
      '⚠ यह डेस्क अलार्म नहीं बजा सकती: इसका ऑडियो आउटपुट गायब है (हेडसेट निकला, डिवाइस बदला या म्यूट हुआ)। स्पीकर जाँचें। वॉल पर भी यह दिख रहा है।',
    thisScreen: 'यह स्क्रीन: {{name}}',
  },
};
