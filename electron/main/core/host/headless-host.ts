// The headless host: the same core, without Electron, serving the built renderer and the contract
// over a WebSocket on 127.0.0.1 only. A random token in the URL keeps other local users' browsers
// (and web pages: the Origin is checked) from connecting. The desk and the wall get different
// tokens: a wall connection can only read the queue, whatever page asks.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { VIEW_ROLES, type ViewRole } from '../../../../shared/contract';
import type { ConsoleCore } from '../console-core';
import { createAuthGate } from './auth-gate';
import { hostLimits, type HostLimits } from './host-limits';
import { contentSecurityPolicy, serveStatic } from './static-files';
import { faultKind, serveConnection } from './ws-connection';

export interface HeadlessHostOptions {
  core: ConsoleCore;
  rendererDir: string;
  port?: number;
  deskToken?: string;
  wallToken?: string;
  log?: (line: string) => void;
  /** Tests tighten these; production runs with DEFAULT_HOST_LIMITS. */
  limits?: Partial<HostLimits>;
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

const refuse = (socket: Duplex, status: string) => {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  socket.destroy();
};

export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const tokens: Record<ViewRole, string> = {
    desk: options.deskToken ?? crypto.randomBytes(24).toString('base64url'),
    wall: options.wallToken ?? crypto.randomBytes(24).toString('base64url'),
  };
  const log = options.log ?? console.log;
  const limits = hostLimits(options.limits);
  const authGate = createAuthGate(limits.authConcurrency, limits.authQueue);
  let origin = '';
  let csp = '';

  const server = http.createServer(
    {
      // A socket that opens and then sends nothing, or trickles a request it never finishes, holds a
      // slot of maxSockets: these end it. Node checks them every connectionsCheckingInterval.
      headersTimeout: limits.handshakeTimeoutMs,
      requestTimeout: limits.handshakeTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.handshakeTimeoutMs),
    },
    (req, res) => serveStatic(options.rendererDir, csp, req, res),
  );
  server.maxConnections = limits.maxSockets;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const open: Record<ViewRole, number> = { desk: 0, wall: 0 };

  server.on('connection', (socket) => {
    // A socket sending nothing at all is not always seen by headersTimeout: an idle timer covers it
    // until the upgrade (ws then clears it: a WebSocket may be quiet for as long as it likes).
    socket.setTimeout(limits.handshakeTimeoutMs, () => socket.destroy());
  });
  // A malformed or reset request: answer 400 where the socket can still take it; log the kind only.
  server.on('clientError', (error, socket) => {
    log(`refused a malformed request (${faultKind(error)})`);
    refuse(socket, '400 Bad Request');
  });
  // After listen, an 'error' here is an accept failure (EMFILE): the server keeps listening.
  server.on('error', (error) => log(`host socket error (${faultKind(error)})`));

  server.on('upgrade', (req, socket, head) => {
    // From here until ws takes the socket over, a reset from the peer is ours to catch.
    const onHandshakeError = (error: Error) => log(`WebSocket handshake failed (${faultKind(error)})`);
    socket.on('error', onHandshakeError);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      refuse(socket, '400 Bad Request');
      return;
    }
    const role = roleOfToken(url.searchParams.get('token') ?? '');
    if (url.pathname !== '/ws' || role === null || req.headers.origin !== origin) {
      log(
        `refused a WebSocket connection (${url.pathname !== '/ws' ? 'path' : role === null ? 'token' : 'origin'})`,
      );
      refuse(socket, '403 Forbidden');
      return;
    }
    if (open.desk + open.wall >= limits.maxConnections || open[role] >= limits.maxConnectionsPerRole[role]) {
      log(`refused a WebSocket connection (too many ${role} connections)`);
      refuse(socket, '503 Service Unavailable');
      return;
    }
    open[role]++;
    let counted = true;
    const release = () => {
      if (counted) open[role]--;
      counted = false;
    };
    // The socket's close counts for both ends: a handshake ws refuses (bad key or version, which
    // never calls back) and a connection that served and ended.
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('error', onHandshakeError); // the WebSocket's own handling takes over
      serveConnection(ws, {
        core: options.core,
        role,
        connection: `ws-${++connections}`,
        limits,
        authGate,
        log,
      });
    });
  });

  function roleOfToken(given: string): ViewRole | null {
    const bytes = Buffer.from(given);
    for (const role of VIEW_ROLES) {
      const expected = Buffer.from(tokens[role]);
      if (bytes.length === expected.length && crypto.timingSafeEqual(bytes, expected)) return role;
    }
    return null;
  }

  // Each connection is its own logon session: a reloaded page logs on again.
  let connections = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
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
