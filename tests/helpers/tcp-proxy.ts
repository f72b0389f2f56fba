// A TCP proxy the test controls, between a client and the host, on 127.0.0.1 only:
//  - 'forward':   bytes pass both ways (after a blackhole, what was held back is delivered, as TCP
//                 would once the cable is back);
//  - 'blackhole': nothing passes and nothing is closed — a pulled cable: no FIN, no RST, silence;
//  - 'reset':     every connection is reset (RST) at once, and new ones are reset on arrival.
// Written here rather than taken from a library: toxiproxy needs its own server process, and the
// three modes are a few lines over node:net.
import net from 'node:net';

export type ProxyMode = 'forward' | 'blackhole' | 'reset';

export interface TcpProxy {
  readonly port: number;
  readonly mode: ProxyMode;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  setMode(mode: ProxyMode): void;
  /** Resolves once `count` connections are open through the proxy (now or later). */
  waitForConnections(count: number): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  held: { toUpstream: Buffer[]; toClient: Buffer[] };
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  if (!['127.0.0.1', '::1', 'localhost'].includes(targetHost))
    throw new Error('tcp-proxy: loopback targets only');
  let mode: ProxyMode = 'forward';
  const pairs = new Set<Pair>();
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };

  const reset = (pair: Pair) => {
    pair.client.resetAndDestroy();
    pair.upstream.resetAndDestroy();
    pairs.delete(pair);
  };

  const server = net.createServer((client) => {
    client.on('error', () => {});
    if (mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    upstream.on('error', () => {});
    const pair: Pair = { client, upstream, held: { toUpstream: [], toClient: [] } };
    pairs.add(pair);
    wake();
    client.on('data', (chunk) => {
      if (mode === 'forward') upstream.write(chunk);
      else pair.held.toUpstream.push(chunk);
    });
    upstream.on('data', (chunk) => {
      if (mode === 'forward') client.write(chunk);
      else pair.held.toClient.push(chunk);
    });
    // An end from either side is passed on only while forwarding: a blackholed link carries no FIN.
    const closeBoth = () => {
      if (mode === 'blackhole' && pairs.has(pair)) return;
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
      wake();
    };
    client.on('close', () => {
      // The client itself gave up (its heartbeat said dead): the host sees it only when forwarding.
      if (mode === 'blackhole') {
        pairs.delete(pair);
        wake();
        return;
      }
      closeBoth();
    });
    upstream.on('close', closeBoth);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    get mode() {
      return mode;
    },
    get connections() {
      return pairs.size;
    },
    setMode(next) {
      mode = next;
      if (next === 'reset') for (const pair of [...pairs]) reset(pair);
      if (next === 'forward')
        for (const pair of pairs) {
          for (const chunk of pair.held.toUpstream.splice(0)) pair.upstream.write(chunk);
          for (const chunk of pair.held.toClient.splice(0)) pair.client.write(chunk);
        }
    },
    async waitForConnections(count) {
      while (pairs.size < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    async close() {
      for (const pair of [...pairs]) reset(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
