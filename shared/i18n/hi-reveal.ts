// Hindi strings of the need-to-know reveal (same keys as en-reveal.ts).
import type { Messages } from './en';

export const hiReveal: Pick<Messages, 'reveal'> = {
  reveal: {
    title: 'पहचान और सामग्री',
    hidden: 'आवश्यकता होने तक छिपी है। देखने पर आपका नाम और कारण दर्ज होता है।',
    reason: 'कारण (जैसे "पते के साथ इकाई को फ़ोन")',
    reveal: 'दिखाएँ',
    shown: 'दिखाया गया और दर्ज हुआ।',
    hide: 'फिर छिपाएँ',
  },
};
