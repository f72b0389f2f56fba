// A desk or wall as the page is one: the renderer's own WebSocket client (renderer/api/ws-client.ts,
// with its heartbeat rule from shared/room/heartbeat.ts), carried by the `ws` package in Node. It
// records every connection state with its time and every event, for tests to wait on.
import WebSocket from 'ws';
import { EVENT_NAMES, type EventName, type EventPayload } from '../../shared/contract';
import type { ConnectionState } from '../../renderer/api/connection';
import { createWsApi, type WsApi } from '../../renderer/api/ws-client';
import type { HostRig } from './host-rig';

export interface RoomClient {
  api: WsApi;
  readonly states: { state: ConnectionState; atMs: number }[];
  readonly state: ConnectionState;
  /** Resolves (with the time) when the connection reaches this state after `sinceMs`. */
  waitForState(state: ConnectionState, sinceMs?: number): Promise<number>;
  events<E extends EventName>(event: E): EventPayload<E>[];
  /** Resolves when an event matching the predicate has arrived (already or later). */
  waitFor<E extends EventName>(
    event: E,
    predicate?: (payload: EventPayload<E>) => boolean,
  ): Promise<EventPayload<E>>;
  close(): void;
}

export function connectRoomClient(rig: HostRig, token: string, port = rig.host.port): RoomClient {
  const states: { state: ConnectionState; atMs: number }[] = [];
  const received: { event: string; payload: unknown }[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  const api = createWsApi(`ws://127.0.0.1:${port}/ws?token=${token}`, (url) => {
    const ws = new WebSocket(url, { origin: rig.origin() });
    ws.on('error', () => {}); // a lost link is what these tests make happen; the client sees it close
    return ws as unknown as globalThis.WebSocket;
  });
  api.onConnection((state) => {
    states.push({ state, atMs: Date.now() });
    wake();
  });
  const offs = EVENT_NAMES.map((event) =>
    api.on(event, (payload) => {
      received.push({ event, payload });
      wake();
    }),
  );
  const until = async <T>(find: () => T | undefined): Promise<T> => {
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    api,
    states,
    get state() {
      return states.at(-1)?.state ?? 'connecting';
    },
    waitForState: (state, sinceMs = 0) =>
      until(() => states.find((s) => s.state === state && s.atMs >= sinceMs)?.atMs),
    events: (event) => received.filter((e) => e.event === event).map((e) => e.payload) as never,
    waitFor: (event, predicate = () => true) =>
      until(() => received.find((e) => e.event === event && predicate(e.payload as never))?.payload as never),
    close() {
      for (const off of offs) off();
      api.close();
    },
  };
}
