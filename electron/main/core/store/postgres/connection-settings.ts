// Where the PostgreSQL store connects: a URL (--database-url / LIFELINE_DATABASE_URL) or, without
// one, the standard PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE,
// PGSSLROOTCERT, PGSSLCERT, PGSSLKEY). Anything but a Unix socket or loopback must use TLS with
// sslmode=verify-full (the server's certificate checked against a CA and its name against the host):
// personal fields are encrypted before they leave the process, but queue columns, operators' names
// and the audit trail are not, and a password must never cross a network in clear.
import fs from 'node:fs';
import net from 'node:net';
import type { ClientConfig } from 'pg';
import { ContractError } from '../../../../../shared/errors';

export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export interface ConnectionSettings {
  host: string;
  port: number;
  user: string | undefined;
  password: string | undefined;
  database: string | undefined;
  sslMode: SslMode;
  sslRootCert: string | undefined;
  sslCert: string | undefined;
  sslKey: string | undefined;
  /** Where the settings came from, for messages ('--database-url / LIFELINE_DATABASE_URL' or 'PG* variables'). */
  source: string;
}

const configError = (message: string) => new ContractError('invalid_request', message);

/** A host that never leaves this machine: a Unix socket directory, localhost or a loopback address. */
export function isLocalHost(host: string): boolean {
  if (host.startsWith('/')) return true;
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1';
  return false;
}

function sslModeOf(value: string | undefined, where: string): SslMode | undefined {
  if (value === undefined || value === '') return undefined;
  if ((SSL_MODES as readonly string[]).includes(value)) return value as SslMode;
  throw configError(`${where}: sslmode must be one of ${SSL_MODES.join(', ')} (got "${value}").`);
}

function portOf(value: string | undefined, where: string): number {
  if (value === undefined || value === '') return 5432;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw configError(`${where}: the port must be a whole number from 1 to 65535 (got "${value}").`);
  return port;
}

/** The settings from a postgres:// URL (query: sslmode, sslrootcert, sslcert, sslkey, host for a socket). */
export function settingsFromUrl(
  text: string,
  where = '--database-url / LIFELINE_DATABASE_URL',
): ConnectionSettings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError(
      `${where}: not a URL (expected postgres://user@host:5432/database?sslmode=verify-full).`,
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw configError(`${where}: the scheme must be postgres:// or postgresql:// (got "${url.protocol}").`);
  const q = url.searchParams;
  const known = new Set(['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'host', 'application_name']);
  for (const key of q.keys())
    if (!known.has(key))
      throw configError(`${where}: unknown parameter "${key}" (known: ${[...known].join(', ')}).`);
  const host = q.get('host') ?? decodeURIComponent(url.hostname);
  if (!host) throw configError(`${where}: no host (give one in the URL, or ?host=/socket/dir).`);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return finish({
    host,
    port: portOf(url.port, where),
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database || undefined,
    sslMode: sslModeOf(q.get('sslmode') ?? undefined, `${where} (sslmode)`),
    sslRootCert: q.get('sslrootcert') ?? undefined,
    sslCert: q.get('sslcert') ?? undefined,
    sslKey: q.get('sslkey') ?? undefined,
    source: where,
  });
}

/** The settings from the standard PG* variables (libpq's names). */
export function settingsFromEnv(env: NodeJS.ProcessEnv): ConnectionSettings {
  const host = env.PGHOST || 'localhost';
  return finish({
    host,
    port: portOf(env.PGPORT, 'PGPORT'),
    user: env.PGUSER || undefined,
    password: env.PGPASSWORD || undefined,
    database: env.PGDATABASE || undefined,
    sslMode: sslModeOf(env.PGSSLMODE, 'PGSSLMODE'),
    sslRootCert: env.PGSSLROOTCERT || undefined,
    sslCert: env.PGSSLCERT || undefined,
    sslKey: env.PGSSLKEY || undefined,
    source: 'PG* variables (PGHOST, PGSSLMODE)',
  });
}

/**
 * The one rule: off this machine only sslmode=verify-full. Loopback and sockets default to no TLS
 * (as libpq's "prefer" would find none there) but may ask for it.
 */
function finish(
  s: Omit<ConnectionSettings, 'sslMode'> & { sslMode: SslMode | undefined },
): ConnectionSettings {
  const local = isLocalHost(s.host);
  const sslMode = s.sslMode ?? (local ? 'disable' : 'verify-full');
  if (!local && sslMode !== 'verify-full') {
    throw configError(
      `${s.source}: sslmode=${sslMode} is refused for host ${s.host}: a PostgreSQL server that is not on ` +
        'this machine (a Unix socket or loopback) needs sslmode=verify-full, so that its certificate and ' +
        'name are checked before anything is sent.',
    );
  }
  return { ...s, sslMode };
}

/** The settings: the URL when one is given, else the PG* variables. */
export function resolveConnectionSettings(
  url: string | undefined,
  env: NodeJS.ProcessEnv,
): ConnectionSettings {
  return url ? settingsFromUrl(url) : settingsFromEnv(env);
}

function readPem(file: string, what: string, source: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw configError(
      `${source}: cannot read ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}

/** node-postgres's client settings (TLS included) for these settings. */
export function clientConfig(s: ConnectionSettings): ClientConfig {
  const config: ClientConfig = {
    host: s.host,
    port: s.port,
    application_name: 'lifeline-console',
    ...(s.user !== undefined ? { user: s.user } : {}),
    ...(s.password !== undefined ? { password: s.password } : {}),
    ...(s.database !== undefined ? { database: s.database } : {}),
  };
  if (s.sslMode === 'disable') return { ...config, ssl: false };
  const verify = s.sslMode === 'verify-full' || s.sslMode === 'verify-ca';
  config.ssl = {
    rejectUnauthorized: verify,
    ...(s.sslRootCert ? { ca: readPem(s.sslRootCert, 'sslrootcert', s.source) } : {}),
    ...(s.sslCert ? { cert: readPem(s.sslCert, 'sslcert', s.source) } : {}),
    ...(s.sslKey ? { key: readPem(s.sslKey, 'sslkey', s.source) } : {}),
    // verify-full: Node's default check of the certificate's name against the host; verify-ca only the chain.
    ...(s.sslMode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
    ...(net.isIP(s.host) ? {} : { servername: s.host }),
  };
  return config;
}

/** The settings without the password, for logs and `lifeline migrate`'s report. */
export function describeSettings(s: ConnectionSettings): string {
  return `${s.user ?? '(default user)'}@${s.host}:${s.port}/${s.database ?? '(default database)'} sslmode=${s.sslMode}`;
}
