// The command line acts as an account too: --by names it, its password (LIFELINE_PASSWORD, or typed
// without echo, or stdin) proves it, its role must allow the command, and failures count toward the
// same lockout as at a desk. Each use is in the audit trail (session.command / logon_failed).
import { isLockedOut, LOCKOUT, type AccountRole } from '../../../shared/accounts';
import { ContractError } from '../../../shared/errors';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from '../core/accounts/passwords';
import type { Store } from '../core/store/store';
import { readSecret } from './read-secret';

export const PASSWORD_ENV = 'LIFELINE_PASSWORD';
const DESK = 'command line';

export async function authenticateActor(
  store: Pick<Store, 'getAccount' | 'recordLogonFailure' | 'updateAccount' | 'logSession'>,
  by: string,
  roles: readonly AccountRole[],
  command: string,
): Promise<string> {
  const password = await readSecret({
    envName: PASSWORD_ENV,
    prompt: `Password for ${by}: `,
    confirm: false,
    what: 'password',
  });
  const account = await store.getAccount(by);
  const at = Date.now();
  // Verified against the decoy for an unknown name: a refusal takes as long whatever the name.
  const matches = await verifyPassword(password, account?.password_hash ?? (await decoyHash()));
  if (!account || isLockedOut(account.locked_at_ms, at) || !matches) {
    await store.recordLogonFailure(by, DESK, at);
    throw new ContractError(
      'forbidden',
      `--by ${by}: name or password not recognised, or the account is locked (a lock ends by itself after ${
        LOCKOUT.lockMs / 60_000
      } minutes; see lifeline account release --break-glass).`,
    );
  }
  // As at a desk: a lock that ran its time is cleared, an old-parameter hash made again.
  const change: { lockedAtMs?: null; passwordHash?: string } = {};
  if (account.locked_at_ms !== null) change.lockedAtMs = null;
  if (needsRehash(account.password_hash)) change.passwordHash = await hashPassword(password);
  if (Object.keys(change).length > 0) await store.updateAccount(account.name, change, 'system', at);
  if (!roles.includes(account.role)) {
    await store.logSession(account.name, 'command_refused', `${DESK}: ${command}`, at);
    throw new ContractError(
      'forbidden',
      `--by ${by}: the ${account.role} role may not ${command} (${roles.join(' or ')} only).`,
    );
  }
  await store.logSession(account.name, 'command', `${DESK}: ${command}`, at);
  return account.name;
}
