// A stand-in for a RoomConnection (what electron/main/core/net/link-supervisor.ts uses of one), for
// unit tests with fake timers: the test decides when the core answers a ping, and when the link closes.
import { EventEmitter } from 'node:events';
import type { SupervisedConnection } from '../../electron/main/core/net/link-supervisor';
import type { RoomEvent } from '../../electron/main/core/net/room-client';

export interface FakeConnection extends SupervisedConnection {
  /** Pings sent on it, as parsed frames. */
  readonly pings: number[];
  /** Whether the fake core answers pings (false: a blackholed link). */
  answering: boolean;
  /** The core closes the link with this code (4003: revoked). */
  closeWith(code: number): void;
  push(event: RoomEvent): void;
}

export function fakeConnection(): FakeConnection {
  const ws = new EventEmitter() as EventEmitter & {
    readyState: number;
    OPEN: number;
    send(text: string): void;
    terminate(): void;
    close(): void;
  };
  let settleClosed: (value: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (settleClosed = resolve));
  const listeners = new Set<(event: RoomEvent) => void>();
  const connection: FakeConnection = {
    ws: ws as never,
    closed,
    resumeToken: null,
    pings: [],
    answering: true,
    closeWith(code) {
      if (ws.readyState === 3) return;
      ws.readyState = 3;
      settleClosed({ code, reason: '' });
    },
    push(event) {
      for (const listener of listeners) listener(event);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    invoke: async () => ({ ok: true, value: [] }),
  };
  ws.readyState = 1;
  ws.OPEN = 1;
  ws.send = (text: string) => {
    const frame = JSON.parse(text) as { type: string; id: number };
    if (frame.type !== 'ping') return;
    connection.pings.push(frame.id);
    if (connection.answering)
      queueMicrotask(() => ws.emit('message', JSON.stringify({ type: 'pong', id: frame.id })));
  };
  ws.terminate = () => connection.closeWith(1006);
  ws.close = () => connection.closeWith(1000);
  return connection;
}
