// The resync after a (re)connect must never take back a change an event already brought: a
// listQueue answered from a moment before a new flag can arrive after that flag's queueChanged.
import { describe, expect, it } from 'vitest';
import type { ConnectionState, ConsoleApi } from '../api/connection';
import type { QueueItem } from '../../shared/domain';
import { queueItem } from '../../tests/helpers/domain-fixtures';
import { createWindowState } from '../window-state/window-state';
import { startContractSync } from './useContractSync';

function fakeApi() {
  const listeners = new Map<string, (payload: never) => void>();
  let connection: ((state: ConnectionState) => void) | null = null;
  let answerList: ((items: QueueItem[]) => void) | null = null;
  let listAskedResolve: () => void = () => {};
  const listAsked = new Promise<void>((resolve) => (listAskedResolve = resolve));
  const api = {
    invoke: (async (channel: string) => {
      if (channel === 'listQueue') {
        listAskedResolve();
        return new Promise<QueueItem[]>((r) => (answerList = r));
      }
      throw Object.assign(new Error('not in this test'), { kind: 'unavailable' });
    }) as ConsoleApi['invoke'],
    on: ((event: string, listener: (payload: never) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }) as ConsoleApi['on'],
    onConnection(listener: (state: ConnectionState) => void) {
      connection = listener;
      return () => (connection = null);
    },
  } as ConsoleApi;
  return {
    api,
    listAsked,
    connect: () => connection!('connected'),
    emit: (event: string, payload: unknown) => listeners.get(event)!(payload as never),
    answerList: (items: QueueItem[]) => answerList!(items),
  };
}

describe('contract sync', () => {
  it('keeps a flag whose event arrived while the resync’s older list was on its way', async () => {
    const { store, actions } = createWindowState();
    const fake = fakeApi();
    const stop = startContractSync(fake.api, actions);
    try {
      fake.connect();
      await fake.listAsked;
      // The new flag's event first, then the list as it was before the flag was stored.
      fake.emit('queueChanged', { upserts: [queueItem('fl_new', { revision: 1 })] });
      const older = queueItem('fl_old', { revision: 1 });
      fake.answerList([older]);
      // The list lands when the resync's answers are in: wait for it in the window state.
      await new Promise<void>((resolve) => {
        const off = store.subscribe((state) => {
          if (state.queue.byId.has('fl_old')) {
            off();
            resolve();
          }
        });
      });
      expect([...store.getState().queue.byId.keys()].sort()).toEqual(['fl_new', 'fl_old']);
    } finally {
      stop();
    }
  });
});
