// A client of the room's core, in plain Node: the tests' desks and walls, and later the Electron
// desk's main process. It trusts exactly one certificate, pinned by its SHA-256 fingerprint (read
// at the core and checked by a person at enrolment), and no CA: a LAN has no name a public CA
// would vouch for, and a CA the state runs would be one more party able to pose as the core.
//
// The pin is checked on the TLS socket before a single byte of HTTP is written to it: the socket
// is opened here, its certificate compared, and only then handed to the HTTP or WebSocket client.
// (Node's checkServerIdentity is not called for a certificate that fails chain verification, which
// a self-signed one always does, so it cannot carry the pin.)
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import WebSocket from 'ws';
import { normaliseFingerprint } from './core-certificate';
import { coded, ContractError } from '../../../../shared/errors';

export interface PinnedCore {
  /** https://HOST:PORT of the core. */
  url: string;
  /** SHA-256 of the core's certificate, as printed by `lifeline serve` (colons and case optional). */
  fingerprint: string;
}

export interface DeviceEnrolment {
  /** units: a district control room's desk, enrolled for these police units only. */
  device: { id: number; name: string; kind: 'desk' | 'wall'; units?: string[] };
  credential: string;
}

/** The core presented another certificate than the pinned one: nothing was sent to it. */
export class FingerprintMismatchError extends Error {
  readonly code = 'FINGERPRINT_MISMATCH';
  constructor(readonly presented: string) {
    super(
      `The core presented a certificate with fingerprint ${presented}, not the pinned one. Nothing was sent.`,
    );
  }
}

/** The header the core names a refusal in (core/host/contract-listener.ts REFUSED_HEADER). */
const REFUSED_HEADER = 'x-lifeline-refused';
const REVOKED_MESSAGE = 'This device has been revoked at the core. Ask the administrator to enrol it again.';

/** The core refused: 'revoked' when it said so, else the HTTP status. */
export class CoreRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string | null,
    message: string,
  ) {
    super(message);
  }
}

function target(core: PinnedCore): { host: string; port: number } {
  const url = new URL(core.url);
  if (url.protocol !== 'https:') throw new Error(`${core.url}: the core is reached over https only.`);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) };
}

/** Opens a TLS 1.3 socket to the core and resolves only once its certificate matches the pin. */
export function openPinnedSocket(core: PinnedCore): Promise<tls.TLSSocket> {
  const pinned = normaliseFingerprint(core.fingerprint);
  if (pinned === null) return Promise.reject(new Error('fingerprint: 64 hexadecimal characters (SHA-256).'));
  const { host, port } = target(core);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      ...(net.isIP(host) ? {} : { servername: host }),
      minVersion: 'TLSv1.3',
      // The chain is not what is trusted here (the certificate is self-signed); the pin below is.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256 ?? '';
      if (presented !== pinned) {
        socket.destroy();
        reject(new FingerprintMismatchError(presented));
        return;
      }
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/**
 * The SHA-256 fingerprint of the certificate the core at this address presents, for a person to
 * compare with the one printed at the core. Nothing is sent: the socket closes after the handshake.
 */
export function presentedFingerprint(url: string, timeoutMs = 10_000): Promise<string> {
  const { host, port } = target({ url, fingerprint: '' });
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      ...(net.isIP(host) ? {} : { servername: host }),
      minVersion: 'TLSv1.3',
      rejectUnauthorized: false, // what is trusted is the person's comparison of this fingerprint
      ALPNProtocols: ['http/1.1'],
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timed out')));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256 ?? '';
      socket.destroy();
      resolve(presented);
    });
  });
}

