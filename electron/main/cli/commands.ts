// The `lifeline` commands. Each validates its flags and says exactly what is wrong.
import { migrateCommand } from './migrate';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ContractError } from '../../../shared/errors';
import {
  ENV,
  SECRET_FILE_FLAGS,
  kebab,
  readSecretFile,
  refuseSecretArguments,
  resolveHostConfig,
  type HostConfig,
} from '../core/config/host-config';
import { envKeyProvider, fileKeyProvider, type KeyProvider } from '../core/key/key-provider';
import { DATABASE_FILE, feedOptionsOf, startConsole } from '../core/start-console';
import { startHeadlessHost } from '../core/host/headless-host';
import { HOST_TOKENS_FILE, loadOrCreateHostTokens } from '../core/host/host-tokens';
import { startSimulator } from '../core/simulator/simulator-server';
import { openPostgresVerifier, openStoreVerifier } from '../core/open-admin-store';
import { HOST_PATH_LABELS } from '../core/config/data-paths';
import { writeHostStatus } from './host-status';
import { HELP } from './help';
import { optionError } from './option-error';
import { formatVerifyReport, verifyStore } from './verify';
import { parseAnchor } from '../core/audit/audit-anchors';
import { purgeCommand } from './purge';
import { exportCommand } from './export';
import { keyEscrowCommand } from './key-escrow';
import { accountCommand } from './account';
import { importCommand } from './import';
import { unitsCommand } from './units';
import { deviceCommand } from './device';
import { serveCommand } from './serve';
import { statusCommand } from './status';

const VERSION = '0.1.0';
type Flags = Record<string, string | boolean | undefined>;

// --token and --secret stay known only to be refused with a message saying how (host-config.ts);
// --token-file and --secret-file are how they are given.
const CONFIG_OPTIONS = Object.fromEntries(
  [
    ...(Object.keys(ENV) as (keyof typeof ENV)[]).filter((k) => k !== 'keyEnv'),
    ...Object.values(SECRET_FILE_FLAGS),
  ].map((k) => [kebab(k), { type: 'string' }]),
) as ParseArgsConfig['options'];

/** A one-shot command that opens the database reads only where it is and its key. */
const DATABASE_OPTIONS: ParseArgsConfig['options'] = {
  'data-dir': { type: 'string' },
  'key-file': { type: 'string' },
};

/** Each command reads only its own options: an unknown one is an error naming it (option-error.ts). */
function parse(
  command: string,
  args: string[],
  options: ParseArgsConfig['options'],
): { flags: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const flags: Flags = {};
    for (const [name, value] of Object.entries(values)) {
      flags[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value as string | boolean;
    }
    return { flags, positionals };
  } catch (error) {
    throw optionError(command, error);
  }
}

function keyProviderFor(config: HostConfig): KeyProvider {
  return config.keyEnv ? envKeyProvider(ENV.keyEnv) : fileKeyProvider(config.keyFile);
}

export async function runCommand(argv: string[]): Promise<number | null> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'host':
      return host(rest);
    case 'import':
      return importCommand(rest);
    case 'status':
      return statusCommand(
        rest,
        (args, extra) => parse('status', args, { ...DATABASE_OPTIONS, ...extra }),
        keyProviderFor,
      );
    case 'simulator':
      return simulator(rest);
    case 'verify':
      return verify(rest);
    case 'purge':
      return purgeCommand(rest);
    case 'export':
      return exportCommand(rest);
    case 'key-escrow':
      return keyEscrowCommand(rest);
    case 'account':
      return accountCommand(rest);
    case 'units':
      return unitsCommand(rest);
    case 'serve':
      return serveCommand(rest, {
        // The host's configuration options and serve's own: like host, serve runs a whole console.
        parse: (args, extra) => parse('serve', args, { ...CONFIG_OPTIONS, ...extra }),
        keyProviderFor,
        help: HELP.serve,
        version: VERSION,
      });
    case 'device':
      return deviceCommand(rest);
    case 'migrate':
      return migrateCommand(rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(HELP.main);
      return 0;
    case '--version':
      console.log(VERSION);
      return 0;
    default:
      throw new ContractError('invalid_request', `unknown command "${command}". See lifeline --help.`);
  }
}

