// The room's core on the network: the contract over TLS 1.3 on a LAN address, for enrolled devices
// only. It is the headless host's listener (core/host/contract-listener.ts) with a different
// admission: instead of a URL token, each WebSocket presents its device's credential (a header from
// the Node client, an HttpOnly cookie from a browser), and the device's kind decides its ViewRole.
// A device revoked at the core (`lifeline device revoke`, another process) is found by a short poll
// of the devices table and its open connections are closed with the reason 'revoked'.
import type http from 'node:http';
import type { ViewRole } from '../../../../shared/contract';
import { REVOKED_CLOSE_CODE, REVOKED_REASON } from '../../../../shared/room/close-codes';
import type { ConsoleCore } from '../console-core';
import { startContractListener, type Admission, type ListenerTls } from '../host/contract-listener';
import type { HostLimits } from '../host/host-limits';
import { contentSecurityPolicy, serveStatic } from '../host/static-files';
import type { DeviceKind, DeviceSummary } from '../store/store';
import type { Store } from '../store/store';
import { DEVICE_CREDENTIAL_PATTERN, hashSecret } from './device-secrets';
import { createEnrolEndpoint, DEVICE_COOKIE, type EnrolLimits } from './enrol-endpoint';
import { serveEnrolPage } from './enrol-page';

export { REVOKED_CLOSE_CODE, REVOKED_REASON };

export type RoomStore = Pick<
  Store,
  'redeemEnrolment' | 'findDeviceByCredential' | 'listDevices' | 'recordAudit'
>;

export interface RoomServerOptions {
  core: ConsoleCore;
  store: RoomStore;
  tls: ListenerTls;
  /** A LAN address (or 0.0.0.0 for all); TLS makes any address allowed. */
  listenHost: string;
  port?: number;
  /** The built renderer, for browsers (a wall PC in kiosk mode); without it only the API is served. */
  rendererDir?: string;
  log?: (line: string) => void;
  limits?: Partial<HostLimits>;
  enrolLimits?: Partial<EnrolLimits>;
  /** How often the devices table is read for revocations made by another process. */
  revocationCheckMs?: number;
  now?: () => number;
}

export interface RoomServer {
  readonly port: number;
  readonly clients: number;
  /** Closes the open connections of every revoked device now (also done every revocationCheckMs). */
  enforceRevocations(): Promise<number>;
  close(): Promise<void>;
}

const ROLE_OF_KIND: Record<DeviceKind, ViewRole> = { desk: 'desk', wall: 'wall' };

function credentialOf(req: http.IncomingMessage): { credential: string; from: 'header' | 'cookie' } | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer '))
    return { credential: auth.slice(7), from: 'header' };
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === DEVICE_COOKIE && value) return { credential: value, from: 'cookie' };
  }
  return null;
}

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const { core, store } = options;
  const log = options.log ?? console.log;
  const now = options.now ?? Date.now;
  const enrol = createEnrolEndpoint(store, {
    log,
    now,
    ...(options.enrolLimits ? { limits: options.enrolLimits } : {}),
  });
  const csp = contentSecurityPolicy('');

  const audit = (device: DeviceSummary, action: string, detail: object = {}) =>
    void store
      .recordAudit({ atMs: now(), actor: `device:${device.name}`, action, target: device.name, detail })
      .catch(() => log('could not record a device connection in the audit trail'));

  async function admit(req: http.IncomingMessage, url: URL): Promise<Admission> {
    if (url.pathname !== '/ws') return { refused: 'path', status: '403 Forbidden' };
    const given = credentialOf(req);
    if (!given || !DEVICE_CREDENTIAL_PATTERN.test(given.credential))
      return { refused: 'no device credential', status: '403 Forbidden' };
    const origin = req.headers.origin;
    // A browser sends its cookie whichever page opens the socket: only this core's own page may.
    // A non-browser client sends no Origin and must use the header (it has no cookie jar).
    if (origin !== undefined ? origin !== `https://${req.headers.host}` : given.from !== 'header')
      return { refused: 'origin', status: '403 Forbidden' };
    const device = await store.findDeviceByCredential(hashSecret(given.credential));
    if (!device) return { refused: 'unknown device', status: '403 Forbidden' };
    if (device.revokedAtMs !== null) {
      audit(device, 'device.connect_refused', { refusal: 'revoked' });
      // A browser cannot read an HTTP refusal's status or header, only a WebSocket close: a known
      // device that is revoked gets the handshake and the revoked close at once (nothing else), so
      // a reloaded desk or wall page shows REVOKED, not NOT CONNECTED. Unknown credentials above
      // keep the plain refusal: they learn nothing.
      return {
        refused: `device ${device.id} revoked`,
        status: '403 Forbidden',
        tell: 'revoked',
        closeAfterHandshake: { code: REVOKED_CLOSE_CODE, reason: REVOKED_REASON },
      };
    }
    return {
      role: ROLE_OF_KIND[device.kind],
      label: `device-${device.id}`,
      tag: `device-${device.id}`,
      // A resume token is bound to the device: presented from any other connection it is refused.
      resumeBinding: `device-${device.id}`,
      // A district control room's desk is held to its units from the moment it connects (issue #20).
      ...(device.units ? { units: device.units } : {}),
      onOpen: () => {
        audit(device, 'device.connected', {
          deviceKind: device.kind,
          ...(device.units ? { units: device.units } : {}),
        });
        log(`device ${device.id} connected (${device.kind}${device.units ? ', district' : ''})`);
      },
      onClose: () => {
        audit(device, 'device.disconnected', { deviceKind: device.kind });
        log(`device ${device.id} disconnected`);
      },
    };
  }

  const listener = await startContractListener({
    core,
    log,
    ...(options.limits ? { limits: options.limits } : {}),
    listenHost: options.listenHost,
    port: options.port ?? 0,
    tls: options.tls,
    admit,
    handleRequest(req, res) {
      const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
      if (serveEnrolPage(req, res, path)) return;
      if (path === '/enrol') enrol.handle(req, res);
      else if (options.rendererDir) serveStatic(options.rendererDir, csp, req, res);
      else res.writeHead(404).end();
    },
  });

  let checking: Promise<number> | null = null;
  async function enforceRevocations(): Promise<number> {
    const devices = await store.listDevices();
    let closed = 0;
    for (const device of devices)
      if (device.revokedAtMs !== null)
        closed += listener.closeTagged(`device-${device.id}`, REVOKED_CLOSE_CODE, REVOKED_REASON);
    if (closed > 0) log(`closed ${closed} connection(s) of revoked devices`);
    return closed;
  }
  const poll = setInterval(() => {
    if (checking) return; // one read at a time, however slow the store is
    checking = enforceRevocations()
      .catch(() => {
        log('could not read the devices table for revocations');
        return 0;
      })
      .finally(() => (checking = null));
  }, options.revocationCheckMs ?? 1000);
  poll.unref();

  return {
    port: listener.port,
    get clients() {
      return listener.clients;
    },
    enforceRevocations,
    async close() {
      clearInterval(poll);
      enrol.stop();
      await checking;
      await listener.close();
    },
  };
}
