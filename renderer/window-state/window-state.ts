// The window state: one window's copy of what main sends, as one zustand store (zustand's word; in
// this project "the store" is the database seam in electron/main/core/store/) made of four slices.
// Each slice's reducers are pure (slice/actions.ts); this file binds them to the zustand store and
// wires persistence to session storage, so components only ever see `actions.x.y(...)`.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { alarmActions } from './alarm/actions';
import { initialAlarmState, type AlarmSliceState } from './alarm/initial-state';
import { feedActions } from './feed/actions';
import { initialFeedState, type FeedState } from './feed/initial-state';
import { queueActions } from './queue/actions';
import { initialQueueState, type QueueState } from './queue/initial-state';
import { sessionActions } from './session/actions';
import { initialSessionState, type SessionState } from './session/initial-state';
import { loadSession, saveSession, type SessionStorages } from './session/persist';

export interface WindowState {
  readonly queue: QueueState;
  readonly feed: FeedState;
  readonly alarm: AlarmSliceState;
  readonly session: SessionState;
}

type Reducers<S> = Record<string, (state: S, ...args: never[]) => S>;
type Bound<R> = {
  [N in keyof R]: R[N] extends (state: never, ...args: infer A) => unknown ? (...args: A) => void : never;
};

function bind<K extends keyof WindowState, R extends Reducers<WindowState[K]>>(
  store: StoreApi<WindowState>,
  key: K,
  reducers: R,
): Bound<R> {
  const bound: Record<string, (...args: unknown[]) => void> = {};
  for (const [name, reducer] of Object.entries(reducers)) {
    bound[name] = (...args: unknown[]) =>
      store.setState((state) => {
        const next = (reducer as (s: WindowState[K], ...a: unknown[]) => WindowState[K])(state[key], ...args);
        return next === state[key] ? state : ({ [key]: next } as unknown as Partial<WindowState>);
      });
  }
  return bound as Bound<R>;
}

export function createWindowActions(store: StoreApi<WindowState>) {
  return {
    queue: bind(store, 'queue', queueActions),
    feed: bind(store, 'feed', feedActions),
    alarm: bind(store, 'alarm', alarmActions),
    session: bind(store, 'session', sessionActions),
  };
}

export type WindowActions = ReturnType<typeof createWindowActions>;

export interface WindowStateHandle {
  store: StoreApi<WindowState>;
  actions: WindowActions;
}

export function createWindowState(
  storages: SessionStorages = { session: null, local: null },
): WindowStateHandle {
  const store = createStore<WindowState>()(() => ({
    queue: initialQueueState,
    feed: initialFeedState,
    alarm: initialAlarmState,
    session: loadSession(storages, initialSessionState),
  }));
  store.subscribe((next, prev) => {
    if (next.session !== prev.session) saveSession(storages, next.session, prev.session);
  });
  return { store, actions: createWindowActions(store) };
}
