// Simulator → poller → encrypted store → core → WebSocket contract, as the browser sees it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { startHeadlessHost, type HeadlessHost } from '../../electron/main/core/host/headless-host';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { makeFlag } from '../helpers/flags';
import { openTempStore, tempDir } from '../helpers/temp-store';
import { hashPassword } from '../../electron/main/core/accounts/passwords';

let sim: Simulator;
let core: ConsoleCore;
let host: HeadlessHost;
let closeStore: () => void;

const PASSWORD = 'correct horse battery';
const logOn = (client: Client) =>
  client.invoke('logon', { name: 'Op Testwal', password: PASSWORD, bannerAccepted: true });

async function startRig() {
  sim = await startSimulator({ token: 't0k3n', runId: 'h' });
  const { store, sync } = openTempStore();
  closeStore = () => sync.close();
  await store.createAccount(
    { name: 'Op Testwal', role: 'operator', passwordHash: await hashPassword(PASSWORD) },
    'test',
    0,
  );
  core = createConsoleCore({
    store,
    host: 'headless',
    version: 'test',
    feed: defaultFeedConfig({ baseUrl: sim.url, token: 't0k3n', pollIntervalMs: 1000, training: true }),
    tickMs: 100,
  });
  await core.start();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startHeadlessHost({
    core,
    rendererDir,
    deskToken: 'secret-token-123',
    wallToken: 'wall-token-456',
    log: () => {},
  });
}

afterEach(async () => {
  await host?.close();
  await core?.stop();
  await sim?.close();
  closeStore?.();
});

