// The listener both the loopback host and the room's TLS core stand on: an HTTP or HTTPS server
// carrying the contract over WebSockets, with the connection hardening of the headless host
// (timeouts for half-open sockets, caps on sockets and connections per role, a malformed request
// answered 400, every socket fault logged by kind and kept inside its socket). What differs
// between the two is a parameter: the transport (plain for loopback only, TLS 1.3 anywhere), who a
// WebSocket upgrade is (a URL token or an enrolled device's credential) and what plain requests get.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ViewRole } from '../../../../shared/contract';
import { ContractError } from '../../../../shared/errors';
import type { ConsoleCore } from '../console-core';
import { isLoopbackAddress } from '../net/loopback';
import { createAuthGate } from './auth-gate';
import { hostLimits, type HostLimits } from './host-limits';
import { faultKind, serveConnection } from './ws-connection';

const MAX_MESSAGE_BYTES = 256 * 1024;

/** Who a WebSocket upgrade is, or why it is refused (the reason is logged; it never names anyone). */
export type Admission =
  | {
      role: ViewRole;
      /** Names the connection in logs and in the logon session key. */
      label: string;
      /** Lets the owner close this connection later (a revoked device). */
      tag?: string;
      onOpen?: () => void;
      onClose?: () => void;
      /** The device this connection is: its logon sessions may be resumed (ws-connection.ts). */
      resumeBinding?: string;
      /** A district control room's desk: sees only these units' flags, logged on or not. */
      units?: readonly string[];
    }
  | {
      refused: string;
      status: '403 Forbidden' | '400 Bad Request';
      /** Told to the peer in a header, where it must know why (a revoked device): a fixed word. */
      tell?: 'revoked';
      /**
       * Instead of the HTTP refusal: complete the handshake and close at once with this code and
       * reason, sending nothing else (a browser sees only a close, never an HTTP status). For a known
       * device that is refused for good (revoked); never for an unknown credential.
       */
      closeAfterHandshake?: { code: number; reason: string };
    };

export interface ListenerTls {
  cert: string;
  key: string;
}

export interface ContractListenerOptions {
  core: ConsoleCore;
  log: (line: string) => void;
  limits?: Partial<HostLimits>;
  /** 127.0.0.1, ::1 or any address with tls; a non-loopback address without tls is refused. */
  listenHost: string;
  port?: number;
  /** Without it the listener speaks plain HTTP, which is allowed on loopback only. */
  tls?: ListenerTls;
  admit(req: http.IncomingMessage, url: URL): Admission | Promise<Admission>;
  handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void;
}

export interface ContractListener {
  readonly port: number;
  readonly clients: number;
  /** Closes every open connection admitted with this tag, with a close code and reason the peer shows. */
  closeTagged(tag: string, code: number, reason: string): number;
  close(): Promise<void>;
}

export const REFUSED_HEADER = 'x-lifeline-refused';

