// Every invoke, whatever carried it (Electron IPC or the host's WebSocket), goes through here:
// the channel must be in the contract, the payload must pass its schema, and errors come back as
// data with a kind. Logs name the channel and the error kind, never a payload.
import {
  ROLE_CHANNELS,
  describeZodError,
  invokeContract,
  type CallContext,
  type InvokeChannel,
  type InvokeHandlers,
  type InvokeResult,
} from '../../../../shared/contract';
import { coded, ContractError, toErrorData } from '../../../../shared/errors';
import { forRole } from './role-filter';

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(invokeContract, channel);
}

export async function dispatchInvoke(
  handlers: InvokeHandlers,
  channel: unknown,
  payload: unknown,
  context: CallContext,
  /** Whether a connection has a logged-on session (the role filter hides typed text otherwise). */
  isLoggedOn: (connection: string) => boolean,
  log: (line: string) => void = console.warn,
): Promise<InvokeResult<InvokeChannel>> {
  if (!isInvokeChannel(channel)) {
    return {
      ok: false,
      error: new ContractError('invalid_request', coded('contract.unknown_channel', {}), 'channel').toData(),
    };
  }
  if (!ROLE_CHANNELS[context.role].includes(channel)) {
    return {
      ok: false,
      error: new ContractError(
        'forbidden',
        coded('session.channel_forbidden', { role: context.role, channel }),
      ).toData(),
    };
  }
  const parsed = invokeContract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const { field, message, code, params } = describeZodError(parsed.error);
    return { ok: false, error: { kind: 'invalid_request', message, field, code, params } };
  }
  try {
    const handler = handlers[channel] as (request: unknown, context: CallContext) => Promise<unknown>;
    const answer = await handler(parsed.data, context);
    const value = forRole(context.role, channel, answer, isLoggedOn(context.connection));
    return { ok: true, value } as InvokeResult<InvokeChannel>;
  } catch (error) {
    const data = toErrorData(error);
    if (data.kind === 'internal')
      log(`invoke ${channel} failed: ${error instanceof Error ? error.name : 'error'}`);
    return { ok: false, error: data };
  }
}
