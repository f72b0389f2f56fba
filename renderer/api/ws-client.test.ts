import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { feedHealth } from '../../tests/helpers/domain-fixtures';
import { HEARTBEAT } from '../../shared/room/heartbeat';
import { createWsApi } from './ws-client';

class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: ((event?: { code: number }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  /** Opens, and the core answers the client's first ping (the client is 'connected' only then). */
  serverOpen() {
    this.openSilently();
    this.serverSend({ type: 'pong', id: 1 });
  }
  openSilently() {
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

  it('keeps the resume token in memory and presents it first on the next connection', async () => {
    const api = make();
    sockets[0]!.serverOpen();
    sockets[0]!.serverSend({ type: 'session', token: 'x'.repeat(43) });
    sockets[0]!.close();
    await vi.advanceTimersByTimeAsync(2000);
    sockets[1]!.openSilently();
    expect(JSON.parse(sockets[1]!.sent[0]!)).toEqual({ type: 'resume', token: 'x'.repeat(43) });
    // Refused: nothing is presented again on the connection after.
    sockets[1]!.serverSend({ type: 'resumed', ok: false, refusal: 'expired' });
    sockets[1]!.close();
    await vi.advanceTimersByTimeAsync(2000);
    sockets[2]!.openSilently();
    expect(sockets[2]!.sent.map((m) => JSON.parse(m).type)).not.toContain('resume');
    api.close();
  });

  it('a revoked device (close 4003) says so and stops reconnecting', async () => {
    const api = make();
    const states: string[] = [];
    api.onConnection((state) => states.push(state));
    sockets[0]!.serverOpen();
    sockets[0]!.readyState = 3;
    sockets[0]!.onclose?.({ code: 4003 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(states.at(-1)).toBe('revoked');
    expect(sockets).toHaveLength(1);
    api.close();
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

  it('calls a silent link NOT CONNECTED by its heartbeat, with no close from TCP, and reconnects', () => {
    const api = make();
    const states: { state: string; atMs: number }[] = [];
    api.onConnection((state) => states.push({ state, atMs: Date.now() }));
    sockets[0]!.serverOpen();
    const cutAt = Date.now();
    // The cable is pulled: nothing more is heard, and the socket never closes by itself.
    vi.advanceTimersByTime(HEARTBEAT.deadAfterMs + HEARTBEAT.pingEveryMs);
    const lost = states.find((s) => s.state === 'reconnecting');
    expect(lost).toBeDefined();
    expect(lost!.atMs - cutAt).toBeLessThanOrEqual(HEARTBEAT.deadAfterMs + HEARTBEAT.pingEveryMs);
    expect(sockets[0]!.sent.filter((m) => JSON.parse(m).type === 'ping').length).toBeGreaterThanOrEqual(3);
    vi.advanceTimersByTime(6000);
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    api.close();
  });

  it('does not call a link dead because its own timers stood still: it pings first, then waits', () => {
    const api = make();
    const states: string[] = [];
    api.onConnection((s) => states.push(s));
    sockets[0]!.serverOpen();
    // The page's clock jumps 15 minutes with no timer run (a laptop asleep, a test's clock moved):
    // the core was never asked anything in that time, so its silence says nothing about the link.
    vi.setSystemTime(Date.now() + 15 * 60_000);
    vi.advanceTimersByTime(HEARTBEAT.pingEveryMs);
    const pings = sockets[0]!.sent.filter((m) => JSON.parse(m).type === 'ping');
    sockets[0]!.serverSend({ type: 'pong', id: JSON.parse(pings.at(-1)!).id });
    vi.advanceTimersByTime(HEARTBEAT.deadAfterMs);
    expect(states).toEqual(['connecting', 'connected']);
    expect(sockets).toHaveLength(1);
    api.close();
  });

  it('is not connected on a socket that opens but carries no answer', () => {
    const api = make();
    const states: string[] = [];
    api.onConnection((s) => states.push(s));
    sockets[0]!.openSilently();
    expect(states).toEqual(['connecting']);
    sockets[0]!.serverSend({ type: 'pong', id: 1 });
    expect(states).toEqual(['connecting', 'connected']);
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
