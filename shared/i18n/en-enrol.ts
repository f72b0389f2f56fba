// English strings of the desktop app's enrolment screen (`lifeline-console --enrol`).
export const enEnrol = {
  enrol: {
    title: 'Join this computer to the room',
    intro:
      'At the core, the administrator runs "lifeline device enrol". Type the core\'s address and the code from there, and check the fingerprint with them.',
    address: "The core's address",
    addressHint: 'https://host:port, exactly as printed at the core',
    check: 'Check the core',
    fingerprint: "The core's fingerprint (SHA-256)",
    compare:
      'Compare every pair with the fingerprint printed at the core. If any pair differs, stop: this is not your core. Call the administrator.',
    matches: 'Every pair matches the fingerprint printed at the core',
    code: 'Enrolment code',
    codeHint: 'twelve characters in three groups of four; it works once, for a few minutes',
    send: 'Enrol this computer',
    busy: 'Working…',
    enrolled: 'Enrolled as {{name}} ({{kind}}). The credential is kept in this computer’s keychain.',
    enrolled_units:
      'A district control room’s desk, for {{units}}: it shows only their flags, and only their unit accounts log on here.',
    kind_desk: 'desk',
    kind_wall: 'wall',
    start: 'Start as {{name}}',
    errors: {
      invalid_address: 'Type the address exactly as printed at the core (https://host:port).',
      invalid_code: 'The code has twelve characters in three groups of four.',
      unreachable: 'No core answered at this address. Check the address and the network.',
      fingerprint_changed:
        'The core now presents another certificate than the one you checked. Nothing was sent. Check the fingerprint again.',
      code_refused:
        'The core refused the code: it is wrong, used, expired or withdrawn. Ask the administrator for a new one.',
      rate_limited: 'Too many attempts from this computer. Wait a minute and try again.',
      keychain_unavailable:
        'This computer’s keychain cannot keep the credential safely. Unlock the keyring (or sign in to the OS), then try again. The code was not used.',
      failed: 'Enrolment failed. Try again, or ask the administrator.',
    },
  },
};
