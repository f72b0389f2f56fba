// English strings of routing: the responsible unit, what it rests on, and when the supervisor decides.
export const enRouting = {
  routing: {
    unit: 'Responsible unit',
    supervisorDecides: 'Supervisor decides',
    outcome: {
      unit: 'the unit is not in the table of police units',
      'outside-rajasthan': 'the location is outside Rajasthan',
      unknown: 'the location does not say where the student is',
      conflict: 'the location contradicts itself (city and district disagree)',
      ambiguous: 'the city is the name of places in more than one district',
    },
    // The supervisor's question and the likely units (renderer/features/dispatch/RouteCandidates.tsx).
    question: '{{districts}}?',
    or: ' or ',
    candidates: 'Likely units, most likely first',
    choose: 'Choose',
    chosenReason: 'Supervisor chose among the likely units: {{districts}}',
    alsoPossible: 'also possible: {{districts}}',
    basis: {
      city: 'by city',
      district: 'by district',
      pincode: 'by PIN code',
      coordinates: 'by coordinates',
      none: 'no location',
    },
    confidence: { high: 'high confidence', medium: 'medium confidence', low: 'low confidence — check' },
  },
  map: {
    title: 'Open flags by district',
    kotaCity: 'Kota City',
    unplaced: 'Supervisor decides',
    area: '{{name}}: {{count}} open',
    showing: 'Showing {{name}} only',
    showAll: 'Show all',
    attribution: 'Outline © VictorCazanave (CC BY 4.0); districts approximate',
  },
};
