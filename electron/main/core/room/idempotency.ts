// A command retried after a lost answer returns the first answer and never acts twice. Wraps the
// core's raw handlers of the acting channels (shared/room/request-id.ts): a request with a
// requestId is looked up first — in flight here (the retry overtook the first attempt's answer) or
// answered before (in the store, so it survives a reconnect and a restart of the core) — and only
// a new id reaches the handler. Only answers are kept: a command that failed did nothing, so
// sending it again is safe and may now succeed.
//
// Not atomic with the action: the action and its answer are two writes. A core that dies between
// them acts again on the retry — where the action itself refuses a repeat (acknowledge, dispatch,
// close, sign) the retry gets a 'conflict' naming who did it; a silence would be set again.
import type { CallContext, InvokeChannel, InvokeHandlers } from '../../../../shared/contract';
import { coded, ContractError } from '../../../../shared/errors';
import { IDEMPOTENT_CHANNELS, REQUEST_RESULT_RETENTION_MS } from '../../../../shared/room/request-id';
import type { Store } from '../store/store';

type AnyHandler = (request: unknown, context: CallContext) => Promise<unknown>;

export interface IdempotencyOptions {
  store: Store;
  now: () => number;
  /** Who is logged on at a connection (the guard has already let only a logged-on user through). */
  actorOf: (connection: string) => string | null;
}

/** What a reveal's record keeps: which flag, never the personal fields it showed. */
const revealRecord = (value: unknown) => JSON.stringify({ flagId: (value as { id: string }).id });

export function idempotentHandlers(handlers: InvokeHandlers, options: IdempotencyOptions): InvokeHandlers {
  const { store, now, actorOf } = options;
  const inFlight = new Map<string, Promise<unknown>>();
  const wrapped: Partial<Record<InvokeChannel, AnyHandler>> = {};

  for (const channel of IDEMPOTENT_CHANNELS) {
    const handler = handlers[channel] as AnyHandler;
    wrapped[channel] = async (request, context) => {
      const { requestId, ...rest } = request as { requestId?: string };
      if (requestId === undefined) return handler(rest, context);
      const actor = actorOf(context.connection) ?? 'unknown';
      const running = inFlight.get(requestId);
      if (running) return running;
      const attempt = (async () => {
        const known = await store.getRequestResult(requestId);
        if (known) {
          // An id is the client's secret for its own command: another account presenting it (or the
          // same id on another channel) learns nothing of the first answer.
          if (known.actor !== actor || known.channel !== channel)
            throw new ContractError('conflict', coded('request.id_reused', {}), 'requestId');
          if (channel === 'revealFlag')
            return store.readPersonalDetail((JSON.parse(known.resultJson) as { flagId: string }).flagId);
          return JSON.parse(known.resultJson) as unknown;
        }
        const value = await handler(rest, context);
        const resultJson = channel === 'revealFlag' ? revealRecord(value) : JSON.stringify(value);
        await store.putRequestResult({ requestId, channel, actor, atMs: now(), resultJson });
        return value;
      })();
      inFlight.set(requestId, attempt);
      try {
        return await attempt;
      } finally {
        inFlight.delete(requestId);
      }
    };
  }
  return { ...handlers, ...wrapped } as InvokeHandlers;
}

/** Forgets answers older than the retention window (called from the core's periodic work). */
export function purgeOldRequestResults(store: Store, nowMs: number): Promise<number> {
  return store.purgeRequestResults(nowMs - REQUEST_RESULT_RETENTION_MS);
}
