// Main's account refusals are English sentences fixed in shared/accounts.ts; the known ones are shown
// in the desk's language (with the lockout's own numbers), anything else as main said it.
import type { TFunction } from 'i18next';
import { LOCKOUT, LOGON_REFUSED, UNLOCK_ENDED, UNLOCK_REFUSED } from '../../../shared/accounts';

const KNOWN: Record<string, 'accounts.logonRefused' | 'accounts.unlockRefused' | 'accounts.unlockEnded'> = {
  [LOGON_REFUSED]: 'accounts.logonRefused',
  [UNLOCK_REFUSED]: 'accounts.unlockRefused',
  [UNLOCK_ENDED]: 'accounts.unlockEnded',
};

export function accountProblem(t: TFunction, message: string): string {
  const key = KNOWN[message];
  return key ? t(key, { failures: LOCKOUT.failures, minutes: LOCKOUT.lockMs / 60_000 }) : message;
}
