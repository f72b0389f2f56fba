// The built-in simulator feed: a real HTTP server on loopback that speaks feed protocol v1 exactly
// (cursor, limit, long-poll wait, has_more, bearer token, optional HMAC signature), fed with
// synthetic flags, with switchable fault modes so tests can drive every response class.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signBody } from '../feed/signature';
import { seededRandom, syntheticFlag, toIstIso, type Random, type SyntheticFlag } from './synthetic-flags';

/** The invented flags' seed when none is given: the same run every time (lifeline simulator --help). */
export const DEFAULT_SIMULATOR_SEED = 20261125;
export const FAULT_MODES = [
  'unauthorised',
  'forbidden',
  'server_error',
  'bad_gateway',
  'unavailable',
  'rate_limited',
  'not_modified',
  'hang',
  'reset',
  'truncated',
  'non_json',
  'wrong_shape',
  'oversize',
  'bad_signature',
  'missing_signature',
  'slow_loris',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface SimulatorOptions {
  token: string;
  secret?: string | null;
  seed?: number;
  port?: number;
  /** Synthetic flags per minute from the built-in generator; 0 = only what tests publish. */
  ratePerMinute?: number;
  now?: () => Date;
  /** Prefix that keeps this run's flag ids apart from an earlier run's (default: from the clock). */
  runId?: string;
}

export interface Simulator {
  readonly url: string;
  /** Appends a record (any JSON value: tests publish invalid ones too) to the feed's log. */
  publish(record: unknown): void;
  /** Appends a new synthetic flag and returns it. */
  publishSynthetic(overrides?: Partial<SyntheticFlag>): SyntheticFlag;
  /** Resolves when a long-poll request is being held, waiting for a flag (for tests). */
  whenWaiting(): Promise<void>;
  /** One step of the built-in generator (what the rate timer does): new flag, redelivery, revision or withdrawal. */
  step(): void;
  setFault(mode: FaultMode | null, options?: { count?: number }): void;
  /** Every record published, in log order (the feed's ground truth). */
  readonly log: readonly unknown[];
  readonly requests: number;
  close(): Promise<void>;
}

const CURSOR = /^c_(\d{1,9})$/;

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const random: Random = seededRandom(options.seed ?? DEFAULT_SIMULATOR_SEED);
  const now = options.now ?? (() => new Date());
  const log: unknown[] = [];
  const issued: SyntheticFlag[] = [];
  const waiters = new Set<() => void>();
  const waitingListeners: (() => void)[] = [];
  let serial = 0;
  let fault: FaultMode | null = null;
  let faultCount = Infinity;
  let requests = 0;
  const runId = options.runId ?? Date.now().toString(36);

  const publish = (record: unknown) => {
    log.push(record);
    for (const wake of [...waiters]) wake();
  };

  const publishSynthetic = (overrides: Partial<SyntheticFlag> = {}): SyntheticFlag => {
    const flag = { ...syntheticFlag(random, ++serial, now(), runId), ...overrides };
    issued.push(flag);
    publish(flag);
    return flag;
  };

  /** The generator's mix: mostly new flags, with the redeliveries, revisions and withdrawals of a real feed. */
  const tick = () => {
    const r = random();
    const earlier = issued.length > 0 ? issued[Math.floor(random() * issued.length)]! : null;
    if (earlier && r < 0.08) return publish(earlier);
    if (earlier && r < 0.15) {
      const revised = {
        ...earlier,
        revision: earlier.revision + 1,
        risk: random() < 0.5 ? 'imminent' : earlier.risk,
      } as SyntheticFlag;
      issued[issued.indexOf(earlier)] = revised;
      return publish(revised);
    }
    if (earlier && r < 0.18 && earlier.status === 'active') {
      const withdrawn = { ...earlier, revision: earlier.revision + 1, status: 'withdrawn' } as SyntheticFlag;
      issued[issued.indexOf(earlier)] = withdrawn;
      return publish(withdrawn);
    }
    publishSynthetic();
  };
  const generator =
    options.ratePerMinute && options.ratePerMinute > 0
      ? setInterval(tick, 60_000 / options.ratePerMinute)
      : null;

  const server = http.createServer((req, res) => {
    requests++;
    void serve(req, res);
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/v1/flags')
      return void sendJson(res, 404, { error: 'not found' });

    const activeFault = fault !== null && faultCount > 0 ? fault : null;
    if (activeFault !== null && --faultCount <= 0) fault = null;
    if (activeFault === 'unauthorised' || req.headers.authorization !== `Bearer ${options.token}`) {
      return void sendJson(res, 401, { error: 'unauthorised' });
    }
    if (activeFault && (await serveFault(activeFault, res))) return;

    const cursorText = url.searchParams.get('cursor');
    const match = cursorText === null ? ['', '0'] : CURSOR.exec(cursorText);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const wait = Number(url.searchParams.get('wait') ?? 0);
    if (!match || Number(match[1]) > log.length) return void sendJson(res, 400, { error: 'bad cursor' });
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return void sendJson(res, 400, { error: 'limit 1..500' });
    if (!Number.isFinite(wait) || wait < 0 || wait > 30)
      return void sendJson(res, 400, { error: 'wait 0..30' });

    const offset = Number(match[1]);
    if (offset >= log.length && wait > 0) await waitForRecords(wait * 1000, req);
    if (offset >= log.length) {
      res.writeHead(204).end();
      return;
    }
    const flags = log.slice(offset, offset + limit);
    const next = offset + flags.length;
    const body = {
      flags,
      next_cursor: `c_${next}`,
      has_more: next < log.length,
      server_time: toIstIso(now()),
    };
    sendJson(res, 200, body, activeFault);
  }

  function waitForRecords(ms: number, req: http.IncomingMessage): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
      for (const listener of waitingListeners.splice(0)) listener();
      req.once('close', done);
    });
  }

  function sendJson(
    res: http.ServerResponse,
    status: number,
    value: unknown,
    activeFault: FaultMode | null = null,
  ) {
    const body = Buffer.from(JSON.stringify(value));
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
    };
    if (options.secret && activeFault !== 'missing_signature') {
      headers['X-Signature'] =
        activeFault === 'bad_signature' ? signBody(body, 'not-the-secret') : signBody(body, options.secret);
    }
    res.writeHead(status, headers).end(body);
  }

  /** Serves a fault; returns false for faults that corrupt the normal page instead (signatures). */
  async function serveFault(mode: FaultMode, res: http.ServerResponse): Promise<boolean> {
    switch (mode) {
      case 'forbidden':
        sendJson(res, 403, { error: 'forbidden' });
        return true;
      case 'server_error':
        sendJson(res, 500, { error: 'boom' });
        return true;
      case 'bad_gateway':
        sendJson(res, 502, { error: 'bad gateway' });
        return true;
      case 'unavailable':
        sendJson(res, 503, { error: 'unavailable' });
        return true;
      case 'rate_limited':
        res.writeHead(429, { 'Retry-After': '3' }).end();
        return true;
      case 'not_modified':
        res.writeHead(304).end();
        return true;
      case 'hang':
        return true; // never answers; the client's deadline must end it
      case 'reset':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"flags": [');
        res.socket?.destroy();
        return true;
      case 'truncated':
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"flags": [{"id": "fl_trunc');
        return true;
      case 'non_json':
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Gateway login</html>');
        return true;
      case 'wrong_shape':
        sendJson(res, 200, [{ id: 'fl_shape' }]);
        return true;
      case 'oversize': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        res.write('{"flags": [], "pad": "');
        for (let i = 0; i < 11 && !res.destroyed; i++) {
          if (!res.write(chunk)) await drainedOrClosed(res);
        }
        res.end('"}');
        return true;
      }
      case 'slow_loris': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 100);
        res.once('close', () => clearInterval(timer));
        return true;
      }
      default:
        return false;
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    publish,
    publishSynthetic,
    step: tick,
    whenWaiting: () =>
      new Promise<void>((resolve) => (waiters.size > 0 ? resolve() : waitingListeners.push(resolve))),
    setFault(mode, opts) {
      fault = mode;
      faultCount = opts?.count ?? Infinity;
    },
    get log() {
      return log;
    },
    get requests() {
      return requests;
    },
    async close() {
      if (generator) clearInterval(generator);
      for (const wake of [...waiters]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function drainedOrClosed(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
