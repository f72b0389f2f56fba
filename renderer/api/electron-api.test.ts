// The renderer's contract over the Electron preload: with an embedded core the bridge has no
// onConnection and the window is always 'connected'; in client mode the bridge says how main's link
// to the room's core is, and the renderer passes it on (so useContractSync resyncs on 'connected').
import { describe, expect, it } from 'vitest';
import type { ConnectionState, ContractTransport } from '../../shared/contract-client';
import { electronApi } from './electron-api';

function fakeBridge(withConnection: boolean) {
  let push: ((state: ConnectionState) => void) | null = null;
  const bridge: ContractTransport = {
    invoke: async () => ({ ok: true, value: null }) as never,
    listen: () => () => {},
    ...(withConnection
      ? {
          onConnection(listener: (state: ConnectionState) => void) {
            push = listener;
            return () => (push = null);
          },
        }
      : {}),
  };
  return { bridge, push: (state: unknown) => push!(state as ConnectionState) };
}

describe('electronApi', () => {
  it('is always connected over a bridge without onConnection (embedded core)', () => {
    const api = electronApi(fakeBridge(false).bridge);
    const seen: ConnectionState[] = [];
    api.onConnection((state) => seen.push(state));
    expect(seen).toEqual(['connected']);
  });

  it('passes on every change the bridge reports, and only the four known words', () => {
    const fake = fakeBridge(true);
    const api = electronApi(fake.bridge);
    const seen: ConnectionState[] = [];
    const off = api.onConnection((state) => seen.push(state));
    expect(seen).toEqual(['connecting']);
    fake.push('connected');
    fake.push('connected'); // no change, no call
    fake.push('reconnecting');
    fake.push('offline'); // not a state: dropped
    fake.push('connected'); // back: the renderer resyncs on this
    fake.push('revoked');
    expect(seen).toEqual(['connecting', 'connected', 'reconnecting', 'connected', 'revoked']);
    // A listener added later hears the current state at once.
    const late: ConnectionState[] = [];
    api.onConnection((state) => late.push(state));
    expect(late).toEqual(['revoked']);
    off();
    fake.push('connected');
    expect(seen.at(-1)).toBe('revoked');
    expect(late.at(-1)).toBe('connected');
  });
});
