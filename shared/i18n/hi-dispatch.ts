// Hindi strings of dispatch, confirmation and close (same keys as en-dispatch.ts).
import type { Messages } from './en';

export const hiDispatch: Pick<Messages, 'dispatch'> = {
  dispatch: {
    title: 'इकाई को भेजें',
    unit: 'इकाई',
    routed: '(निर्धारित)',
    reason: 'दूसरी इकाई का कारण',
    called: 'इकाई में किससे बात हुई',
    means: 'माध्यम',
    meansNames: { phone: 'फ़ोन', radio: 'रेडियो', cctns: 'CCTNS', in_person: 'स्वयं', other: 'अन्य' },
    reference: 'इकाई की संदर्भ संख्या',
    send: 'भेजना दर्ज करें',
    sending: 'दर्ज हो रहा है…',
    waiting: 'इकाई की पुष्टि की प्रतीक्षा',
    confirmTitle: 'इकाई की पुष्टि',
    confirmedBy: 'पुष्टि करने वाले (इकाई में)',
    confirm: 'पुष्टि दर्ज करें',
    confirmed: 'इकाई ने पुष्टि की',
    closeTitle: 'परिणाम और समापन',
    outcome: 'परिणाम',
    outcomes: {
      contacted: 'छात्र से संपर्क हुआ',
      welfare_check_done: 'कुशलता जाँच हुई',
      counselling_referral: 'परामर्श हेतु भेजा',
      hospitalised: 'अस्पताल में भर्ती',
      false_positive: 'गलत चेतावनी',
      duplicate: 'दोहराव',
      could_not_locate: 'पता नहीं चल सका',
    },
    note: 'टिप्पणी (कोई निजी विवरण नहीं)',
    close: 'फ़्लैग बंद करें',
    unconfirmed: 'इकाई की पुष्टि नहीं',
    sentTo: '{{unit}} को भेजा',
  },
};
