// The Hindi glossary of the console: one Hindi term per concept, the words not to use, and why.
// Written for a police control room read under stress: plain current Hindi with the English loanwords
// police rooms say aloud (शिफ़्ट, हैंडओवर, कंट्रोल रूम, म्यूट, ऑडिट), and no word that means two
// things on the same screen. glossary.test.ts checks every Hindi string against it; docs/glossary.md
// is the same list for people. When you change one, change the other.
import type { Concept, LatinAllowed } from './glossary-types';

export const GLOSSARY: readonly Concept[] = [
  {
    concept: 'flag',
    use: 'फ़्लैग',
    why: 'The platform’s word, already said in the room; spelt with nukta like फ़ीड and फ़ोन.',
    avoid: [
      { term: 'फ्लैग', match: 'part', why: 'spelling: the console writes फ़्लैग (with nukta) everywhere' },
      { term: 'झंडा', why: 'a cloth flag; nobody calls an alert that' },
    ],
  },
  {
    concept: 'acknowledge',
    use: 'स्वीकार करें / स्वीकार किया गया',
    why: '"I have seen it and it is mine": the everyday verb, short on a button.',
    avoid: [
      {
        term: 'स्वीकृत',
        match: 'part',
        why: 'reads as "sanctioned/approved" (a file, a leave), not "seen and taken"',
      },
      {
        term: 'स्वीकार्य',
        match: 'part',
        why: '"acceptable" next to "acknowledge" on the reports: same root, two meanings; say सामान्य',
      },
      { term: 'मंज़ूर', match: 'part', why: 'approved, like स्वीकृत' },
    ],
  },
  {
    concept: 'dispatch',
    use: 'इकाई को भेजें / इकाई को भेजा गया',
    why: 'The operator phones the unit’s control room and passes the case on; "sent to the unit" says that.',
    avoid: [
      { term: 'रवाना', match: 'part', why: 'sending a vehicle or a party out; the operator is on the phone' },
      { term: 'रवानगी', match: 'part', why: 'as रवाना' },
      { term: 'प्रेषित', match: 'part', why: 'file-noting Sanskrit, slow to read' },
      { term: 'प्रेषण', match: 'part', why: 'file-noting Sanskrit, slow to read' },
    ],
  },
  {
    concept: 'confirm (the unit confirms it has the case)',
    use: 'पुष्टि',
    why: 'Common in news and on the phone ("पुष्टि कीजिए").',
    avoid: [
      { term: 'सत्यापन', match: 'part', why: 'police verification (tenant, character) in a police room' },
      { term: 'सत्यापित', match: 'part', why: 'as सत्यापन' },
      { term: 'अभिपुष्टि', match: 'part', why: 'heavy Sanskrit' },
    ],
  },
  {
    concept: 'close (a flag, its case finished)',
    use: 'निपटारा / निपटाया गया',
    why: '"The matter is settled": how a case is finished, and never a switched-off feed or a panel.',
    avoid: [
      {
        term: 'बंद',
        why: 'means a closed flag, a feed that is DOWN and closing a panel at once; it is kept for the panel button only',
        allowWhole: [{ hi: 'बंद करें', en: 'Close', why: 'the button that closes a panel or dialog' }],
      },
      { term: 'समापन', match: 'part', why: 'a ceremony’s closing; formal' },
    ],
  },
  {
    concept: 'close (a panel or dialog)',
    use: 'बंद करें',
    why: 'What every Hindi Windows dialog says; the only place बंद stands, always as the whole button.',
    avoid: [],
  },
  {
    concept: 'escalated (unacknowledged past its time; the alarm got louder)',
    use: '⚠ बहुत देर',
    why: 'Says what the operator must grasp: this one has waited too long.',
    avoid: [
      { term: 'अतिदेय', match: 'part', why: 'a banking word (an overdue instalment)' },
      { term: 'एस्केलेट', match: 'part', why: 'not said in Hindi police rooms' },
    ],
  },
  {
    concept: 'breach (a stage past its target)',
    use: 'समय पार (⚠ समय पार as a status)',
    why: '"The time is crossed": plain, and different from escalated (बहुत देर) as English is.',
    avoid: [
      { term: 'उल्लंघन', match: 'part', why: 'in a police room: a violation of law by a person' },
      { term: 'सीमा पार', why: 'in Rajasthan "सीमा पार" is across the border' },
      { term: 'अतिक्रमण', match: 'part', why: 'encroachment' },
    ],
  },
  {
    concept: 'silence / mute (the alarm sound, for some minutes)',
    use: 'म्यूट',
    why: 'Everyone’s phone says it; distinct from a feed that has gone quiet.',
    avoid: [{ term: 'मौन', match: 'part', why: 'means both "feed silent" and "alarm muted"' }],
  },
  {
    concept: 'sound',
    use: 'आवाज़',
    why: 'The everyday word.',
    avoid: [
      { term: 'ध्वनि', match: 'part', why: 'textbook Sanskrit' },
      { term: 'आवाज', why: 'spelling: आवाज़ with nukta' },
    ],
  },
  {
    concept: 'blocked (the browser blocks the sound)',
    use: 'रोकी गई / रोक रहा है',
    why: 'Plain verb.',
    avoid: [{ term: 'अवरुद्ध', match: 'part', why: 'heavy Sanskrit' }],
  },
  {
    concept: 'feed down',
    use: '⚠ ठप',
    why: '"सर्वर ठप", "इंटरनेट ठप": what a newspaper says of a service that has stopped working.',
    avoid: [{ term: 'डाउन', why: 'not read as Hindi by all; ठप is' }],
  },
  {
    concept: 'feed silent (no good answer for two poll intervals)',
    use: '⚠ जवाब नहीं',
    why: 'The feed does not answer; nothing to do with the alarm’s mute.',
    avoid: [
      { term: 'चुप', why: 'reads as a person keeping quiet' },
      { term: 'ख़ामोश', match: 'part', why: 'poetic' },
    ],
  },
  {
    concept: 'poll (one request to the feed) / last good poll',
    use: 'जवाब (आख़िरी सही जवाब)',
    why: 'The room cares whether the feed answered, not how it is asked.',
    avoid: [{ term: 'पोल', why: 'a pole, an election, or "पोल खुलना" (an exposé)' }],
  },
  {
    concept: 'digital signature (of the feed)',
    use: 'डिजिटल सिग्नेचर',
    why: 'Said in India of signing certificates; keeps हस्ताक्षर for the supervisor’s own signature.',
    avoid: [
      {
        term: 'हस्ताक्षर',
        match: 'part',
        onlyUnder: ['feed.'],
        why: 'the supervisor’s signature on a handover',
      },
      { term: 'डिजिटल हस्ताक्षर', why: 'as हस्ताक्षर' },
    ],
  },
  {
    concept: 'signature (the supervisor signs a handover)',
    use: 'हस्ताक्षर',
    why: 'The pen-and-paper word; a handover is signed by a person.',
    avoid: [{ term: 'सिग्नेचर', match: 'part', onlyUnder: ['handover.'], why: 'the feed’s digital signature' }],
  },
  {
    concept: 'shift',
    use: 'शिफ़्ट (plural शिफ़्टें)',
    why: 'What police rooms say ("शिफ़्ट ड्यूटी"); nukta like फ़ीड.',
    avoid: [
      { term: 'पाली', why: 'also the district Pali, shown in the same tables (district names are exempt)' },
      { term: 'पालियाँ', why: 'as पाली' },
      { term: 'पालियों', why: 'as पाली' },
      { term: 'पारी', why: 'an innings' },
      { term: 'शिफ्ट', match: 'part', why: 'spelling: शिफ़्ट with nukta' },
    ],
  },
  {
    concept: 'handover (of a shift)',
    use: 'हैंडओवर (शिफ़्ट हैंडओवर); the verb for a case passed on: सौंपना',
    why: 'The room’s own word; quicker than the Sanskrit.',
    avoid: [
      { term: 'हस्तांतरण', match: 'part', why: 'heavy Sanskrit; also a transfer of property or a prisoner' },
      { term: 'हस्तांतरित', match: 'part', why: 'as हस्तांतरण' },
    ],
  },
  {
    concept: 'supervisor',
    use: 'शिफ़्ट प्रभारी',
    why: '"प्रभारी" is the police rank-room word for the officer in charge.',
    avoid: [{ term: 'पर्यवेक्षक', match: 'part', why: 'heavy Sanskrit; an exam invigilator' }],
  },
  {
    concept: 'operator',
    use: 'ऑपरेटर',
    why: 'The loanword the room uses for the person at the desk.',
    avoid: [{ term: 'संचालक', match: 'part', why: 'a director or a machine’s operator' }],
  },
  {
    concept: 'audit / auditor',
    use: 'ऑडिट / ऑडिटर',
    why: 'The loanword; the Sanskrit is the accounts department.',
    avoid: [
      { term: 'लेखा-परीक्ष', match: 'part', why: 'accounts audit (लेखा-परीक्षक, लेखा-परीक्षित)' },
      { term: 'लेखापरीक्ष', match: 'part', why: 'as लेखा-परीक्ष' },
    ],
  },
  {
    concept: 'unit (police unit a case goes to)',
    use: 'इकाई',
    why: 'Already the word of the dispatch forms; a district control room or Kota City.',
    avoid: [{ term: 'यूनिट', why: 'one word per concept: इकाई' }],
  },
  {
    concept: 'control room',
    use: 'कंट्रोल रूम',
    why: 'What the room says on the phone ("कंट्रोल रूम से बोल रहा हूँ").',
    avoid: [{ term: 'नियंत्रण कक्ष', why: 'the signboard’s word, not the spoken one' }],
  },
  {
    concept: 'outage (of the feed: a time it was down)',
    use: 'फ़ीड ठप (रहने का समय)',
    why: 'The same word as the DOWN state it measures.',
    avoid: [
      { term: 'व्यवधान', match: 'part', why: 'heavy; and a second word for one concept' },
      { term: 'बाधा', why: 'an obstacle; a second word for one concept' },
      { term: 'बाधाएँ', why: 'as बाधा' },
      { term: 'आउटेज', match: 'part', why: 'not said in the room' },
    ],
  },
  {
    concept: 'flood (of alarms)',
    use: 'फ़्लड',
    why: 'An alarm flood; the Hindi word is a real flood, which a police room handles too.',
    avoid: [{ term: 'बाढ़', why: 'a real flood (a disaster the same room may be handling)' }],
  },
  {
    concept: 'risk levels: imminent / high / elevated',
    use: 'तत्काल / उच्च / मध्यम',
    why: 'Three levels that read as a scale; मध्यम is the lowest the feed sends, still a flag.',
    avoid: [{ term: 'बढ़ा हुआ', why: 'collides with "जोखिम बढ़ा" (risk raised) on the same row' }],
  },
  {
    concept: 'risk raised (the platform raised a flag’s risk)',
    use: '⚠ जोखिम बढ़ा',
    why: 'An event, not a level; only this phrase uses बढ़ा.',
    avoid: [],
  },
  {
    concept: 'self-harm',
    use: 'ख़ुद को नुकसान',
    why: 'Plain words a constable says to a parent.',
    avoid: [
      { term: 'आत्म-क्षति', match: 'part', why: 'heavy Sanskrit' },
      { term: 'आत्मक्षति', match: 'part', why: 'heavy Sanskrit' },
      { term: 'आत्म-हानि', match: 'part', why: 'heavy Sanskrit' },
    ],
  },
  {
    concept: 'reveal / hide (a subject’s identity)',
    use: 'दिखाएँ / छिपाएँ',
    why: 'Plain verbs; the reason is recorded either way.',
    avoid: [{ term: 'प्रकट', match: 'part', why: 'heavy; also "appeared"' }],
  },
  {
    concept: 'stale (the wall’s data is old)',
    use: '⚠ पुराना डेटा',
    why: 'Plain.',
    avoid: [{ term: 'बासी', why: 'food' }],
  },
  {
    concept: 'false positive',
    use: 'ग़लत चेतावनी',
    why: 'A warning that was wrong; nukta as elsewhere.',
    avoid: [{ term: 'गलत', why: 'spelling: ग़लत with nukta' }],
  },
  {
    concept: 'training / drill',
    use: 'प्रशिक्षण / अभ्यास',
    why: 'Both current; प्रशिक्षण marks the simulator, अभ्यास a drill.',
    avoid: [],
  },
];

