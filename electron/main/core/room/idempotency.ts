// A command retried after a lost answer returns the first answer and never acts twice. Wraps the
// core's raw handlers of the acting channels (shared/room/request-id.ts): a request with a
// requestId is looked up first — in flight here (the retry overtook the first attempt's answer) or
// answered before (in the store, so it survives a reconnect and a restart of the core) — and only
// a new id reaches the handler. Only answers are kept: a command that failed did nothing, so
// sending it again is safe and may now succeed.
//
// Atomic with the action where the action is a store write. The request's stamp (id, channel,
// account, time) is handed to the store method that carries the channel's action (STAMPED_CHANNELS
// below; the store's STAMP_ARGUMENT), and the store records the answer in the SAME transaction as
// the action (store-types.ts RequestStamp). A core that dies before the commit left neither, so the
// retry acts once; one that dies after it left both, so the retry gets the first answer. The stamp
// travels from here to that store call in an AsyncLocalStorage scope (requestStampedStore), so the
// handlers need not pass it along; it is handed to one call only, the channel's own method.
//
// Where the effect is not a stamped store method, the answer is recorded after the handler, as a
// second write, and that is safe to repeat: a silence (silenceAlarm, cancelSilence) and a hold
// (takeOverFlag) are written to the store by their own methods (room state every core shares), so a
// core that died between the two writes has its retry set the same state again (a silence's
// alarm-log line may then be written twice), and within one core a retry is answered from the store
// or the in-flight map. A takeover writes a 'taken_over' flag event only when it takes the flag from
// another desk, so a repeat by the same desk writes none.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallContext, InvokeChannel, InvokeHandlers } from '../../../../shared/contract';
import { coded, ContractError } from '../../../../shared/errors';
import {
  IDEMPOTENT_CHANNELS,
  REQUEST_RESULT_RETENTION_MS,
  type IdempotentChannel,
} from '../../../../shared/room/request-id';
import { STORE_METHODS } from '../store/store-methods';
import {
  STAMP_ARGUMENT,
  type RequestResult,
  type RequestStamp,
  type StampedMethod,
  type Store,
} from '../store/store';

type AnyHandler = (request: unknown, context: CallContext) => Promise<unknown>;
type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * The store method that carries each channel's action, where that action is one store write. The
 * channels not here act in the core's memory (see above).
 */
export const STAMPED_CHANNELS: Partial<Record<IdempotentChannel, StampedMethod>> = {
  acknowledge: 'acknowledge',
  dispatch: 'dispatch',
  confirmDispatch: 'confirmDispatch',
  closeFlag: 'closeFlag',
  recordFollowUp: 'recordFollowUp',
  revealFlag: 'revealFlag',
  setRoster: 'setRoster',
  signHandover: 'signHandover',
  receiveHandover: 'receiveHandover',
  acknowledgeReceipt: 'recordUnitAction',
  recordUnitStep: 'recordUnitAction',
  handBack: 'recordUnitAction',
};

/** The request being handled, in this async scope: its stamp, and whether a store call took it. */
interface RequestScope {
  method: StampedMethod | undefined;
  stamp: RequestStamp;
  handed: boolean;
}
const scope = new AsyncLocalStorage<RequestScope>();

/**
 * The store the core's handlers use: a call of the stamped method of the request being handled gets
 * the request's stamp as its last argument (once); every other call goes through unchanged.
 */
export function requestStampedStore(store: Store): Store {
  // Every method bound to the store (an engine may be a class: its methods are not own properties).
  const wrapped: Record<string, unknown> = Object.fromEntries(
    STORE_METHODS.map((method) => [method, (store[method] as AnyMethod).bind(store)]),
  );
  for (const [method, index] of Object.entries(STAMP_ARGUMENT) as [StampedMethod, number][]) {
    const call = (store[method] as AnyMethod).bind(store);
    wrapped[method] = (...args: unknown[]) => {
      const request = scope.getStore();
      if (!request || request.handed || request.method !== method) return call(...args);
      request.handed = true;
      const withStamp = args.slice(0, index);
      withStamp[index] = request.stamp;
      return call(...withStamp);
    };
  }
  return wrapped as unknown as Store;
}

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
    const replay = async (known: RequestResult, actor: string): Promise<unknown> => {
      // An id is the client's secret for its own command: another account presenting it (or the
      // same id on another channel) learns nothing of the first answer.
      if (known.actor !== actor || known.channel !== channel)
        throw new ContractError('conflict', coded('request.id_reused', {}), 'requestId');
      if (channel === 'revealFlag')
        return store.readPersonalDetail((JSON.parse(known.resultJson) as { flagId: string }).flagId);
      return JSON.parse(known.resultJson) as unknown;
    };
    wrapped[channel] = async (request, context) => {
      const { requestId, ...rest } = request as { requestId?: string };
      if (requestId === undefined) return handler(rest, context);
      const actor = actorOf(context.connection) ?? 'unknown';
      const running = inFlight.get(requestId);
      if (running) return running;
      const attempt = (async () => {
        const known = await store.getRequestResult(requestId);
        if (known) return replay(known, actor);
        const request: RequestScope = {
          method: STAMPED_CHANNELS[channel],
          stamp: { requestId, channel, actor, atMs: now() },
          handed: false,
        };
        let value: unknown;
        try {
          value = await scope.run(request, () => handler(rest, context));
        } catch (error) {
          // The store refuses to record a second answer for an id (another core answered it
          // meanwhile) and then did nothing: that first answer is this command's answer.
          const first = request.handed ? await store.getRequestResult(requestId) : null;
          if (first) return replay(first, actor);
          throw error;
        }
        // The effect was in the core's memory (or the handler did not reach its store call): the
        // answer is recorded now, as a second write (see the header for why that is safe).
        if (!request.handed) {
          const resultJson = channel === 'revealFlag' ? revealRecord(value) : JSON.stringify(value);
          await store.putRequestResult({ ...request.stamp, atMs: now(), resultJson });
        }
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
