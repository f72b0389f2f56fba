// The renderer side of the contract, independent of transport: the Electron preload (IPC) and the
// browser's WebSocket client both build their LifelineApi here, so both validate every response
// and event against the same schemas, and both turn contract errors into the same Error shape.
import {
  EVENT_NAMES,
  INVOKE_CHANNELS,
  eventContract,
  invokeContract,
  type EventName,
  type InvokeChannel,
  type InvokeResult,
  type LifelineApi,
} from './contract';
import { coded, ContractError, type CodedMessage, type ContractErrorData } from './errors';
import type { ErrorParamValue } from './error-codes';
import { isIdempotentChannel } from './room/request-id';

/**
 * How long an acting command whose answer never came keeps its request id for a retry. The
 * operator (or the page) sending the same command again within this gets the first attempt's
 * answer from the core, never a second effect. Far shorter than the core's retention of answers.
 */
export const RETRY_SAME_ID_MS = 10 * 60_000;

/** Web Crypto, in the page and in Node 22 alike (shared/ is typed without either's globals). */
const webCrypto = () => (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;

/**
 * Whether the window can reach its core right now; 'reconnecting' means what is shown may be stale;
 * 'revoked' that the room's core revoked this device: it is cut off for good and says why.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'revoked';
export const CONNECTION_STATES: readonly ConnectionState[] = [
  'connecting',
  'connected',
  'reconnecting',
  'revoked',
];
export const isConnectionState = (value: unknown): value is ConnectionState =>
  CONNECTION_STATES.includes(value as ConnectionState);

/**
 * What carries the contract. The Electron preload exposes exactly this as window.lifeline: invokes
 * resolve to the result envelope (never throw), because contextBridge would strip an error's kind.
 */
export interface ContractTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<InvokeResult<InvokeChannel>>;
  /** Subscribes to every pushed event; returns an unsubscribe function. */
  listen(listener: (event: string, payload: unknown) => void): () => void;
  /**
   * The state of the link behind the transport, when it has one (the desktop app in client mode):
   * calls the listener with the current state, then on every change; returns an unsubscribe
   * function. Absent, or never called back, the transport is always there (IPC to an embedded core).
   */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
}

/** An invoke that failed, with the kind the main process gave (never a class across processes). */
export class InvokeError extends Error {
  readonly kind: ContractErrorData['kind'];
  readonly field: string | undefined;
  /** What a desk words in its language (shared/error-text.ts); `message` stays English for logs. */
  readonly code: string;
  readonly params: Record<string, ErrorParamValue>;
  constructor(error: ContractErrorData) {
    super(error.message);
    this.name = 'InvokeError';
    this.kind = error.kind;
    this.field = error.field;
    // An answer without a code (an older host) keeps its English as the generic host message.
    this.code = error.code ?? 'host.message';
    this.params = error.params ?? { message: error.message };
  }

  /** An error the client itself raises, coded like the host's. */
  static of(kind: ContractErrorData['kind'], message: CodedMessage): InvokeError {
    return new InvokeError(new ContractError(kind, message).toData());
  }
}

export function createContractClient(
  transport: ContractTransport,
  warn: (line: string) => void = () => {},
): LifelineApi {
  // Commands whose outcome is unknown (the link failed before the answer came), by what they asked.
  // Kept in the page's memory only: the same command sent again reuses the id, so the core answers
  // it from its record instead of acting again. Any answer that arrives settles it.
  const unanswered = new Map<string, { requestId: string; atMs: number }>();
  function withRequestId(channel: InvokeChannel, request: unknown): { payload: unknown; key: string | null } {
    if (!isIdempotentChannel(channel) || typeof request !== 'object' || request === null)
      return { payload: request, key: null };
    if ('requestId' in request && typeof request.requestId === 'string')
      return { payload: request, key: null };
    const key = `${channel}\u0000${JSON.stringify(request)}`;
    const now = Date.now();
    for (const [k, entry] of unanswered) if (now - entry.atMs > RETRY_SAME_ID_MS) unanswered.delete(k);
    const known = unanswered.get(key);
    const requestId = known?.requestId ?? webCrypto().randomUUID();
    unanswered.set(key, { requestId, atMs: known?.atMs ?? now });
    return { payload: { ...request, requestId }, key };
  }

  return {
    async invoke(channel, request) {
      if (!INVOKE_CHANNELS.includes(channel))
        throw InvokeError.of('invalid_request', coded('contract.unknown_channel', {}));
      const { payload, key } = withRequestId(channel, request);
      const result = await transport.invoke(channel, payload);
      // An answer, even a refusal, settles the command; a lost link ('unavailable') leaves it open.
      if (key !== null && (result.ok || result.error.kind !== 'unavailable')) unanswered.delete(key);
      if (!result.ok) throw new InvokeError(result.error);
      const parsed = invokeContract[channel].response.safeParse(result.value);
      if (!parsed.success) {
        warn(`response to ${channel} does not match the contract`);
        throw InvokeError.of('internal', coded('contract.malformed_answer', { channel }));
      }
      return parsed.data as never;
    },
    on(event, listener) {
      if (!EVENT_NAMES.includes(event))
        throw InvokeError.of('invalid_request', coded('contract.unknown_event', {}));
      return transport.listen((name, payload) => {
        if (name !== event) return;
        const parsed = eventContract[event as EventName].safeParse(payload);
        if (parsed.success) listener(parsed.data as never);
        else warn(`event ${event} does not match the contract; dropped`);
      });
    },
  };
}
