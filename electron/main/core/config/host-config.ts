// Configuration of a console host, from command-line flags and environment variables, validated
// like any other external input: a bad value stops start-up with the field and the rule named.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ContractError } from '../../../../shared/errors';
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

/** Flags win over environment variables; both are validated by the same schema. */
export function resolveHostConfig(
  flags: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
): HostConfig {
  const pick = (name: keyof typeof ENV) => {
    const flag = flags[name];
    return typeof flag === 'string' ? flag : env[ENV[name]] || undefined;
  };
  const input = {
    feedUrl: pick('feedUrl'),
    token: pick('token'),
    secret: pick('secret'),
    dataDir: pick('dataDir') ?? defaultDataDir(env),
    keyFile: pick('keyFile'),
    keyEnv: env[ENV.keyEnv] ? (true as const) : undefined,
    pollIntervalMs: pick('pollIntervalMs') ?? 2000,
    port: pick('port') ?? 0,
    simRate: pick('simRate') ?? 6,
    shifts: pick('shifts'),
    followUps: pick('followUps'),
    idleLockMinutes: pick('idleLockMinutes') ?? 15,
    retentionDays: pick('retentionDays') ?? 90,
  };
  const parsed = hostConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'config') as keyof typeof ENV;
    const where = ENV[field] ? `--${kebab(field)} / ${ENV[field]}` : field;
    throw new ContractError('invalid_request', `Configuration ${where}: ${issue.message}`, field);
  }
  return { ...parsed.data, keyFile: parsed.data.keyFile ?? defaultKeyFile(env) };
}

export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
