// Hindi strings of the "did you hear the test alarm?" answer (see en-sound-check.ts).
export const hiSoundCheck = {
  soundCheck: {
    question: 'क्या जाँच वाले अलार्म की आवाज़ सुनाई दी?',
    heard: 'हाँ, सुनाई दी',
    notHeard: 'नहीं, सुनाई नहीं दी',
    notRecorded: 'जवाब दर्ज नहीं हुआ: {{message}}',
    unchecked: 'आवाज़: अभी जाँची नहीं — "अलार्म जाँचें" दबाएँ',
    checked: 'आवाज़ जाँची गई {{time}}, {{name}} ने',
    notHeardState: '⚠ आवाज़: जाँच में सुनाई नहीं दी {{time}} ({{name}})',
    roomNotHeard: '⚠ जाँच का अलार्म सुनाई नहीं दिया ({{time}})',
    ownNotHeard:
      '⚠ इस डेस्क पर जाँच का अलार्म सुनाई नहीं दिया ({{time}}, {{name}})। स्पीकर और वॉल्यूम जाँचें, फिर दोबारा जाँचें। वॉल पर भी यह दिख रहा है।',
  },
};
