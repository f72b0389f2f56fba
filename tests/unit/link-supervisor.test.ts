// The link supervisor of main in client mode (electron/main/core/net/link-supervisor.ts) by a fake
// clock: a silent link is named by the room's heartbeat rule within the 5 s promise; a link the core
// closes as revoked is 'revoked' and never retried. (Against a real core: tests/integration/link-supervisor.test.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { superviseRoomLink, type LinkState } from '../../electron/main/core/net/link-supervisor';
import { fakeConnection, type FakeConnection } from '../helpers/fake-room-connection';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function supervised() {
  const opened: FakeConnection[] = [];
  const states: { state: LinkState; atMs: number }[] = [];
  const tokens: (string | null)[] = [];
  let retries = 0;
  const link = superviseRoomLink({
    connect: async (token) => {
      tokens.push(token);
      const connection = fakeConnection();
      opened.push(connection);
      return connection;
    },
    onState: (state) => states.push({ state, atMs: Date.now() }),
    onEvent: () => {},
    delayMs: () => (retries++, 500),
  });
  return { link, opened, states, tokens, retries: () => retries };
}

describe('superviseRoomLink', () => {
  it('names a silent link within 5 s, reconnects with the resume token, and is connected again', async () => {
    const { link, opened, states, tokens } = supervised();
    await vi.advanceTimersByTimeAsync(0);
    expect(link.state).toBe('connected');
    opened[0]!.resumeToken = 'tok-1';
    await vi.advanceTimersByTimeAsync(10_000); // pongs come: nothing changes
    expect(states.map((s) => s.state)).toEqual(['connected']);
    const cutAt = Date.now();
    opened[0]!.answering = false; // the cable is pulled: no close, only silence
    await vi.advanceTimersByTimeAsync(5000);
    const named = states.find((s) => s.state === 'reconnecting');
    expect(named).toBeDefined();
    expect(named!.atMs - cutAt).toBeLessThanOrEqual(5000);
    // The retry came after the backoff, took the session up again, and is connected.
    expect(tokens).toEqual([null, 'tok-1']);
    expect(link.state).toBe('connected');
    link.close();
  });

  it('is revoked when the core closes it as revoked, and never tries again', async () => {
    const { link, opened, states, retries } = supervised();
    await vi.advanceTimersByTimeAsync(0);
    opened[0]!.closeWith(4003);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states.map((s) => s.state)).toEqual(['connected', 'revoked']);
    expect(opened).toHaveLength(1);
    expect(retries()).toBe(0);
    expect(await link.invoke('listQueue', {})).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', message: expect.stringMatching(/revoked/) },
    });
  });
});
