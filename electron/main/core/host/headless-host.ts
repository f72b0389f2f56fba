// The headless host: the same core, without Electron, serving the built renderer and the contract
// over a WebSocket on 127.0.0.1 only. A random token in the URL keeps other local users' browsers
// (and web pages: the Origin is checked) from connecting.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConsoleCore } from '../console-core';
import { dispatchInvoke } from '../ipc/dispatch';
import { contentSecurityPolicy, serveStatic } from './static-files';
import { clientMessageSchema, type ServerMessage } from './ws-protocol';

export interface HeadlessHostOptions {
  core: ConsoleCore;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface HeadlessHost {
  /** The console URL, token included (in the fragment, so it is never sent in a request line). */
  readonly url: string;
  readonly port: number;
  readonly clients: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const log = options.log ?? console.log;
  let origin = '';
  let csp = '';

  const server = http.createServer((req, res) => serveStatic(options.rendererDir, csp, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const expected = Buffer.from(token);
    const tokenOk = given.length === expected.length && crypto.timingSafeEqual(given, expected);
    if (url.pathname !== '/ws' || !tokenOk || req.headers.origin !== origin) {
      log(
        `refused a WebSocket connection (${url.pathname !== '/ws' ? 'path' : !tokenOk ? 'token' : 'origin'})`,
      );
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = options.core.subscribe((event, payload) => send({ type: 'event', event, payload }));
    ws.on('message', async (data) => {
      let message;
      try {
        message = clientMessageSchema.safeParse(JSON.parse(data.toString()));
      } catch {
        message = null;
      }
      if (!message?.success) {
        ws.close(1008, 'invalid message');
        return;
      }
      const { id, channel, payload } = message.data;
      const result = await dispatchInvoke(options.core.handlers, channel, payload);
      send({ type: 'result', id, result });
    });
    ws.on('close', unsubscribe);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  csp = contentSecurityPolicy(`ws://127.0.0.1:${port}`);

  return {
    url: `${origin}/#token=${token}`,
    port,
    get clients() {
      return wss.clients.size;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
