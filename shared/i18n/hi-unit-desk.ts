// Hindi strings of a district control room's desk (same keys as en-unit-desk.ts).
import type { enUnitDesk } from './en-unit-desk';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const hiUnitDesk: Strings<typeof enUnitDesk> = {
  unitDesk: {
    title: 'ज़िला कंट्रोल रूम: {{units}}',
    empty: 'इस इकाई को कोई फ़्लैग नहीं भेजा गया है।',
    newDispatch: '⚠ नया फ़्लैग इकाई को भेजा गया — प्राप्ति दर्ज करें ({{count}})',
    overdue: '⚠ प्राप्ति में देर — कमांड सेंटर प्रतीक्षा कर रहा है ({{count}})',
    awaitingReceipt: 'प्राप्ति की प्रतीक्षा',
    receive: 'प्राप्ति दर्ज करें',
    receivedBy: '{{name}} ने प्राप्त किया',
    receivedByPhone: 'फ़ोन पर पुष्टि: {{name}}',
    dispatchedTo: '{{unit}} को भेजा',
    officers: 'भेजे गए पुलिसकर्मी (नाम)',
    recordOfficers: 'भेजे गए पुलिसकर्मी दर्ज करें',
    officersSent: 'पुलिसकर्मी भेजे गए',
    recordContact: 'संपर्क हुआ — दर्ज करें',
    contactMade: 'संपर्क हुआ',
    outcome: 'परिणाम',
    recordOutcome: 'परिणाम दर्ज करें',
    outcomeRecorded: 'परिणाम: {{outcome}}',
    handBackTitle: 'यह इस इकाई का नहीं?',
    handBackReason: 'कारण (जैसे: हमारा क्षेत्र नहीं, छात्र बूंदी में है)',
    handBack: 'कमांड सेंटर को लौटाएँ',
    handedBack: '⚠ {{unit}} ने लौटाया — शिफ़्ट प्रभारी दोबारा भेजें',
    select: 'काम करने के लिए फ़्लैग चुनें।',
    followUpDue: 'कुशलता जाँच बाकी',
  },
  reportsUnits: {
    caption: 'इकाई के अनुसार, भेजने से: माध्यिका / लक्ष्य (लक्ष्य से अधिक)',
    unit: 'इकाई',
    dispatches: 'इकाई को भेजे गए',
    receipt: 'प्राप्ति तक',
    contact: 'संपर्क तक',
    outcome: 'परिणाम तक',
    handBacks: 'लौटाए गए',
    telephone: 'फ़ोन से',
  },
};
