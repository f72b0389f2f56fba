// The contract's account channels, on the session registry and the store.
import type { CallContext, InvokeHandlers } from '../../../../shared/contract';
import { coded, ContractError } from '../../../../shared/errors';
import type { Store } from '../store/store';
import { hashPassword } from './passwords';
import type { SessionRegistry } from './sessions';

type AccountChannels =
  | 'logon'
  | 'createFirstAdministrator'
  | 'logoff'
  | 'lockDesk'
  | 'unlockDesk'
  | 'listAccounts'
  | 'addAccount'
  | 'setAccountRole'
  | 'releaseAccount'
  | 'reportActivity';

export function accountHandlers(
  store: Store,
  sessions: SessionRegistry,
  now: () => number,
): Pick<InvokeHandlers, AccountChannels> {
  const actor = (context: CallContext) => {
    const session = sessions.get(context.connection);
    if (!session) throw new ContractError('forbidden', coded('session.none', {}));
    return session.user.name;
  };
  return {
    logon: async ({ name, password }, context) => sessions.logon(context.connection, name, password),
    createFirstAdministrator: async ({ name, password }, context) =>
      sessions.createFirstAdministrator(context.connection, name, password),
    logoff: async (_request, context) => (await sessions.end(context.connection), { done: true as const }),
    lockDesk: async (_request, context) => (await sessions.lock(context.connection), { done: true as const }),
    unlockDesk: async ({ password }, context) => sessions.unlock(context.connection, password),
    // The guard restarts this desk's idle clock (a key, click or touch the page saw); nothing else.
    reportActivity: async () => ({ done: true as const }),
    listAccounts: async () => store.listAccounts(now()),
    addAccount: async ({ name, role, password, units }, context) =>
      store.createAccount(
        { name, role, passwordHash: await hashPassword(password), ...(units ? { units } : {}) },
        actor(context),
        now(),
      ),
    setAccountRole: async ({ name, role, units }, context) => {
      if (name.toLowerCase() === actor(context).toLowerCase())
        throw new ContractError('forbidden', coded('account.own_role', {}), 'name');
      return store.updateAccount(name, { role, ...(units ? { units } : {}) }, actor(context), now());
    },
    releaseAccount: async ({ name }, context) =>
      store.updateAccount(name, { lockedAtMs: null }, actor(context), now()),
  };
}
