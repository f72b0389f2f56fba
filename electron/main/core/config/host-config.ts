// Configuration of a console host, from command-line flags and environment variables, validated
// like any other external input: a bad value stops start-up with the field and the rule named.
import { DEFAULT_ALARM_CONFIG } from '../alarm/alarm-config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ContractError } from '../../../../shared/errors';
import { envKeyPresent } from '../key/key-provider';
import { DEFAULT_FOLLOW_UP_AFTER_MS, parseFollowUpText } from '../../../../shared/follow-ups';
import { DEFAULT_SCHEDULE, parseScheduleText } from '../../../../shared/shifts/schedule';

export const ENV = {
  feedUrl: 'LIFELINE_FEED_URL',
  token: 'LIFELINE_FEED_TOKEN',
  secret: 'LIFELINE_FEED_SECRET',
  dataDir: 'LIFELINE_DATA_DIR',
  keyFile: 'LIFELINE_KEY_FILE',
  keyEnv: 'LIFELINE_DB_KEY',
  pollIntervalMs: 'LIFELINE_POLL_INTERVAL_MS',
  port: 'LIFELINE_PORT',
  simRate: 'LIFELINE_SIM_RATE',
  shifts: 'LIFELINE_SHIFTS',
  followUps: 'LIFELINE_FOLLOW_UPS',
  idleLockMinutes: 'LIFELINE_IDLE_LOCK_MINUTES',
  retentionDays: 'LIFELINE_RETENTION_DAYS',
  holdGraceSeconds: 'LIFELINE_HOLD_GRACE_SECONDS',
  reAlarmSeconds: 'LIFELINE_RE_ALARM_SECONDS',
  // A shared PostgreSQL instead of the embedded encrypted SQLite file (store/postgres/).
  databaseUrl: 'LIFELINE_DATABASE_URL',
  // Which core this is, when several share one PostgreSQL (the room sees which one polls).
  coreName: 'LIFELINE_CORE_NAME',
} as const;

const loopbackOrHttps = z
  .url({ error: 'must be a URL' })
  .refine(
    (u) =>
      u.startsWith('https://') || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(u),
    {
      error: 'must be https://, or http:// on loopback only',
    },
  );

export const hostConfigSchema = z
  .object({
    feedUrl: loopbackOrHttps.optional(),
    token: z.string().min(1, 'must not be empty').max(4096).optional(),
    secret: z.string().min(16, 'must be at least 16 characters').max(4096).optional(),
    dataDir: z.string().min(1),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    coreName: z
      .string()
      .regex(/^[\p{L}\p{N} ._-]{1,64}$/u, 'must be 1–64 letters, digits, spaces, dots, dashes or underscores')
      .optional(),
    keyFile: z.string().min(1).optional(),
    keyEnv: z.literal(true).optional(),
    pollIntervalMs: z.coerce
      .number()
      .int('must be a whole number')
      .min(250, 'must be ≥ 250')
      .max(60_000, 'must be ≤ 60000'),
    port: z.coerce.number().int().min(0).max(65_535, 'must be a TCP port 0–65535'),
    simRate: z.coerce.number().min(0).max(6000, 'must be 0–6000 flags per minute'),
    shifts: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return DEFAULT_SCHEDULE.map((s) => ({ ...s }));
        const parsed = parseScheduleText(text);
        if (parsed.ok) return parsed.schedule;
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }),
    retentionDays: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be 1–3650 days')
      .max(3650, 'must be 1–3650 days'),
    // A held flag whose desk went away goes back to the room after this (shared/room/holds.ts).
    holdGraceSeconds: z.coerce
      .number()
      .int('must be a whole number of seconds')
      .min(5, 'must be 5–900 seconds')
      .max(900, 'must be 5–900 seconds'),
    // A dispatch the unit has not received alarms again after this, at the unit and the command
    // centre (alarm/alarm-config.ts); the confirmation target by default (15 min). Seconds, so a
    // test can see the re-alarm without waiting out a quarter of an hour.
    reAlarmSeconds: z.coerce
      .number()
      .int('must be a whole number of seconds')
      .min(5, 'must be 5–3600 seconds')
      .max(3600, 'must be 5–3600 seconds'),
    idleLockMinutes: z.coerce
      .number()
      .int('must be a whole number of minutes')
      .min(1, 'must be 1–30 minutes')
      .max(30, 'must be 1–30 minutes (the workstation rule allows no longer)'),
    followUps: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return [...DEFAULT_FOLLOW_UP_AFTER_MS];
        const parsed = parseFollowUpText(text);
        if (parsed.ok) return parsed.afterMs;
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }),
  })
  .refine((c) => c.feedUrl === undefined || c.token !== undefined, {
    path: ['token'],
    error: 'is required when a feed URL is given',
  });

