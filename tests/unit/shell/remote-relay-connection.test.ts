// Client mode's relay (electron/main/shell/remote-core.ts), electron mocked: the state of each
// window's supervised link to the room's core reaches that window over IPC_CONNECTION, at its first
// question and then on every change; a frame that may not reach the core is told nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { relayRemoteContract } from '../../../electron/main/shell/remote-core';
import { IPC_CONNECTION, IPC_EVENT, IPC_INVOKE } from '../../../shared/ipc-channels';
import { fakeConnection, type FakeConnection } from '../../helpers/fake-room-connection';

vi.mock('electron', () => ({}));
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function fakeWindow(id: number, url = 'app://lifeline/index.html') {
  const sent: [string, ...unknown[]][] = [];
  const mainFrame = { url };
  const sender = {
    id,
    mainFrame,
    isDestroyed: () => false,
    send: (channel: string, ...args: unknown[]) => sent.push([channel, ...args]),
  };
  return { sent, event: { sender, senderFrame: mainFrame } };
}

describe('relayRemoteContract and the window’s link state', () => {
  it('sends the window its state over IPC as the link is made, lost and revoked', async () => {
    const handlers = new Map<string, Handler>();
    const opened: FakeConnection[] = [];
    const relay = relayRemoteContract(
      { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never,
      { kind: 'desk' },
      async () => {
        const connection = fakeConnection();
        opened.push(connection);
        return connection;
      },
      (url) => url === 'app://lifeline/index.html',
      () => 'desk',
    );
    expect([...handlers.keys()].sort()).toEqual([IPC_CONNECTION, IPC_INVOKE].sort());
    const desk = fakeWindow(1);
    const states = () => desk.sent.filter(([channel]) => channel === IPC_CONNECTION).map(([, s]) => s);

    // The window's first question starts its link and is answered with the state now.
    expect(handlers.get(IPC_CONNECTION)!(desk.event)).toBe('connecting');
    await vi.advanceTimersByTimeAsync(0);
    expect(states()).toEqual(['connected']);
    // Events of the core still reach the window on IPC_EVENT.
    opened[0]!.push({ event: 'queueChanged', payload: { upserts: [] } });
    expect(desk.sent).toContainEqual([IPC_EVENT, 'queueChanged', { upserts: [] }]);

    // A silent link: the window is told, without any call of its own.
    opened[0]!.answering = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(states()).toContain('reconnecting');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(states().at(-1)).toBe('connected');

    // Revoked at the core: told at once, and no more connections are opened.
    const count = opened.length;
    opened.at(-1)!.closeWith(4003);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states().at(-1)).toBe('revoked');
    expect(opened).toHaveLength(count);

    // A frame that may not reach the core is not given the state (and starts nothing).
    const stranger = fakeWindow(2, 'https://evil.invalid/');
    expect(handlers.get(IPC_CONNECTION)!(stranger.event)).toBeNull();
    expect(opened).toHaveLength(count);
    relay.closeAll();
  });
});