export const refuseSocket = (socket: Duplex, status: string, tell?: string) => {
  const told = tell ? `${REFUSED_HEADER}: ${tell}\r\n` : '';
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\n${told}Connection: close\r\n\r\n`);
  socket.destroy();
};

/** Refused before anything listens: plain text is for loopback only (issue #18). */
export function checkTransport(listenHost: string, tls: ListenerTls | undefined): void {
  if (!tls && !isLoopbackAddress(listenHost))
    throw new ContractError(
      'invalid_request',
      `listen address ${listenHost}: without TLS the core listens on loopback only (127.0.0.1 or ::1).`,
      'listen',
    );
}

export async function startContractListener(options: ContractListenerOptions): Promise<ContractListener> {
  const { core, log, listenHost, tls } = options;
  checkTransport(listenHost, tls);
  const limits = hostLimits(options.limits);
  const authGate = createAuthGate(limits.authConcurrency, limits.authQueue);

  const serverOptions: http.ServerOptions = {
    // A socket that opens and then sends nothing, or trickles a request it never finishes, holds a
    // slot of maxSockets: these end it. Node checks them every connectionsCheckingInterval.
    headersTimeout: limits.handshakeTimeoutMs,
    requestTimeout: limits.handshakeTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, limits.handshakeTimeoutMs),
  };
  const server = tls
    ? https.createServer(
        {
          ...serverOptions,
          cert: tls.cert,
          key: tls.key,
          // TLS 1.3 only: no downgrade to suites or renegotiation that 1.2 still allows.
          minVersion: 'TLSv1.3',
          // A TLS handshake that never finishes holds a socket like a slow request does.
          handshakeTimeout: limits.handshakeTimeoutMs,
        },
        options.handleRequest,
      )
    : http.createServer(serverOptions, options.handleRequest);
  server.maxConnections = limits.maxSockets;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const open: Record<ViewRole, number> = { desk: 0, wall: 0 };
  const tagged = new Map<string, Set<WebSocket>>();
  // The upgrades answered with a handshake and an immediate close: their 101 carries the refusal
  // header too, which the Node client reads before the close arrives (it never shows 'connected').
  const telling = new WeakMap<http.IncomingMessage, string>();
  wss.on('headers', (headers, req) => {
    const tell = telling.get(req);
    if (tell !== undefined) headers.push(`${REFUSED_HEADER}: ${tell}`);
  });
  let connections = 0;

  // With TLS the raw TCP socket arrives on 'connection' and the TLS one on 'secureConnection';
  // the idle timer goes on the socket the HTTP parser reads.
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    // A socket sending nothing at all is not always seen by headersTimeout: an idle timer covers it
    // until the upgrade (ws then clears it: a WebSocket may be quiet for as long as it likes).
    socket.setTimeout(limits.handshakeTimeoutMs, () => socket.destroy());
  });
  // A TLS handshake that fails (a client that does not trust our certificate, TLS 1.2, garbage).
  server.on('tlsClientError', (error: Error, socket: Duplex) => {
    log(`refused a TLS handshake (${faultKind(error)})`);
    socket.destroy();
  });
  // A malformed or reset request: answer 400 where the socket can still take it; log the kind only.
  server.on('clientError', (error, socket) => {
    log(`refused a malformed request (${faultKind(error)})`);
    refuseSocket(socket, '400 Bad Request');
  });
  // After listen, an 'error' here is an accept failure (EMFILE): the server keeps listening.
  server.on('error', (error) => log(`host socket error (${faultKind(error)})`));

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // From here until ws takes the socket over, a reset from the peer is ours to catch.
    const onHandshakeError = (error: Error) => log(`WebSocket handshake failed (${faultKind(error)})`);
    socket.on('error', onHandshakeError);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://listener.invalid');
    } catch {
      refuseSocket(socket, '400 Bad Request');
      return;
    }
    let admitted: Admission | Promise<Admission>;
    try {
      admitted = options.admit(req, url);
    } catch {
      admitted = { refused: 'admission failed', status: '403 Forbidden' };
    }
    void Promise.resolve(admitted)
      .catch((): Admission => ({ refused: 'admission failed', status: '403 Forbidden' }))
      .then((admission) => upgrade(req, socket, head, admission, onHandshakeError));
  });

  function upgrade(
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    admission: Admission,
    onHandshakeError: (error: Error) => void,
  ): void {
    if ('refused' in admission) {
      log(`refused a WebSocket connection (${admission.refused})`);
      const closing = admission.closeAfterHandshake;
      // Only while under the cap on connections: refusals never take a slot a served one needs.
      if (closing && !socket.destroyed && open.desk + open.wall < limits.maxConnections)
        closeAfterHandshake(req, socket, head, closing, admission.tell, onHandshakeError);
      else refuseSocket(socket, admission.status, admission.tell);
      return;
    }
    // The peer may have gone while an asynchronous admission looked its credential up.
    if (socket.destroyed) return;
    const { role } = admission;
    if (open.desk + open.wall >= limits.maxConnections || open[role] >= limits.maxConnectionsPerRole[role]) {
      log(`refused a WebSocket connection (too many ${role} connections)`);
      refuseSocket(socket, '503 Service Unavailable');
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
      if (admission.tag !== undefined) {
        const set = tagged.get(admission.tag) ?? new Set<WebSocket>();
        set.add(ws);
        tagged.set(admission.tag, set);
        const tag = admission.tag;
        ws.once('close', () => {
          set.delete(ws);
          if (set.size === 0 && tagged.get(tag) === set) tagged.delete(tag);
        });
      }
      if (admission.onClose) ws.once('close', admission.onClose);
      admission.onOpen?.();
      serveConnection(ws, {
        core,
        role,
        // Each connection is its own logon session: a reloaded page logs on again.
        connection: `${admission.label}-${++connections}`,
        limits,
        authGate,
        log,
        ...(admission.resumeBinding ? { resumeBinding: admission.resumeBinding } : {}),
        ...(admission.units ? { units: admission.units } : {}),
      });
    });
  }

  function closeAfterHandshake(
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    closing: { code: number; reason: string },
    tell: string | undefined,
    onHandshakeError: (error: Error) => void,
  ): void {
    if (tell !== undefined) telling.set(req, tell);
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('error', onHandshakeError);
      // Not served: whatever the peer sends is dropped; a fault on the way out is its own business.
      ws.on('error', () => undefined);
      ws.close(closing.code, closing.reason);
      // A peer that never answers the close frame is cut off anyway.
      setTimeout(() => ws.terminate(), 2000).unref();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    get clients() {
      return wss.clients.size;
    },
    closeTagged(tag, code, reason) {
      const set = tagged.get(tag);
      if (!set) return 0;
      let closing = 0;
      for (const ws of set) {
        if (ws.readyState !== ws.OPEN) continue; // already closing: once is enough
        closing++;
        ws.close(code, reason);
        // A peer that never answers the close frame is cut off anyway: it must stop reading now.
        setTimeout(() => ws.terminate(), 2000).unref();
      }
      return closing;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
