// Hindi strings of logon, the idle lock and the user on the desk (same keys as en-accounts.ts).
import type { Messages } from './en';

export const hiAccounts: Pick<Messages, 'accounts'> = {
  accounts: {
    bannerTitle: 'केवल अधिकृत उपयोग',
    banner:
      'यह राजस्थान पुलिस की प्रणाली है जिसमें नाबालिगों का संवेदनशील व्यक्तिगत डेटा है। इसका उपयोग केवल इस कमांड सेंटर के कार्य हेतु अधिकृत कर्मियों तक सीमित है। हर कार्रवाई दर्ज होती है और उसका ऑडिट होता है। अनधिकृत पहुँच या जानकारी किसी और को देना आईटी अधिनियम, 2000 और Digital Personal Data Protection Act, 2023 के अंतर्गत अपराध है।',
    accept: 'मैंने यह सूचना पढ़ी है और स्वीकार करता/करती हूँ',
    name: 'नाम',
    password: 'पासवर्ड',
    logon: 'लॉग ऑन',
    loggingOn: 'जाँच हो रही है…',
    firstRunTitle: 'पहली बार: प्रशासक बनाएँ',
    firstRunHint: 'अभी कोई खाता नहीं है। प्रशासक बाकी खाते जोड़ता है।',
    confirm: 'पासवर्ड दोबारा',
    mismatch: 'दोनों पासवर्ड अलग हैं।',
    create: 'प्रशासक बनाएँ और लॉग ऑन करें',
    logoff: 'लॉग ऑफ़',
    roles: {
      operator: 'ऑपरेटर',
      supervisor: 'शिफ़्ट प्रभारी',
      auditor: 'ऑडिटर',
      administrator: 'प्रशासक',
      unit: 'ज़िला कंट्रोल रूम',
    },
    lockedTitle: 'डेस्क लॉक है',
    lockedHint: '{{name}} {{minutes}} मिनट से दूर थे। अलार्म बजते रहेंगे। आगे बढ़ने के लिए पासवर्ड डालें, या लॉग ऑफ़ करें।',
    unlock: 'अनलॉक',
    logonRefused:
      'नाम या पासवर्ड नहीं पहचाना गया। {{failures}} बार ग़लत होने पर खाता {{minutes}} मिनट के लिए लॉक हो जाता है।',
    unlockRefused: 'पासवर्ड नहीं पहचाना गया; या लॉग ऑफ़ करें।',
    unlockEnded:
      'पासवर्ड {{failures}} बार नहीं पहचाना गया: आपको लॉग ऑफ़ कर दिया गया है, और खाता {{minutes}} मिनट के लिए लॉक है।',
  },
};
