// The headless host: the same core, without Electron, serving the built renderer and the contract
// over a WebSocket on 127.0.0.1 only. A random token in the URL keeps other local users' browsers
// (and web pages: the Origin is checked) from connecting. The desk and the wall get different
// tokens: a wall connection can only read the queue, whatever page asks.
import crypto from 'node:crypto';
import { VIEW_ROLES, type ViewRole } from '../../../../shared/contract';
import type { ConsoleCore } from '../console-core';
import { startContractListener, type Admission } from './contract-listener';
import type { HostLimits } from './host-limits';
import { contentSecurityPolicy, serveStatic } from './static-files';

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

export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const tokens: Record<ViewRole, string> = {
    desk: options.deskToken ?? crypto.randomBytes(24).toString('base64url'),
    wall: options.wallToken ?? crypto.randomBytes(24).toString('base64url'),
  };
  let origin = '';
  let csp = '';

  function roleOfToken(given: string): ViewRole | null {
    const bytes = Buffer.from(given);
    for (const role of VIEW_ROLES) {
      const expected = Buffer.from(tokens[role]);
      if (bytes.length === expected.length && crypto.timingSafeEqual(bytes, expected)) return role;
    }
    return null;
  }

  const listener = await startContractListener({
    core: options.core,
    log: options.log ?? console.log,
    ...(options.limits ? { limits: options.limits } : {}),
    // Plain HTTP, so loopback only: the listener refuses anything else without TLS.
    listenHost: '127.0.0.1',
    port: options.port ?? 0,
    handleRequest: (req, res) => serveStatic(options.rendererDir, csp, req, res),
    admit(req, url): Admission {
      const role = roleOfToken(url.searchParams.get('token') ?? '');
      if (url.pathname !== '/ws') return { refused: 'path', status: '403 Forbidden' };
      if (role === null) return { refused: 'token', status: '403 Forbidden' };
      if (req.headers.origin !== origin) return { refused: 'origin', status: '403 Forbidden' };
      return { role, label: 'ws' };
    },
  });
  const { port } = listener;
  origin = `http://127.0.0.1:${port}`;
  csp = contentSecurityPolicy(`ws://127.0.0.1:${port}`);

  return {
    url: `${origin}/#token=${tokens.desk}&view=desk`,
    wallUrl: `${origin}/#token=${tokens.wall}&view=wall`,
    port,
    get clients() {
      return listener.clients;
    },
    close: () => listener.close(),
  };
}