/** Presents a one-time code and returns the device's own credential (to be kept, never logged). */
export async function enrolDevice(core: PinnedCore, code: string): Promise<DeviceEnrolment> {
  const socket = await openPinnedSocket(core);
  const body = JSON.stringify({ code });
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${core.url}/enrol`,
      {
        method: 'POST',
        // No agent: with one, Node would open its own (unpinned) connection and ignore this.
        createConnection: () => socket,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          let parsed: { error?: string } & Partial<DeviceEnrolment>;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            reject(
              new CoreRefusedError(
                res.statusCode ?? 0,
                null,
                'The core answered something that is not JSON.',
              ),
            );
            return;
          }
          if (res.statusCode === 200 && parsed.credential && parsed.device)
            resolve({ credential: parsed.credential, device: parsed.device });
          else
            reject(new CoreRefusedError(res.statusCode ?? 0, null, parsed.error ?? `HTTP ${res.statusCode}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export type RoomEvent = { event: string; payload: unknown };

/** One contract connection to the core, as a device. */
export class RoomConnection {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly listeners = new Set<(event: RoomEvent) => void>();
  /** Every frame received, as text (the wall test reads them all). */
  readonly frames: string[] = [];
  /** Resolves once the connection has ended, with the close code and the reason the core gave. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /**
   * The current logon session's resume token (shared/room/resume.ts), in memory only: pass it to
   * the next `connect` after a lost link or a core restart to come back logged on.
   */
  resumeToken: string | null = null;
  /** The answer to the resume this connection opened with (null: none asked, or not yet answered). */
  resumed: { ok: boolean; refusal?: string } | null = null;
  private resumedListener: (() => void) | null = null;

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        // A request whose answer can no longer come is answered here, never left hanging.
        for (const settle of this.pending.values())
          settle({
            ok: false,
            error: new ContractError('unavailable', coded('connection.lost', {})).toData(),
          });
        this.pending.clear();
        resolve({ code, reason: reason.toString() });
      }),
    );
    ws.on('error', () => {}); // the close that follows is the outcome; 'closed' reports it
    ws.on('message', (data) => {
      const text = data.toString();
      this.frames.push(text);
      let message: {
        type?: string;
        id?: number;
        result?: unknown;
        event?: string;
        payload?: unknown;
        token?: unknown;
        ok?: unknown;
        refusal?: unknown;
      };
      try {
        message = JSON.parse(text);
      } catch {
        return; // the core only sends JSON; anything else is ignored, not thrown
      }
      if (message.type === 'session' || message.type === 'resumed') {
        this.resumeToken = typeof message.token === 'string' ? message.token : null;
        if (message.type === 'resumed') {
          this.resumed = {
            ok: message.ok === true,
            ...(typeof message.refusal === 'string' ? { refusal: message.refusal } : {}),
          };
          this.resumedListener?.();
        }
      } else if (message.type === 'result' && typeof message.id === 'number') {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      } else if (message.type === 'event' && typeof message.event === 'string') {
        for (const listener of this.listeners) listener({ event: message.event, payload: message.payload });
      }
    });
  }

  /**
   * Opens a connection as the device. With `resumeToken` (the last connection's), the logon session
   * is taken up again: this resolves once the core has answered the resume (see `resumed`).
   */
  static async connect(
    core: PinnedCore,
    credential: string,
    options: { resumeToken?: string | null } = {},
  ): Promise<RoomConnection> {
    const connection = await RoomConnection.open(core, credential);
    const token = options.resumeToken;
    if (!token) return connection;
    const answered = new Promise<void>((resolve) => {
      connection.resumedListener = resolve;
      void connection.closed.then(() => resolve());
    });
    connection.ws.send(JSON.stringify({ type: 'resume', token }));
    await answered;
    return connection;
  }

  private static async open(core: PinnedCore, credential: string): Promise<RoomConnection> {
    const socket = await openPinnedSocket(core);
    const url = new URL('/ws', core.url);
    url.protocol = 'wss:';
    return new Promise((resolve, reject) => {
      // The credential goes in a header: a URL is what proxies and servers log.
      const ws = new WebSocket(url, {
        createConnection: () => socket,
        headers: { Authorization: `Bearer ${credential}` },
        perMessageDeflate: false,
      });
      const opened = () => {
        ws.off('error', reject);
        resolve(new RoomConnection(ws));
      };
      ws.once('open', opened);
      // A revoked device is answered with a handshake and the revoked close (for browsers, which see
      // nothing else); the 101 also carries the refusal header, read here before 'open'.
      ws.once('upgrade', (res) => {
        if (res.headers[REFUSED_HEADER] !== 'revoked') return;
        ws.off('open', opened);
        ws.off('error', reject);
        ws.on('error', () => undefined);
        ws.terminate();
        reject(new CoreRefusedError(res.statusCode ?? 0, 'revoked', REVOKED_MESSAGE));
      });
      ws.once('unexpected-response', (_req, res) => {
        const reason = res.headers[REFUSED_HEADER];
        const told = typeof reason === 'string' ? reason : null;
        res.resume();
        ws.terminate();
        reject(
          new CoreRefusedError(
            res.statusCode ?? 0,
            told,
            told === 'revoked'
              ? REVOKED_MESSAGE
              : `The core refused the connection (HTTP ${res.statusCode}).`,
          ),
        );
      });
      ws.once('error', reject);
    });
  }

  onEvent(listener: (event: RoomEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  invoke(channel: string, payload: unknown = {}): Promise<unknown> {
    if (this.ws.readyState !== WebSocket.OPEN)
      return Promise.resolve({
        ok: false,
        error: new ContractError('unavailable', coded('connection.not_connected', {})).toData(),
      });
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve) => this.pending.set(id, resolve));
    this.ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
    return answer;
  }

  close(): void {
    this.ws.close();
  }
}
