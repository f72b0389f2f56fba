// A real headless host over a real socket: simulator → poller → encrypted temp store → core → host,
// with a contract client, raw-socket helpers and the host's log lines to wait on.
import { logCollector } from './log-collector';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import {
  createConsoleCore,
  type ConsoleCore,
  type ConsoleCoreOptions,
} from '../../electron/main/core/console-core';
import type { AccountRole } from '../../shared/accounts';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { startHeadlessHost, type HeadlessHost } from '../../electron/main/core/host/headless-host';
import type { HostLimits } from '../../electron/main/core/host/host-limits';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { openTempStore, tempDir } from './temp-store';
import type { Store } from '../../electron/main/core/store/store';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';

export const DESK_TOKEN = 'secret-token-123';
export const WALL_TOKEN = 'wall-token-456';
export const OPERATOR = { name: 'Op Testwal', password: 'correct horse battery' };

export interface HostRig {
  sim: Simulator;
  /** The store behind the core, for tests that read what was recorded (the audit trail). */
  store: Store;
  /** The same database, read directly (the audit log). */
  database: SqliteStore['database'];
  core: ConsoleCore;
  host: HeadlessHost;
  readonly logs: string[];
  /** Resolves with the first log line (already written or later) that matches. */
  waitForLog(pattern: RegExp): Promise<string>;
  wsUrl(token: string): string;
  origin(): string;
  close(): Promise<void>;
}

export interface HostRigOptions {
  limits?: Partial<HostLimits>;
  /** Wraps the real core, e.g. to hold some handlers until the test lets them answer. */
  wrapCore?: (core: ConsoleCore) => ConsoleCore;
  pollIntervalMs?: number;
  /** More options for the core (an injected clock, the hold grace). */
  core?: Partial<ConsoleCoreOptions>;
  /** Accounts besides OPERATOR. */
  accounts?: { name: string; password: string; role: AccountRole; units?: string[] }[];
}

export async function startHostRig(options: HostRigOptions = {}): Promise<HostRig> {
  const sim = await startSimulator({ token: 't0k3n', runId: 'h' });
  const { store, sync } = openTempStore();
  await store.createAccount(
    { name: OPERATOR.name, role: 'operator', passwordHash: await hashPassword(OPERATOR.password) },
    'test',
    0,
  );
  for (const account of options.accounts ?? [])
    await store.createAccount(
      {
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
        ...(account.units ? { units: account.units } : {}),
      },
      'test',
      0,
    );
  const core = createConsoleCore({
    store,
    host: 'headless',
    version: 'test',
    feed: defaultFeedConfig({
      baseUrl: sim.url,
      token: 't0k3n',
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      training: true,
    }),
    tickMs: 100,
    log: () => {},
    ...options.core,
  });
  await core.start();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const collected = logCollector();
  const host = await startHeadlessHost({
    core: options.wrapCore ? options.wrapCore(core) : core,
    rendererDir,
    deskToken: DESK_TOKEN,
    wallToken: WALL_TOKEN,
    limits: options.limits,
    log: collected.log,
  });
  return {
    sim,
    store,
    database: sync.database,
    core,
    host,
    logs: collected.logs,
    waitForLog: collected.waitForLog,
    wsUrl: (token) => `ws://127.0.0.1:${host.port}/ws?token=${token}`,
    origin: () => `http://127.0.0.1:${host.port}`,
    async close() {
      await host.close();
      await core.stop();
      await sim.close();
      sync.close();
    },
  };
}

/** A contract client over a real WebSocket, as the renderer's ws-client speaks it. */
export class Client {
  private nextId = 1;
  readonly events: { event: string; payload: any }[] = [];
  private waiters: (() => void)[] = [];
  private results = new Map<number, (r: any) => void>();
  /** Resolves with the close code once the connection has ended, whoever ended it. */
  readonly closed: Promise<number>;
  constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => {}); // a connection the host ends is an outcome the tests look at, not a fault
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'result') {
        this.results.get(message.id)?.(message.result);
        this.results.delete(message.id);
      } else {
        this.events.push(message);
        for (const w of this.waiters.splice(0)) w();
      }
    });
  }
  static connect(rig: HostRig, token: string): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(rig.wsUrl(token), { origin: rig.origin() });
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }
  /** Sends without waiting for the answer; returns the id. */
  send(channel: string, payload: unknown = {}): number {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
    return id;
  }
  invoke(channel: string, payload: unknown = {}): Promise<any> {
    const id = this.nextId;
    const answer = new Promise((resolve) => this.results.set(id, resolve));
    this.send(channel, payload);
    return answer;
  }
  /** Resolves when an event matching the predicate has arrived (already or later). */
  async waitFor(event: string, predicate: (payload: any) => boolean = () => true): Promise<any> {
    for (;;) {
      const found = this.events.find((e) => e.event === event && predicate(e.payload));
      if (found) return found.payload;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
  close(): void {
    this.ws.terminate();
  }
}

export const logOn = (client: Client, name = OPERATOR.name, password = OPERATOR.password) =>
  client.invoke('logon', { name, password, bannerAccepted: true });

/** A raw TCP socket to the host that resolves `closed` when the host (or anything) ends it. */
export function rawSocket(rig: HostRig, firstBytes = ''): { socket: net.Socket; closed: Promise<string> } {
  const socket = net.connect(rig.host.port, '127.0.0.1', () => {
    if (firstBytes) socket.write(firstBytes);
  });
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  socket.on('error', () => {});
  return { socket, closed };
}

/** The start of a WebSocket upgrade with a valid token, never finished (no blank line). */
export const partialUpgrade = (rig: HostRig, token = DESK_TOKEN) =>
  `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${rig.host.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n`;