/**
 * The sign that carries urgency English shows in capitals (DOWN, ESCALATED, BREACHED): Devanagari
 * has no capitals, so a Hindi string whose English has an urgent capitalised word starts with it.
 */
export const URGENCY_SIGN = '⚠';

/** Capitalised English words that are labels, not urgency: their Hindi needs no sign. */
export const CAPITALISED_LABELS: readonly string[] = [
  'TRAINING',
  'CONFIDENTIAL',
  'DRAFT',
  'SIGNED',
  'CHECK-IN',
  'DD-MM-YYYY', // a date's format, written in the Hindi placeholder as दिन-माह-वर्ष
];

/** Capitalised English words that are acronyms, not urgency. */
export const ACRONYMS: readonly string[] = ['PDF', 'CSV', 'SHA', 'IST', 'URL', 'CCTNS', 'ISA', 'PIN', 'DPDP'];

/** Latin text that may stand in a Hindi string; anything else Latin there is an English leak. */
export const LATIN_ALLOWED: readonly LatinAllowed[] = [
  {
    token: 'Digital Personal Data Protection Act',
    why: 'the Act’s title stays English: no source here gives the Gazette’s Hindi title to check against',
  },
  { token: 'English', why: 'the name of the other language, in its own script' },
  { token: 'EN', why: 'the language switch' },
  { token: 'CCTNS', why: 'the police network’s name' },
  { token: 'PDF', why: 'a file type' },
  { token: 'CSV', why: 'a file type' },
  { token: 'SHA-256', why: 'an algorithm’s name' },
  { token: 'ID', why: 'said as is' },
  { token: 'URL', why: 'said as is' },
  { token: 'IST', why: 'the time zone’s code' },
  { token: 'p90', why: 'a figure’s code, explained in the heading' },
  { token: 'ISA-18.2', why: 'a standard’s number' },
  { token: 'Enter', why: 'a key on the keyboard' },
  { token: 'A', why: 'a key on the keyboard' },
  { token: 'N', why: 'a key on the keyboard (the next flag waiting)' },
  { token: 'D', why: 'a key on the keyboard (the dispatch form)' },
  { token: 'VictorCazanave', why: 'an author’s name (map attribution)' },
  { token: 'CC BY', why: 'a licence’s name' },
];
