// English strings of the "did you hear the test alarm?" answer (shared/sound-check.ts), spread
// into en.ts.
export const enSoundCheck = {
  soundCheck: {
    question: 'Did you hear the test alarm?',
    heard: 'I heard it',
    notHeard: 'I did not hear it',
    notRecorded: 'Answer not recorded: {{message}}',
    unchecked: 'Sound: not checked yet — use Test alarm',
    checked: 'Sound checked {{time}} by {{name}}',
    notHeardState: 'SOUND NOT HEARD at the test {{time}} ({{name}})',
    roomNotHeard: 'test alarm NOT HEARD ({{time}})',
    ownNotHeard:
      'THIS DESK DID NOT HEAR ITS TEST ALARM ({{time}}, {{name}}). Check the speakers and the volume, then test again. The wall shows it too.',
  },
};
