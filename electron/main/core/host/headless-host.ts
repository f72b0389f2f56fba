// The headless host: the same core, without Electron, serving the built renderer and the contract
// over a WebSocket on 127.0.0.1 only. A random token in the URL keeps other local users' browsers
// (and web pages: the Origin is checked) from connecting. The desk and the wall get different
// tokens: a wall connection can only read the queue, whatever page asks.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { VIEW_ROLES, type ViewRole } from '../../../../shared/contract';
import type { ConsoleCore } from '../console-core';
import { dispatchInvoke } from '../ipc/dispatch';
import { forRole } from '../ipc/role-filter';
import { contentSecurityPolicy, serveStatic } from './static-files';
import { clientMessageSchema, type ServerMessage } from './ws-protocol';

export interface HeadlessHostOptions {
  core: ConsoleCore;
  rendererDir: string;
  port?: number;
  deskToken?: string;
  wallToken?: string;
  log?: (line: string) => void;
}

export interface HeadlessHost {
  /** The desk's URL, token included (in the fragment, so it is never sent in a request line). */
  readonly url: string;
  /** The wall display's URL: its token allows reading the queue only. */
  readonly wallUrl: string;
  readonly port: number;
  readonly clients: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const tokens: Record<ViewRole, string> = {
    desk: options.deskToken ?? crypto.randomBytes(24).toString('base64url'),
    wall: options.wallToken ?? crypto.randomBytes(24).toString('base64url'),
  };
  const log = options.log ?? console.log;
  let origin = '';
  let csp = '';

  const server = http.createServer((req, res) => serveStatic(options.rendererDir, csp, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const role = roleOfToken(url.searchParams.get('token') ?? '');
    if (url.pathname !== '/ws' || role === null || req.headers.origin !== origin) {
      log(
        `refused a WebSocket connection (${url.pathname !== '/ws' ? 'path' : role === null ? 'token' : 'origin'})`,
      );
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, role));
  });

  function roleOfToken(given: string): ViewRole | null {
    const bytes = Buffer.from(given);
    for (const role of VIEW_ROLES) {
      const expected = Buffer.from(tokens[role]);
      if (bytes.length === expected.length && crypto.timingSafeEqual(bytes, expected)) return role;
    }
    return null;
  }

  let connections = 0;
  function attach(ws: WebSocket, role: ViewRole): void {
    // Each connection is its own logon session: a reloaded page logs on again.
    const connection = `ws-${++connections}`;
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = options.core.subscribe((event, payload) =>
      send({ type: 'event', event, payload: forRole(role, event, payload) }),
    );
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
      const result = await dispatchInvoke(options.core.handlers, channel, payload, { role, connection });
      send({ type: 'result', id, result });
    });
    ws.on('close', () => {
      unsubscribe();
      void options.core.endSession(connection).catch(() => {});
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  csp = contentSecurityPolicy(`ws://127.0.0.1:${port}`);

  return {
    url: `${origin}/#token=${tokens.desk}&view=desk`,
    wallUrl: `${origin}/#token=${tokens.wall}&view=wall`,
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
