// Every handler behind the account rules of shared/accounts.ts: public channels pass; the rest need
// a logged-on, unlocked session whose role the channel allows. A request's operator or supervisor
// is always the logged-on user, whatever the page sent. Every channel passes here, so this is also
// where main keeps each session's idle clock: the idle lock is applied before the channel's rule,
// and an operator's action (ACTIVITY_CHANNELS) restarts the clock; background reads do not.
import type { CallContext, InvokeChannel, InvokeHandlers } from '../../../../shared/contract';
import { ACTIVITY_CHANNELS } from '../../../../shared/accounts';
import { CHANNEL_RULES } from '../../../../shared/contract';
import { coded, ContractError } from '../../../../shared/errors';
import type { SessionRegistry } from './sessions';

// lockDesk too: a page whose own idle timer fires after main has locked the desk (a hidden tab's
// timers run late) must not be told off for it; locking a locked desk changes nothing.
const WHILE_LOCKED: readonly InvokeChannel[] = ['unlockDesk', 'logoff', 'lockDesk'];
const ACTOR_FIELDS = ['operator', 'supervisor'] as const;
const ACTIVITY: ReadonlySet<InvokeChannel> = new Set(ACTIVITY_CHANNELS);

function actingAs(request: unknown, name: string): unknown {
  if (typeof request !== 'object' || request === null) return request;
  const copy: Record<string, unknown> = { ...request };
  for (const field of ACTOR_FIELDS) if (field in copy) copy[field] = name;
  return copy;
}

export function guardHandlers(handlers: InvokeHandlers, sessions: SessionRegistry): InvokeHandlers {
  const guarded: Partial<Record<InvokeChannel, unknown>> = {};
  for (const channel of Object.keys(handlers) as InvokeChannel[]) {
    const rule = CHANNEL_RULES[channel];
    const handler = handlers[channel] as (request: unknown, context: CallContext) => Promise<unknown>;
    guarded[channel] = async (request: unknown, context: CallContext) => {
      if (rule === 'public') return handler(request, context);
      const session = await sessions.current(context.connection);
      if (!session) throw new ContractError('forbidden', coded('session.none', {}));
      if (session.locked && !WHILE_LOCKED.includes(channel))
        throw new ContractError('forbidden', coded('session.desk_locked', {}));
      if (!rule.includes(session.user.role))
        throw new ContractError(
          'forbidden',
          coded('session.role_forbidden', { role: session.user.role, channel }),
        );
      if (ACTIVITY.has(channel)) sessions.touch(context.connection);
      return handler(actingAs(request, session.user.name), context);
    };
  }
  return guarded as InvokeHandlers;
}