class Client {
  private nextId = 1;
  readonly events: { event: string; payload: any }[] = [];
  private waiters: (() => void)[] = [];
  private results = new Map<number, (r: any) => void>();
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'result') this.results.get(message.id)?.(message.result);
      else {
        this.events.push(message);
        for (const w of this.waiters.splice(0)) w();
      }
    });
  }
  static connect(url: string, origin: string): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { origin });
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }
  invoke(channel: string, payload: unknown = {}): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.results.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
    });
  }
  /** Resolves when an event matching the predicate has arrived (already or later). */
  async waitFor(event: string, predicate: (payload: any) => boolean = () => true): Promise<any> {
    for (;;) {
      const found = this.events.find((e) => e.event === event && predicate(e.payload));
      if (found) return found.payload;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
}

const wsUrl = (token: string) => `ws://127.0.0.1:${host.port}/ws?token=${token}`;
const origin = () => `http://127.0.0.1:${host.port}`;

describe('headless host', () => {
  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    await startRig();
    const page = await fetch(`${origin()}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect((await fetch(`${origin()}/..%2f..%2fetc/passwd`)).status).toBe(404);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('refuses a wrong token and a foreign origin', async () => {
    await startRig();
    await expect(Client.connect(wsUrl('wrong'), origin())).rejects.toThrow(/403/);
    await expect(Client.connect(wsUrl('secret-token-123'), 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('validates every payload and names the field', async () => {
    await startRig();
    const client = await Client.connect(wsUrl('secret-token-123'), origin());
    // Nobody logged on at this connection yet: reads only.
    expect(await client.invoke('getFlagDetail', { id: 'fl_none' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Log on first.' },
    });
    expect(await logOn(client)).toMatchObject({ ok: true, value: { name: 'Op Testwal', role: 'operator' } });
    expect(await client.invoke('nope')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', field: 'channel' },
    });
    expect(await client.invoke('acknowledge', { id: 'x y', operator: 'Op' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', field: 'id' },
    });
    expect(await client.invoke('acknowledge', { id: 'fl_1', operator: 'O' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', field: 'operator' },
    });
    expect(await client.invoke('getFlagDetail', { id: 'fl_none' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(await client.invoke('getSession')).toMatchObject({
      ok: true,
      value: { training: true, host: 'headless', user: { name: 'Op Testwal' }, accountsExist: true },
    });
    client.ws.close();
  });

  it('pushes a published flag to the queue, sounds the alarm, and acknowledging silences it', async () => {
    await startRig();
    const client = await Client.connect(wsUrl('secret-token-123'), origin());
    await logOn(client);
    sim.publish(makeFlag({ id: 'fl_e2e', risk: 'imminent' }));
    const changed = await client.waitFor('queueChanged', (p) =>
      p.upserts.some((u: any) => u.id === 'fl_e2e'),
    );
    const item = changed.upserts.find((u: any) => u.id === 'fl_e2e');
    expect(item).toMatchObject({ state: 'new', districtKey: 'kota', training: true });
    expect(JSON.stringify(changed)).not.toContain('Canarywala'); // queue events carry no personal field
    await client.waitFor('alarm', (p) => p.flagIds.includes('fl_e2e') && p.highestRisk === 'imminent');

    // Need-to-know: the detail carries no identity; a reveal with a reason does, and is recorded.
    const detail = await client.invoke('getFlagDetail', { id: 'fl_e2e' });
    expect(JSON.stringify(detail)).not.toContain('Canarywala');
    expect(
      await client.invoke('revealFlag', { id: 'fl_e2e', operator: 'Op Testwal', reason: 'no' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    const revealed = await client.invoke('revealFlag', {
      id: 'fl_e2e',
      operator: 'Op Testwal',
      reason: 'calling Kota City police with the address',
    });
    expect(revealed.value.subject.display_name).toBe('Zubeida Canarywala');
    const history = (await client.invoke('getFlagDetail', { id: 'fl_e2e' })).value.events;
    expect(history.at(-1)).toMatchObject({ kind: 'revealed', actor: 'Op Testwal' });
    expect(await client.invoke('acknowledge', { id: 'fl_e2e', operator: 'Op Testwal' })).toMatchObject({
      ok: true,
      value: { state: 'acknowledged', acknowledgedBy: 'Op Testwal' },
    });
    await client.waitFor('alarm', (p) => p.flagIds.length === 0);
    expect((await client.invoke('listQueue')).value[0]).toMatchObject({
      id: 'fl_e2e',
      state: 'acknowledged',
    });
    client.ws.close();
  });

  it('gives the wall token a read-only role that can never ask for personal details', async () => {
    await startRig();
    const wall = await Client.connect(wsUrl('wall-token-456'), origin());
    expect(await wall.invoke('getSession')).toMatchObject({ ok: true, value: { role: 'wall' } });
    expect(await wall.invoke('listQueue')).toMatchObject({ ok: true });
    for (const [channel, payload] of [
      ['getFlagDetail', { id: 'fl_1' }],
      ['acknowledge', { id: 'fl_1', operator: 'Op Testwal' }],
      ['silenceAlarm', { operator: 'Op Testwal', reason: 'drill now', minutes: 1 }],
    ] as const) {
      expect(await wall.invoke(channel, payload), channel).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
    expect(host.wallUrl).toContain('#token=wall-token-456&view=wall');

    // An operator's free text (a silence reason) never reaches the wall, by event or by answer.
    const desk = await Client.connect(wsUrl('secret-token-123'), origin());
    await logOn(desk);
    await desk.invoke('silenceAlarm', {
      operator: 'Op Testwal',
      reason: 'calling Priyanka Fictora',
      minutes: 2,
    });
    await wall.waitFor('alarm', (p) => p.silence !== null);
    const seen = JSON.stringify([wall.events, await wall.invoke('getAlarm')]);
    expect(seen).not.toContain('Priyanka');
    expect(seen).not.toContain('Op Testwal');
    desk.ws.close();
    wall.ws.close();
  });

  it('pushes the feed-health alarm when the feed refuses the credentials', async () => {
    await startRig();
    const client = await Client.connect(wsUrl('secret-token-123'), origin());
    await client.waitFor('feedHealth', (p) => p.state === 'ok');
    sim.setFault('unauthorised');
    await client.waitFor('feedHealth', (p) => p.state === 'unauthorised' && p.alarm === true);
    await client.waitFor('alarm', (p) => p.feedAlarm === true);
    client.ws.close();
  });
});

describe('headless host under malformed requests', () => {
  it('answers 400 and keeps running', async () => {
    await startRig();
    const raw = (line: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(host.port, '127.0.0.1', () => socket.write(line));
        let data = '';
        socket.on('data', (c) => (data += c.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', () => resolve(data));
      });
    expect(await raw('GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1.1 400/,
    );
    expect(await raw('GET /a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1.1 400/,
    );
    expect(
      await raw(
        'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      ),
    ).toMatch(/^HTTP\/1.1 40\d/);
    expect((await fetch(`${origin()}/`)).status).toBe(200); // still serving
  });
});
