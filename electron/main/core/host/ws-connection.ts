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
  /**
   * The enrolled device this connection is (the room server's); only such a connection is given a
   * resume token at logon and may resume a session. Without it (the loopback host) a lost link
   * means a new logon, as before.
   */
  resumeBinding?: string;
  /** A district control room's desk: the units it was enrolled for (bound before anything is read). */
  units?: readonly string[];
}

/** A successful logon on these issues a resume token (unlock keeps the one the session has). */
const LOGON_CHANNELS = new Set(['logon', 'createFirstAdministrator']);

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
  const { core, role, connection, limits, authGate, log, resumeBinding } = context;
  const name = `${connection} (${role})`;
  // First of all: no request is read and no event sent before the desk is held to its units.
  const unbind = context.units ? core.bindDevice(connection, context.units) : () => {};
  let inFlight = 0;
  let authInFlight = false;
  let answeredPing = true;
  let closed = false;
  // Requests that arrive while a resume is being checked wait for it: a getSession sent right
  // after the resume must see the session it brings back.
  let resuming: Promise<void> = Promise.resolve();
  let resumeAsked = false;

  // Dropping destroys the socket at once: a close frame would only queue behind the backlog that a
  // reader who does not read will never take, and the backlog is the memory we want back.
  const drop = (reason: string) => {
    if (closed) return;
    log(`connection ${name} dropped: ${reason}`);
    ws.terminate();
  };

  // The largest message sent since the backlog was last under the limit. A full queue listing of
  // 10,000 open flags is about 5 MB by itself: a healthy desk that asked for it (and, in the same
  // breath, for the alarm) is behind by that one message for a moment, and must not be dropped as
  // a slow reader for it. So the cap is the limit plus that message; a reader that takes nothing
  // is still dropped by its second such message.
  let largestPending = 0;
  const send = (message: ServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount <= limits.maxBufferedBytes) largestPending = 0;
    else if (ws.bufferedAmount > limits.maxBufferedBytes + largestPending) {
      drop('slow reader (backlog over the limit)');
      return;
    }
    const text = JSON.stringify(message);
    largestPending = Math.max(largestPending, text.length);
    ws.send(text);
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
      await resuming;
      const result = auth ? await authGate.run(call) : await call();
      // The token goes before the answer, so the client has it as soon as it knows it is logged on.
      if (
        resumeBinding &&
        LOGON_CHANNELS.has(channel) &&
        (result as { ok?: unknown }).ok === true &&
        !closed
      ) {
        const token = await core.issueResumeToken(connection, resumeBinding).catch(() => null);
        if (token) send({ type: 'session', token });
      }
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
    if (message.type === 'resume') {
      // Once per connection: each look-up costs the store a read, and one is all a client needs.
      if (resumeAsked) {
        log(`connection ${name} closed: a second resume`);
        ws.close(1008, 'invalid message');
        return;
      }
      resumeAsked = true;
      const token = message.token;
      resuming = resuming.then(async () => {
        if (!resumeBinding) return send({ type: 'resumed', ok: false, refusal: 'not_offered' });
        const outcome = await core.resumeSession(connection, resumeBinding, token).catch(() => null);
        if (closed && outcome?.ok) return void core.endSession(connection).catch(() => {});
        if (outcome?.ok) log(`connection ${name} resumed its session`);
        send(
          outcome?.ok
            ? { type: 'resumed', ok: true, token: outcome.token }
            : { type: 'resumed', ok: false, refusal: outcome?.refusal ?? 'unknown' },
        );
      });
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
    unbind();
  });
}
