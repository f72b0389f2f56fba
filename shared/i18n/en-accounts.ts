// English strings of logon, the idle lock and the user on the desk.
export const enAccounts = {
  accounts: {
    bannerTitle: 'Authorised use only',
    banner:
      'This is a Rajasthan Police system holding sensitive personal data of minors. Use is restricted to authorised personnel for duties at this command centre. Every action is recorded and audited. Unauthorised access or disclosure is an offence under the IT Act, 2000 and the Digital Personal Data Protection Act, 2023.',
    accept: 'I have read this notice and accept it',
    name: 'Name',
    password: 'Password',
    logon: 'Log on',
    loggingOn: 'Checking…',
    firstRunTitle: 'First run: create the administrator',
    firstRunHint: 'No account exists yet. The administrator adds the other accounts.',
    confirm: 'Password again',
    mismatch: 'The two passwords differ.',
    create: 'Create administrator and log on',
    logoff: 'Log off',
    roles: {
      operator: 'Operator',
      supervisor: 'Supervisor',
      auditor: 'Auditor',
      administrator: 'Administrator',
      unit: 'District control room',
    },
    lockedTitle: 'Desk locked',
    lockedHint:
      '{{name}} was away for {{minutes}} min. Alarms keep sounding. Enter the password to go on, or log off.',
    unlock: 'Unlock',
    // main's refusals (shared/accounts.ts), shown in the desk's language
    logonRefused:
      'Name or password not recognised. After {{failures}} failures an account is locked for {{minutes}} minutes.',
    unlockRefused: 'Password not recognised; or log off.',
    unlockEnded:
      'Password not recognised {{failures}} times: you are logged off, and the account is locked for {{minutes}} minutes.',
  },
};
