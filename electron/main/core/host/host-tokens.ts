// The desk and wall tokens of a host that runs as a service. They were drawn afresh at every start,
// so a host restarted by systemd came back under new URLs: every desk and wall kept reconnecting
// with its old token, was refused (403), and showed "connection lost" until someone opened the new
// URL from the log. Kept in the data directory (owner-only, like the database key), they survive a
// restart; deleting the file rotates them at the next start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { VIEW_ROLES, type ViewRole } from '../../../../shared/contract';
import { describeZodError } from '../../../../shared/contract';
import { ContractError } from '../../../../shared/errors';

export const HOST_TOKENS_FILE = 'host-tokens.json';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'a URL-safe token of 32 to 128 characters');
const tokensSchema = z
  .object({ desk: tokenSchema, wall: tokenSchema })
  .strict()
  .refine((t) => t.desk !== t.wall, {
    message: 'the desk and the wall need different tokens',
    path: ['wall'],
  });

const newToken = () => crypto.randomBytes(24).toString('base64url');

export function loadOrCreateHostTokens(file: string): Record<ViewRole, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const tokens = Object.fromEntries(VIEW_ROLES.map((role) => [role, newToken()])) as Record<
      ViewRole,
      string
    >;
    // 'wx': two hosts started at once on one data directory must not each write their own.
    fs.writeFileSync(file, JSON.stringify(tokens) + '\n', { mode: 0o600, flag: 'wx' });
    return tokens;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ContractError('invalid_request', `${file}: not JSON. Delete it to draw new tokens.`);
  }
  const result = tokensSchema.safeParse(parsed);
  if (!result.success) {
    const { field, message } = describeZodError(result.error);
    throw new ContractError('invalid_request', `${file}: ${message}. Delete it to draw new tokens.`, field);
  }
  return result.data;
}
