// The contract over the headless host's WebSocket. Envelopes are checked here; every response and
// event payload is then validated by the shared contract client, the same code the preload uses.
import type { InvokeChannel, InvokeResult } from '../../shared/contract';
import { createContractClient, InvokeError, type ContractTransport } from '../../shared/contract-client';
import { coded, type CodedMessage } from '../../shared/errors';
import { reconnectDelayMs } from './backoff';
import type { ConnectionState, ConsoleApi } from './connection';
import { invokeResultSchema, serverMessageSchema, type InvokeMessage } from './ws-messages';

/** A host that does not answer within this is as good as gone; the operator must be told. */
const INVOKE_TIMEOUT_MS = 15_000;
/** WebSocket.OPEN, spelled out so the module does not need the global at import time. */
const OPEN = 1;

interface Pending {
  resolve(result: InvokeResult<InvokeChannel>): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface WsApi extends ConsoleApi {
  close(): void;
}

type SocketFactory = (url: string) => WebSocket;

// Never log payloads: they may carry a child's name or words.
const warn = (line: string) => console.warn(`[lifeline] ${line}`);

export function createWsApi(url: string, makeSocket: SocketFactory = (u) => new WebSocket(u)): WsApi {
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let everConnected = false;
  let attempt = 0;
  let nextId = 1;
  let closedByUs = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, Pending>();
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  }

  function failPending(message: CodedMessage): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(InvokeError.of('unavailable', message));
      pending.delete(id);
    }
  }

  function open(): void {
    retryTimer = null;
    const ws = makeSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      everConnected = true;
      setState('connected');
    };
    ws.onmessage = (message: MessageEvent) => receive(message.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending(coded('connection.lost', {}));
      if (closedByUs) return;
      setState(everConnected ? 'reconnecting' : 'connecting');
      retryTimer = setTimeout(open, reconnectDelayMs(attempt++));
    };
  }

  function parse(data: unknown) {
    if (typeof data !== 'string') return null;
    try {
      return serverMessageSchema.safeParse(JSON.parse(data));
    } catch {
      return null;
    }
  }

  function receive(data: unknown): void {
    const parsed = parse(data);
    if (!parsed?.success) {
      warn('malformed message from the host dropped');
      return;
    }
    const message = parsed.data;
    if (message.type === 'event') {
      for (const listener of eventListeners) listener(message.event, message.payload);
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) {
      warn(`result for unknown invoke ${message.id} dropped`);
      return;
    }
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    const result = invokeResultSchema.safeParse(message.result);
    if (result.success) waiting.resolve(result.data as InvokeResult<InvokeChannel>);
    else {
      warn(`malformed result envelope for invoke ${message.id} dropped`);
      waiting.reject(InvokeError.of('internal', coded('connection.malformed_answer', {})));
    }
  }

  const transport: ContractTransport = {
    invoke(channel, payload) {
      return new Promise((resolve, reject) => {
        if (!socket || socket.readyState !== OPEN) {
          reject(InvokeError.of('unavailable', coded('connection.not_connected', {})));
          return;
        }
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(InvokeError.of('unavailable', coded('connection.timeout', {})));
        }, INVOKE_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        const message: InvokeMessage = { type: 'invoke', id, channel, payload };
        socket.send(JSON.stringify(message));
      });
    },
    listen(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
  };

  const client = createContractClient(transport, warn);
  open();

  return {
    invoke: client.invoke,
    on: client.on,
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
    close() {
      closedByUs = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close();
      failPending(coded('connection.closed', {}));
    },
  };
}