async function host(args: string[]): Promise<number | null> {
  const { flags } = parse('host', args, {
    ...CONFIG_OPTIONS,
    training: { type: 'boolean' },
    init: { type: 'boolean' },
    'renderer-dir': { type: 'string' },
  });
  if (flags.help) {
    console.log(HELP.host);
    return 0;
  }
  const config = resolveHostConfig(flags, process.env);
  // Checked before anything is created: a first start that fails must leave nothing behind.
  const rendererDir =
    typeof flags.rendererDir === 'string' ? flags.rendererDir : path.join(__dirname, '..', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new ContractError('not_found', `No built renderer at ${rendererDir}. Run "npm run build" first.`);
  const running = await startConsole({
    dataDir: config.dataDir,
    keyProvider: keyProviderFor(config),
    ...(config.keyEnv ? {} : { keyFile: config.keyFile }),
    pathLabels: HOST_PATH_LABELS,
    host: 'headless',
    version: VERSION,
    ...feedOptionsOf(config),
    training: flags.training === true,
    init: flags.init === true,
  });
  const undoFirstStart = async (error: unknown): Promise<never> => {
    await running.stop();
    running.firstStart?.undo();
    throw error;
  };
  // The same URLs after a restart (systemd's Restart=always), so desks and walls reconnect by themselves.
  let tokens;
  try {
    tokens = loadOrCreateHostTokens(path.join(config.dataDir, HOST_TOKENS_FILE));
  } catch (error) {
    await undoFirstStart(error);
  }
  const web = await startHeadlessHost({
    core: running.core,
    rendererDir,
    port: config.port,
    deskToken: tokens!.desk,
    wallToken: tokens!.wall,
  }).catch(undoFirstStart);
  const statusFile = path.join(config.dataDir, 'host-status.json');
  const recordStatus = () => writeHostStatus(statusFile, running.core.feedHealth());
  recordStatus();
  running.core.subscribe((event) => {
    if (event === 'feedHealth') recordStatus();
  });

  const feed = running.simulator
    ? `built-in simulator (TRAINING), ${config.simRate} flags/min`
    : `${config.feedUrl}`;
  console.log(`Lifeline Console headless host\n  feed: ${feed}\n  data: ${running.databaseFile}`);
  console.log(`  open the desk at:        ${web.url}`);
  console.log(`  open the wall display:  ${web.wallUrl}`);
  console.log(
    'LIFELINE_READY ' +
      JSON.stringify({ pid: process.pid, port: web.port, url: web.url, wallUrl: web.wallUrl }),
  );

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await web.close();
  await running.stop();
  fs.rmSync(statusFile, { force: true });
  return 0;
}

function openStoreForCommand(config: HostConfig) {
  const file = path.join(config.dataDir, DATABASE_FILE);
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  return { file, exists };
}

/** `lifeline verify --database-url …`: the same checks through the seam, on a shared PostgreSQL. */
async function verifyOnPostgres(config: HostConfig, anchors: string[]): Promise<number> {
  const key = await keyProviderFor(config).obtain({ databaseExists: true });
  let opened;
  try {
    opened = await openPostgresVerifier(config.databaseUrl, key);
  } finally {
    key.fill(0);
  }
  try {
    const report = await verifyStore(opened.verifier, anchors);
    console.log(formatVerifyReport(`PostgreSQL ${opened.target}`, report));
    return report.ok ? 0 : 4;
  } finally {
    await opened.verifier.close();
  }
}

/** Exit 0 when the file, its encryption and the audit trail all check out; 4 when one does not. */
async function verify(args: string[]): Promise<number> {
  const { flags } = parse('verify', args, {
    ...DATABASE_OPTIONS,
    'database-url': { type: 'string' },
    anchor: { type: 'string', multiple: true },
  });
  if (flags.help) {
    console.log(HELP.verify);
    return 0;
  }
  const anchors = ((flags.anchor as unknown as string[] | undefined) ?? []).map((text) => {
    const hash = parseAnchor(text);
    if (hash === null)
      throw new ContractError('invalid_request', '--anchor: the 64 hexadecimal characters of an audit hash.');
    return hash;
  });
  const config = resolveHostConfig(flags, process.env);
  if (config.databaseUrl) return verifyOnPostgres(config, anchors);
  const { file, exists } = openStoreForCommand(config);
  if (!exists) throw new ContractError('not_found', `No database in ${config.dataDir}.`);
  const key = await keyProviderFor(config).obtain({ databaseExists: true });
  const verifier = openStoreVerifier(file, key);
  try {
    const report = await verifyStore(verifier, anchors);
    console.log(formatVerifyReport(file, report));
    return report.ok ? 0 : 4;
  } finally {
    await verifier.close();
  }
}

async function simulator(args: string[]): Promise<number> {
  // --token and --secret are known only to be refused with a message saying how (refuseSecretArguments).
  const { flags } = parse('simulator', args, {
    port: { type: 'string' },
    'token-file': { type: 'string' },
    'secret-file': { type: 'string' },
    token: { type: 'string' },
    secret: { type: 'string' },
    rate: { type: 'string' },
    seed: { type: 'string' },
  });
  if (flags.help) {
    console.log(HELP.simulator);
    return 0;
  }
  refuseSecretArguments(flags);
  const port = Number(flags.port ?? 0);
  const rate = Number(flags.rate ?? 6);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ContractError('invalid_request', '--port: a TCP port 0–65535.');
  if (!Number.isFinite(rate) || rate < 0 || rate > 6000)
    throw new ContractError('invalid_request', '--rate: 0–6000 flags per minute.');
  const fromFileOrEnv = (name: keyof typeof SECRET_FILE_FLAGS): string | null => {
    const file = flags[SECRET_FILE_FLAGS[name]];
    if (typeof file === 'string') return readSecretFile(file, kebab(SECRET_FILE_FLAGS[name]));
    return process.env[ENV[name]] || null;
  };
  const token = fromFileOrEnv('token') ?? 'training-token';
  const sim = await startSimulator({
    token,
    secret: fromFileOrEnv('secret'),
    port,
    ratePerMinute: rate,
    seed: flags.seed ? Number(flags.seed) : undefined,
  });
  // The default training token is printed so a host can be pointed at it; a chosen one never is.
  const shown = token === 'training-token' ? token : '(as given)';
  console.log(`Lifeline simulator feed (synthetic, invented people) at ${sim.url}  token: ${shown}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
  return 0;
}
