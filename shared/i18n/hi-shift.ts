// Hindi strings of the shift clock, the per-flag timers and the quarantine panel (same keys as
// en-shift.ts; the Messages type enforces it).
import type { Messages } from './en';

export const hiShift: Pick<Messages, 'shift' | 'timers' | 'quarantine'> = {
  shift: {
    label: 'शिफ़्ट',
    name: { morning: 'सुबह की शिफ़्ट', evening: 'शाम की शिफ़्ट', night: 'रात की शिफ़्ट' },
    handoverIn: 'हैंडओवर {{time}} में',
    handoverSoon: '⚠ हैंडओवर जल्द',
    unknown: 'शिफ़्ट अभी पता नहीं',
  },
  timers: {
    title: 'समय-सीमाएँ',
    stage: 'चरण',
    elapsed: 'बीता समय',
    target: 'लक्ष्य',
    status: 'स्थिति',
    stages: {
      acknowledge: 'स्वीकार करना',
      dispatch: 'इकाई को भेजना',
      confirm: 'इकाई की पुष्टि',
      close: 'निपटारा',
    },
    done: 'पूरा',
    running: 'चल रहा है',
    notStarted: 'शुरू नहीं हुआ',
    breached: '⚠ समय पार',
  },
  quarantine: {
    open: 'अलग रखे गए रिकॉर्ड: {{count}}',
    openNew: 'अलग रखे गए रिकॉर्ड: {{count}} — नए',
    title: 'अलग रखे गए रिकॉर्ड',
    hint: 'फ़ीड के वे रिकॉर्ड जो किसी नियम पर खरे नहीं उतरे। उनकी सामग्री नहीं रखी जाती: समय, ID संकेत और हैश के साथ प्लेटफ़ॉर्म से संपर्क करें।',
    time: 'प्राप्ति का समय (IST)',
    source: 'स्रोत',
    field: 'फ़ील्ड',
    rule: 'टूटा हुआ नियम',
    idHint: 'ID संकेत',
    hash: 'SHA-256 (पहले 12)',
    empty: 'कोई अलग रखा गया रिकॉर्ड नहीं।',
    loading: 'लोड हो रहा है…',
    failed: 'लोड नहीं हो सका: {{message}}',
    close: 'बंद करें',
    shown: 'नवीनतम {{count}} दिखाए गए',
  },
};
