// The headless host's bounds. Each one keeps a single client (a broken page, a stuck browser tab, or
// whoever holds a token) from taking the host's memory, sockets or event loop away from the others.
// The numbers fit a control room: tens of desks and a few walls, on loopback or a small LAN.
import type { ViewRole } from '../../../../shared/contract';

export interface HostLimits {
  /** TCP sockets of any kind at once, half-open and plain HTTP included (server.maxConnections). */
  readonly maxSockets: number;
  /** Open WebSocket connections, all roles together. */
  readonly maxConnections: number;
  /** Open WebSocket connections per token role, so walls cannot crowd out desks or the reverse. */
  readonly maxConnectionsPerRole: Readonly<Record<ViewRole, number>>;
  /** A socket must finish its HTTP request (or WebSocket upgrade) within this. */
  readonly handshakeTimeoutMs: number;
  /** Requests a connection may have unanswered at once; beyond it each is answered 'busy' at once. */
  readonly maxInFlightPerConnection: number;
  /** Password checks (scrypt, 128 MiB and a few hundred ms each) running at once across all connections. */
  readonly authConcurrency: number;
  /** Password checks waiting for a slot; beyond it each is answered 'busy' at once. */
  readonly authQueue: number;
  /**
   * Bytes already queued to a client that is not reading them: a message due while the backlog is
   * above this drops the connection instead. One message always fits, however large (a full queue
   * listing), so what a slow reader costs is bounded by this plus one message.
   */
  readonly maxBufferedBytes: number;
  /** A WebSocket is pinged this often and dropped if it has not answered the previous ping. */
  readonly heartbeatMs: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  maxSockets: 512,
  maxConnections: 128,
  maxConnectionsPerRole: { desk: 96, wall: 32 },
  handshakeTimeoutMs: 10_000,
  // A desk's resync asks four things at once and a few clicks may overlap it; 16 leaves room.
  maxInFlightPerConnection: 16,
  // One check at a time: hashing runs in libuv's pool, off the core's thread, but each check holds
  // 128 MiB and a core for a few hundred ms, and the machine has two. A room logging on at a shift
  // change is a few logons a second this way, and 32 may wait (several seconds' worth): desks at a
  // shift change get in; a storm beyond that is answered 'busy'.
  authConcurrency: 1,
  authQueue: 32,
  // Thirty queue listings at 250 open flags (131 KB each): far more than a healthy reader, which
  // takes each message within milliseconds, is ever behind by.
  maxBufferedBytes: 4 * 1024 * 1024,
  heartbeatMs: 30_000,
};

export function hostLimits(overrides: Partial<HostLimits> = {}): HostLimits {
  return { ...DEFAULT_HOST_LIMITS, ...overrides };
}
