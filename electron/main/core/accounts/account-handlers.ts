// The contract's account channels, on the session registry and the store.
import type { CallContext, InvokeHandlers } from '../../../../shared/contract';
import { coded, ContractError } from '../../../../shared/errors';
import type { Store } from '../store/store';
import { unknownUnits } from '../../../../shared/units';
import { isKnownUnit } from '../units/unit-registry';
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
  /** A unit account's units must be units of the registry in force (which an administrator edits). */
  const knownUnits = (units: readonly string[] | undefined): void => {
    const unknown = unknownUnits(units ?? [], isKnownUnit);
    if (unknown.length > 0)
      throw new ContractError(
        'invalid_request',
        coded('account.unknown_unit', { unitKey: unknown[0]! }),
        'units',
      );
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
    addAccount: async ({ name, role, password, units }, context) => {
      knownUnits(units);
      return store.createAccount(
        { name, role, passwordHash: await hashPassword(password), ...(units ? { units } : {}) },
        actor(context),
        now(),
      );
    },
    setAccountRole: async ({ name, role, units }, context) => {
      if (name.toLowerCase() === actor(context).toLowerCase())
        throw new ContractError('forbidden', coded('account.own_role', {}), 'name');
      knownUnits(units);
      return store.updateAccount(name, { role, ...(units ? { units } : {}) }, actor(context), now());
    },
    releaseAccount: async ({ name }, context) =>
      store.updateAccount(name, { lockedAtMs: null }, actor(context), now()),
  };
}
