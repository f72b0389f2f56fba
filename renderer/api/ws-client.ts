// The contract over the headless host's WebSocket. Envelopes are checked here; every response and
// event payload is then validated by the shared contract client, the same code the preload uses.
import type { InvokeChannel, InvokeResult } from '../../shared/contract';
import { createContractClient, InvokeError, type ContractTransport } from '../../shared/contract-client';
import { coded, type CodedMessage } from '../../shared/errors';
import { reconnectDelayMs } from '../../shared/room/backoff';
import type { ConnectionState, ConsoleApi } from './connection';
import {
  invokeResultSchema,
  serverMessageSchema,
  type InvokeMessage,
  type PingMessage,
  type ResumeMessage,
} from './ws-messages';
import { HEARTBEAT, linkIsDead, type HeartbeatRule } from '../../shared/room/heartbeat';
import { REVOKED_CLOSE_CODE } from '../../shared/room/close-codes';

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

export interface WsApiOptions {
  /** The heartbeat rule (tests may tighten it); the page runs with HEARTBEAT. */
  heartbeat?: HeartbeatRule;
  now?: () => number;
}

// Never log payloads: they may carry a child's name or words.
const warn = (line: string) => console.warn(`[lifeline] ${line}`);

export function createWsApi(
  url: string,
  makeSocket: SocketFactory = (u) => new WebSocket(u),
  options: WsApiOptions = {},
): WsApi {
  const rule = options.heartbeat ?? HEARTBEAT;
  const now = options.now ?? Date.now;
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let everConnected = false;
  let attempt = 0;
  let nextId = 1;
  let closedByUs = false;
  let revoked = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, Pending>();
  // Anything heard on the link (a pong, a result, an event) proves it alive. A pulled cable closes
  // nothing: without this the page would show a frozen queue as live until TCP gave up, minutes on.
  // When the oldest ping still unanswered went out; null once the core has said anything since.
  let unansweredSinceMs: number | null = null;
  // Heartbeat beats run since that ping: a clock that jumps runs one, a silent link one a second.
  let beatsSince = 0;
  let beat: ReturnType<typeof setInterval> | null = null;
  // The logon session's resume token (shared/room/resume.ts), given by a core that serves this page
  // as an enrolled device. In this closure only: not in sessionStorage or localStorage, which any
  // script of the origin can read and which outlive the page on disk. The page survives a lost link
  // and a core restart, which is what it is for; a reload is a new page and logs on anew.
  let resumeToken: string | null = null;
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
    // A handshake into a dead link never ends by itself: give up on it as on a silent open link.
    const handshake = setTimeout(() => {
      if (socket !== ws || ws.readyState === OPEN) return;
      lost(ws);
      try {
        ws.close();
      } catch {
        // already closing
      }
    }, rule.deadAfterMs * 2);
    // Connected means the core answered, not that a socket opened: a proxy or a half-dead path
    // can accept a connection and carry nothing. The first ping goes at once; its pong (or any
    // word from the core) is what makes this link 'connected'.
    let heard = false;
    ws.onopen = () => {
      clearTimeout(handshake);
      unansweredSinceMs = null;
      beatsSince = 0;
      // Before anything else: the core serves what follows after it has taken the session up again.
      if (resumeToken !== null) {
        const resume: ResumeMessage = { type: 'resume', token: resumeToken };
        resumeToken = null; // used once, whatever the answer; a good answer brings the next
        ws.send(JSON.stringify(resume));
      }
      startHeartbeat(ws);
      sendPing(ws);
    };
    ws.onmessage = (message: MessageEvent) => {
      // A replaced socket's late words (delivered when a dead link came back) belong to nobody.
      if (socket !== ws) return;
      unansweredSinceMs = null;
      beatsSince = 0;
      if (!heard) {
        heard = true;
        attempt = 0;
        everConnected = true;
        setState('connected');
      }
      receive(message.data);
    };
    ws.onclose = (event?: { code?: number }) => {
      // The core closed this device's connection because it was revoked (core/net/room-server.ts's
      // REVOKED_CLOSE_CODE): no reconnecting, which would only be refused; the screen says why.
      if (event?.code === REVOKED_CLOSE_CODE) revoked = true;
      lost(ws);
    };
  }

  /** The link is gone (closed, or silent past the heartbeat rule): say so at once and reconnect. */
  function lost(ws: WebSocket): void {
    if (socket !== ws) return;
    socket = null;
    stopHeartbeat();
    failPending(coded('connection.lost', {}));
    if (closedByUs) return;
    if (revoked) return setState('revoked');
    setState(everConnected ? 'reconnecting' : 'connecting');
    retryTimer = setTimeout(open, reconnectDelayMs(attempt++));
  }

  let pingId = 0;
  function sendPing(ws: WebSocket): void {
    const ping: PingMessage = { type: 'ping', id: ++pingId };
    if (ws.readyState !== OPEN) return;
    ws.send(JSON.stringify(ping));
    unansweredSinceMs ??= now();
  }

  function startHeartbeat(ws: WebSocket): void {
    stopHeartbeat();
    beat = setInterval(
      () => {
        if (socket !== ws) return;
        if (unansweredSinceMs !== null) beatsSince++;
        if (linkIsDead(unansweredSinceMs, now(), beatsSince, rule)) {
          // Not waiting for a close handshake the dead link cannot carry: the old socket is dropped
          // now, and its late close event finds it already replaced.
          lost(ws);
          try {
            ws.close();
          } catch {
            // already closing
          }
          return;
        }
        sendPing(ws);
      },
      Math.min(rule.pingEveryMs, rule.deadAfterMs / 3),
    );
  }

  function stopHeartbeat(): void {
    if (beat) clearInterval(beat);
    beat = null;
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
    if (message.type === 'pong') return; // heard: that is all a pong says
    if (message.type === 'session' || message.type === 'resumed') {
      resumeToken = message.token ?? null;
      return;
    }
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
        // Logged off: no session to resume (the core has destroyed the token already).
        if (channel === 'logoff') resumeToken = null;
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
      stopHeartbeat();
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close();
      failPending(coded('connection.closed', {}));
    },
  };
}
