// One WebSocket connection of the headless host, from attach to close. Whatever the peer sends or
// fails to do — broken frames, a flood of requests, a logon storm, never reading its replies,
// vanishing without a FIN — ends at most this connection: nothing here may throw into the process,
// queue without bound, or hold the event loop. Logs name the connection and the kind of fault,
// never what was sent (a frame may carry a name or a password).
import type { RawData, WebSocket } from 'ws';
import type { ViewRole } from '../../../../shared/contract';
import { toErrorData } from '../../../../shared/errors';
import type { ConsoleCore } from '../console-core';
import { dispatchInvoke } from '../ipc/invoke';
import { forRole } from '../ipc/role-filter';
import { AUTH_CHANNELS, busyError, type AuthGate } from './auth-gate';
import type { HostLimits } from './host-limits';
import { clientMessageSchema, type ServerMessage } from './ws-protocol';

export interface ConnectionContext {
  core: ConsoleCore;
  role: ViewRole;
  /** The logon session key of this connection (each connection is its own session). */
  connection: string;
  limits: HostLimits;
  authGate: AuthGate;
  log: (line: string) => void;
}

/** ws's errors carry a constant code (WS_ERR_INVALID_UTF8, ECONNRESET…); only that is logged. */
export function faultKind(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,48}$/.test(code) ? code : 'error';
}

function parseInvoke(data: RawData) {
  try {
    const parsed = clientMessageSchema.safeParse(JSON.parse(data.toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function serveConnection(ws: WebSocket, context: ConnectionContext): void {
  const { core, role, connection, limits, authGate, log } = context;
  const name = `${connection} (${role})`;
  let inFlight = 0;
  let authInFlight = false;
  let answeredPing = true;
  let closed = false;

  // Dropping destroys the socket at once: a close frame would only queue behind the backlog that a
  // reader who does not read will never take, and the backlog is the memory we want back.
  const drop = (reason: string) => {
    if (closed) return;
    log(`connection ${name} dropped: ${reason}`);
    ws.terminate();
  };

  const send = (message: ServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      drop('slow reader (backlog over the limit)');
      return;
    }
    ws.send(JSON.stringify(message));
  };

  const answer = (id: number, error: Error) =>
    send({ type: 'result', id, result: { ok: false, error: toErrorData(error) } });

  async function invoke(id: number, channel: string, payload: unknown): Promise<void> {
    const call = () =>
      dispatchInvoke(core.handlers, channel, payload, { role, connection }, core.isLoggedOn, log);
    const auth = AUTH_CHANNELS.has(channel);
    if (auth && authInFlight) {
      answer(id, busyError('host.busy_logon_pending'));
      return;
    }
    inFlight++;
    if (auth) authInFlight = true;
    try {
      const result = auth ? await authGate.run(call) : await call();
      send({ type: 'result', id, result });
    } catch (error) {
      answer(id, error instanceof Error ? error : new Error('invoke failed'));
    } finally {
      inFlight--;
      if (auth) authInFlight = false;
      // A logon that finished after its connection went must not leave a session behind it.
      if (auth && closed) void core.endSession(connection).catch(() => {});
    }
  }

  const unsubscribe = core.subscribe((event, payload) => {
    // As this connection may see it: a unit's desk gets its own flags only (units/unit-scope.ts).
    const seen = core.eventFor(connection, event, payload);
    if (seen !== undefined)
      send({ type: 'event', event, payload: forRole(role, event, seen, core.isLoggedOn(connection)) });
  });

  ws.on('message', (data) => {
    const message = parseInvoke(data);
    if (!message) {
      log(`connection ${name} closed: invalid message`);
      ws.close(1008, 'invalid message');
      return;
    }
    // Answered at once, ahead of any request: it measures the link, not the core's workload.
    if (message.type === 'ping') {
      send({ type: 'pong', id: message.id });
      return;
    }
    if (inFlight >= limits.maxInFlightPerConnection) {
      answer(message.id, busyError('host.busy_requests'));
      return;
    }
    void invoke(message.id, message.channel, message.payload);
  });

  // Without this listener a protocol error (invalid UTF-8, an oversized frame) is an unhandled
  // 'error' event, which ends the process. ws closes the connection itself after emitting it.
  ws.on('error', (error) => log(`connection ${name} failed: ${faultKind(error)}`));

  // A peer that vanished without closing (power cut, cable pulled) would hold its slot for ever.
  ws.on('pong', () => (answeredPing = true));
  const heartbeat = setInterval(() => {
    if (!answeredPing) {
      drop('no answer to ping');
      return;
    }
    answeredPing = false;
    ws.ping();
  }, limits.heartbeatMs);
  heartbeat.unref();

  ws.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    void core.endSession(connection).catch(() => {});
  });
}
