// One window's link to the room's core, kept alive by main in client mode (the desktop app's side of
// what renderer/api/ws-client.ts does for the page): heartbeats by the room's one rule
// (shared/room/heartbeat.ts), so a pulled cable is named within 5 s and not when TCP gives up
// minutes later; reconnecting with the room's one backoff (shared/room/backoff.ts), taking the logon
// session up again with its resume token; and the state of the link told on every change, so the
// window can say NOT CONNECTED at once and resynchronise its queue when the link is back.
// Plain Node (no Electron), so it is tested against a real core on loopback.
import type { ConnectionState } from '../../../../shared/contract-client';
import { coded, ContractError } from '../../../../shared/errors';
import { reconnectDelayMs } from '../../../../shared/room/backoff';
import { REVOKED_CLOSE_CODE } from '../../../../shared/room/close-codes';
import { HEARTBEAT, linkIsDead, type HeartbeatRule } from '../../../../shared/room/heartbeat';
import type { RoomConnection, RoomEvent } from './room-client';

/** The page's ConnectionState (shared/contract-client.ts): the same four words reach the window. */
export type LinkState = ConnectionState;

/** What the supervisor uses of a connection (a RoomConnection; the unit test's fake has as much). */
export type SupervisedConnection = Pick<
  RoomConnection,
  'ws' | 'closed' | 'resumeToken' | 'onEvent' | 'invoke'
>;

export interface LinkSupervisorOptions {
  /** Opens one connection, taking up the session of `resumeToken` when given. */
  connect(resumeToken: string | null): Promise<SupervisedConnection>;
  onState(state: LinkState): void;
  onEvent(event: RoomEvent): void;
  heartbeat?: HeartbeatRule;
  now?: () => number;
  delayMs?: (attempt: number) => number;
}

export interface LinkSupervisor {
  readonly state: LinkState;
  /** The contract call on the current link; an envelope always (unavailable when there is none). */
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Ends the link for good (the window closed): no more reconnecting. */
  close(): void;
}

function unavailable(state: LinkState): unknown {
  if (state === 'revoked')
    return { ok: false, error: new ContractError('unavailable', coded('connection.revoked', {})).toData() };
  return {
    ok: false,
    error: new ContractError('unavailable', coded('connection.not_connected', {})).toData(),
  };
}

export function superviseRoomLink(options: LinkSupervisorOptions): LinkSupervisor {
  const rule = options.heartbeat ?? HEARTBEAT;
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? ((attempt: number) => reconnectDelayMs(attempt));
  let state: LinkState = 'connecting';
  let connection: SupervisedConnection | null = null;
  let attempting: Promise<void> | null = null;
  let resumeToken: string | null = null;
  let attempt = 0;
  let everConnected = false;
  let revoked = false;
  let closed = false;
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let beat: ReturnType<typeof setInterval> | null = null;
  // As the page's client: when the oldest ping still unanswered went out, and beats run since.
  let unansweredSinceMs: number | null = null;
  let beatsSince = 0;
  let pingId = 0;

  function setState(next: LinkState): void {
    if (state === next) return;
    state = next;
    options.onState(next);
  }

  function retryLater(): void {
    if (closed || revoked) return;
    setState(everConnected ? 'reconnecting' : 'connecting');
    retryTimer = setTimeout(open, delayMs(attempt++));
  }

  function open(): void {
    retryTimer = null;
    if (closed || revoked) return;
    const mine = ++generation;
    const token = resumeToken;
    resumeToken = null; // used once, whatever the answer; a good answer brings the next
    const thisAttempt = new Promise<void>((settle) => {
      // A handshake into a silent link never ends by itself: given up on as a silent open link is.
      const handshake = setTimeout(() => {
        if (generation !== mine) return;
        generation++;
        settle();
        retryLater();
      }, rule.deadAfterMs * 2);
      options.connect(token).then(
        (opened) => {
          clearTimeout(handshake);
          settle();
          if (generation !== mine || closed) return void opened.ws.terminate();
          adopt(opened);
        },
        (error: unknown) => {
          clearTimeout(handshake);
          settle();
          if (generation !== mine || closed) return;
          if ((error as { reason?: unknown }).reason === 'revoked') {
            revoked = true;
            return setState('revoked');
          }
          retryLater();
        },
      );
    });
    attempting = thisAttempt;
    void thisAttempt.then(() => {
      if (attempting === thisAttempt) attempting = null;
    });
  }

  function adopt(opened: SupervisedConnection): void {
    connection = opened;
    attempt = 0;
    everConnected = true;
    unansweredSinceMs = null;
    beatsSince = 0;
    // Anything heard on the link (a pong, a result, an event, the core's own ws ping) proves it alive.
    const heard = () => {
      if (connection !== opened) return;
      unansweredSinceMs = null;
      beatsSince = 0;
    };
    opened.ws.on('message', heard);
    opened.ws.on('ping', heard);
    opened.onEvent((event) => {
      if (connection === opened) options.onEvent(event);
    });
    void opened.closed.then(({ code }) => {
      if (code === REVOKED_CLOSE_CODE) revoked = true;
      lost(opened);
    });
    startHeartbeat(opened);
    sendPing(opened);
    setState('connected');
  }

  /** The link is gone (closed, or silent past the heartbeat rule): say so at once and reconnect. */
  function lost(gone: SupervisedConnection): void {
    if (connection !== gone) return;
    connection = null;
    stopHeartbeat();
    resumeToken = gone.resumeToken;
    // Not waiting for a close handshake a dead link cannot carry: its pending calls are answered now.
    gone.ws.terminate();
    if (closed) return;
    if (revoked) return setState('revoked');
    retryLater();
  }

  function sendPing(on: SupervisedConnection): void {
    if (on.ws.readyState !== on.ws.OPEN) return;
    on.ws.send(JSON.stringify({ type: 'ping', id: ++pingId }));
    unansweredSinceMs ??= now();
  }

  function startHeartbeat(on: SupervisedConnection): void {
    stopHeartbeat();
    beat = setInterval(
      () => {
        if (connection !== on) return;
        if (unansweredSinceMs !== null) beatsSince++;
        if (linkIsDead(unansweredSinceMs, now(), beatsSince, rule)) return lost(on);
        sendPing(on);
      },
      Math.min(rule.pingEveryMs, rule.deadAfterMs / 3),
    );
    beat.unref?.();
  }

  function stopHeartbeat(): void {
    if (beat) clearInterval(beat);
    beat = null;
  }

  open();

  return {
    get state() {
      return state;
    },
    async invoke(channel, payload) {
      // The window's first calls come while the first attempt is on its way: they wait for it.
      if (!connection && attempting) await attempting;
      const current = connection;
      if (!current) return unavailable(state);
      // Closing, before its close was seen here: the answer is what the close turns out to be.
      if (current.ws.readyState !== current.ws.OPEN) {
        await current.closed;
        return unavailable(state);
      }
      return current.invoke(channel, payload);
    },
    close() {
      closed = true;
      generation++;
      stopHeartbeat();
      if (retryTimer) clearTimeout(retryTimer);
      const current = connection;
      connection = null;
      current?.ws.close();
    },
  };
}
