// English strings of the need-to-know reveal on the desk.
export const enReveal = {
  reveal: {
    title: 'Identity and content',
    hidden: 'Hidden until needed. Revealing is recorded with your name and reason.',
    reason: 'Reason (e.g. "calling the unit with the address")',
    reveal: 'Reveal',
    shown: 'Revealed and recorded.',
    hide: 'Hide again',
  },
};