export type HostConfig = z.infer<typeof hostConfigSchema> & { keyFile: string };

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'lifeline-console');
}

export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'lifeline-console', 'db.key');
}

/**
 * Secrets that may not be given on the command line: the process list (`ps`) and shell history show
 * every argument to every user of the machine. Each comes from its environment variable or from a
 * file named by --<name>-file (owner-only, like the key file).
 */
export const SECRET_FILE_FLAGS = { token: 'tokenFile', secret: 'secretFile' } as const;

/** A secret read from a file: the file must be readable by its owner only; one trailing newline is dropped. */
export function readSecretFile(file: string, flag: string): string {
  let text: string;
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0)
      throw new ContractError(
        'invalid_request',
        `--${flag}: ${file} is readable by other users. Run: chmod 600 ${file}`,
        flag,
      );
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { kind?: string }).kind) throw error;
    throw new ContractError(
      'invalid_request',
      `--${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      flag,
    );
  }
  return text.replace(/\r?\n$/, '');
}

/** Refuses a secret given as an argument, saying how to give it instead. */
export function refuseSecretArguments(flags: Record<string, string | boolean | undefined>): void {
  for (const [name, fileFlag] of Object.entries(SECRET_FILE_FLAGS)) {
    if (flags[name] === undefined) continue;
    const env = ENV[name as keyof typeof SECRET_FILE_FLAGS];
    throw new ContractError(
      'invalid_request',
      `--${name} is not accepted: an argument shows in the process list to every user. ` +
        `Put it in a file readable only by you and give --${kebab(fileFlag)} FILE, or set ${env}.`,
      name,
    );
  }
}

/**
 * A password inside --database-url would show in the process list: it comes from LIFELINE_DATABASE_URL,
 * PGPASSWORD or the server's own authentication (a client certificate, peer on a socket) instead.
 */
function refusePasswordInUrlArgument(flags: Record<string, string | boolean | undefined>): void {
  const url = flags.databaseUrl;
  if (typeof url !== 'string') return;
  let password: string;
  try {
    password = new URL(url).password;
  } catch {
    return; // the schema names what is wrong with it
  }
  if (password !== '')
    throw new ContractError(
      'invalid_request',
      '--database-url must not carry a password: an argument shows in the process list to every user. ' +
        'Set LIFELINE_DATABASE_URL or PGPASSWORD instead.',
      'databaseUrl',
    );
}

/** Flags win over environment variables; both are validated by the same schema. */
export function resolveHostConfig(
  flags: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
): HostConfig {
  refuseSecretArguments(flags);
  refusePasswordInUrlArgument(flags);
  const pick = (name: keyof typeof ENV) => {
    const fileFlag = SECRET_FILE_FLAGS[name as keyof typeof SECRET_FILE_FLAGS];
    const file = fileFlag === undefined ? undefined : flags[fileFlag];
    if (typeof file === 'string') return readSecretFile(file, kebab(fileFlag!));
    const flag = flags[name];
    return typeof flag === 'string' ? flag : env[ENV[name]] || undefined;
  };
  const input = {
    feedUrl: pick('feedUrl'),
    token: pick('token'),
    secret: pick('secret'),
    dataDir: pick('dataDir') ?? defaultDataDir(env),
    keyFile: pick('keyFile'),
    keyEnv: envKeyPresent(ENV.keyEnv, env) ? (true as const) : undefined,
    pollIntervalMs: pick('pollIntervalMs') ?? 2000,
    port: pick('port') ?? 0,
    simRate: pick('simRate') ?? 6,
    shifts: pick('shifts'),
    followUps: pick('followUps'),
    idleLockMinutes: pick('idleLockMinutes') ?? 15,
    retentionDays: pick('retentionDays') ?? 90,
    holdGraceSeconds: pick('holdGraceSeconds') ?? 60,
    reAlarmSeconds: pick('reAlarmSeconds') ?? DEFAULT_ALARM_CONFIG.reAlarmUnconfirmedAfterMs / 1000,
    databaseUrl: pick('databaseUrl'),
    coreName: pick('coreName'),
  };
  const parsed = hostConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'config') as keyof typeof ENV;
    const fileFlag = SECRET_FILE_FLAGS[field as keyof typeof SECRET_FILE_FLAGS];
    const flagName = kebab(fileFlag ?? field);
    const where = ENV[field] ? `--${flagName} / ${ENV[field]}` : field;
    throw new ContractError('invalid_request', `Configuration ${where}: ${issue.message}`, field);
  }
  return { ...parsed.data, keyFile: parsed.data.keyFile ?? defaultKeyFile(env) };
}

export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
