import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { feedHealth } from '../../tests/helpers/domain-fixtures';
import { createWsApi } from './ws-client';

class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  serverOpen() {
    this.readyState = 1;
    this.onopen?.();
  }
  serverSend(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  lastInvoke() {
    return JSON.parse(this.sent.at(-1)!) as { id: number; channel: string; payload: unknown };
  }
}

const health = feedHealth();

describe('WebSocket client', () => {
  let sockets: FakeSocket[];
  const make = () =>
    createWsApi('ws://h/ws?token=t', (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s as unknown as WebSocket;
    });

  beforeEach(() => {
    sockets = [];
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sends invokes in the wire format and resolves validated values', async () => {
    const api = make();
    sockets[0]!.serverOpen();
    const answer = api.invoke('getFeedHealth', {});
    const sent = sockets[0]!.lastInvoke();
    expect(sent).toMatchObject({ type: 'invoke', channel: 'getFeedHealth', payload: {} });
    sockets[0]!.serverSend({ type: 'result', id: sent.id, result: { ok: true, value: health } });
    await expect(answer).resolves.toEqual(health);
  });

  it('rejects with an Error carrying the contract kind', async () => {
    const api = make();
    sockets[0]!.serverOpen();
    const answer = api.invoke('getFlagDetail', { id: 'x' });
    const { id } = sockets[0]!.lastInvoke();
    sockets[0]!.serverSend({
      type: 'result',
      id,
      result: { ok: false, error: { kind: 'not_found', message: 'No flag x.' } },
    });
    await expect(answer).rejects.toMatchObject({ kind: 'not_found', message: 'No flag x.' });
  });

  it('rejects a response that breaks the contract, and drops invalid events without logging them', async () => {
    const api = make();
    sockets[0]!.serverOpen();
    const seen: unknown[] = [];
    api.on('feedHealth', (p) => seen.push(p));
    sockets[0]!.serverSend({ type: 'event', event: 'feedHealth', payload: { state: 'SECRET-NAME' } });
    sockets[0]!.serverSend({ type: 'event', event: 'feedHealth', payload: health });
    expect(seen).toEqual([health]);
    const logged = vi.mocked(console.warn).mock.calls.flat().join(' ');
    expect(logged).not.toContain('SECRET-NAME');

    const answer = api.invoke('getAlarm', {});
    const { id } = sockets[0]!.lastInvoke();
    sockets[0]!.serverSend({ type: 'result', id, result: { ok: true, value: { flagIds: 'nope' } } });
    await expect(answer).rejects.toMatchObject({ kind: 'internal' });
  });

  it('reports reconnecting, fails in-flight invokes, and reconnects with backoff', async () => {
    const api = make();
    const states: string[] = [];
    api.onConnection((s) => states.push(s));
    sockets[0]!.serverOpen();
    const answer = api.invoke('getAlarm', {});
    sockets[0]!.close();
    await expect(answer).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(api.invoke('getAlarm', {})).rejects.toMatchObject({ kind: 'unavailable' });
    vi.advanceTimersByTime(6000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.serverOpen();
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    api.close();
  });

  it('times out an invoke the host never answers', async () => {
    const api = make();
    sockets[0]!.serverOpen();
    const answer = api.invoke('getAlarm', {});
    vi.advanceTimersByTime(16_000);
    await expect(answer).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
