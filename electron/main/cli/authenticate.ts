// The command line acts as an account too: --by names it, its password (LIFELINE_PASSWORD, or typed
// without echo, or stdin) proves it, its role must allow the command, and failures count toward the
// same lockout as at a desk. Each use is in the audit trail (session.command / logon_failed).
import type { AccountRole } from '../../../shared/accounts';
import { ContractError } from '../../../shared/errors';
import { verifyPassword } from '../core/accounts/passwords';
import { getAccount, logSession, recordLogonFailure } from '../core/store/account-queries';
import type { SqliteDatabase } from '../core/store/open-database';
import { readSecret } from './read-secret';

export const PASSWORD_ENV = 'LIFELINE_PASSWORD';
const DESK = 'command line';

export async function authenticateActor(
  db: SqliteDatabase,
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
  const account = getAccount(db, by);
  const at = Date.now();
  if (!account || account.locked_at_ms !== null || !verifyPassword(password, account.password_hash)) {
    recordLogonFailure(db, by, DESK, at);
    throw new ContractError(
      'forbidden',
      `--by ${by}: name or password not recognised, or the account is locked.`,
    );
  }
  if (!roles.includes(account.role)) {
    logSession(db, account.name, 'command_refused', `${DESK}: ${command}`, at);
    throw new ContractError(
      'forbidden',
      `--by ${by}: the ${account.role} role may not ${command} (${roles.join(' or ')} only).`,
    );
  }
  logSession(db, account.name, 'command', `${DESK}: ${command}`, at);
  return account.name;
}
