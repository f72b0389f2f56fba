// `lifeline serve`: the room's core. The same console as `lifeline host` (one store, one feed
// poller, one queue), served to enrolled desks and walls over TLS 1.3 on a LAN address instead of
// to one browser on loopback. Prints the certificate's fingerprints for the devices to pin.
import fs from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { HOST_PATH_LABELS } from '../core/config/data-paths';
import { resolveHostConfig, type HostConfig } from '../core/config/host-config';
import type { KeyProvider } from '../core/key/key-provider';
import { loadOrCreateCoreCertificate } from '../core/net/core-certificate';
import { startRoomServer } from '../core/net/room-server';
import { feedOptionsOf, startConsole } from '../core/start-console';

export interface ServeHelpers {
  parse(
    args: string[],
    extra: ParseArgsConfig['options'],
  ): { flags: Record<string, string | boolean | undefined> };
  keyProviderFor(config: HostConfig): KeyProvider;
  help: string;
  version: string;
}

export async function serveCommand(args: string[], helpers: ServeHelpers): Promise<number> {
  const { flags } = helpers.parse(args, {
    listen: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'renderer-dir': { type: 'string' },
    training: { type: 'boolean' },
    init: { type: 'boolean' },
  });
  if (flags.help) {
    console.log(helpers.help);
    return 0;
  }
  const config = resolveHostConfig(flags, process.env);
  const listenHost = typeof flags.listen === 'string' ? flags.listen : '127.0.0.1';
  const rendererDir =
    typeof flags.rendererDir === 'string' ? flags.rendererDir : path.join(__dirname, '..', 'renderer');
  const running = await startConsole({
    dataDir: config.dataDir,
    keyProvider: helpers.keyProviderFor(config),
    ...(config.keyEnv ? {} : { keyFile: config.keyFile }),
    pathLabels: HOST_PATH_LABELS,
    host: 'headless',
    version: helpers.version,
    ...feedOptionsOf(config),
    training: flags.training === true,
    init: flags.init === true,
  });
  let room;
  let cert;
  try {
    cert = await loadOrCreateCoreCertificate({
      dataDir: config.dataDir,
      ...(typeof flags.tlsCert === 'string' ? { certFile: flags.tlsCert } : {}),
      ...(typeof flags.tlsKey === 'string' ? { keyFile: flags.tlsKey } : {}),
      altNames: [listenHost],
    });
    room = await startRoomServer({
      core: running.core,
      store: running.store,
      tls: cert,
      listenHost,
      port: config.port,
      ...(fs.existsSync(path.join(rendererDir, 'index.html')) ? { rendererDir } : {}),
    });
  } catch (error) {
    await running.stop();
    running.firstStart?.undo();
    throw error;
  }
  const where = `https://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${room.port}`;
  console.log(`Lifeline Console core (room) at ${where}  data: ${running.databaseFile}`);
  console.log(`  certificate (${cert.source}) SHA-256 fingerprint:`);
  console.log(`    ${cert.fingerprint}`);
  console.log(`  public key SHA-256 (for Chromium's --ignore-certificate-errors-spki-list):`);
  console.log(`    ${cert.spkiSha256}`);
  console.log('  enrol a device: lifeline device enrol --name "Desk 3" --kind desk --by ADMIN');
  console.log(
    'LIFELINE_READY ' +
      JSON.stringify({
        pid: process.pid,
        port: room.port,
        url: where,
        fingerprint: cert.fingerprint,
        spki: cert.spkiSha256,
      }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await room.close();
  await running.stop();
  return 0;
}
