// The WebSocket framing as the renderer receives it (the host's side is in the main process, which
// the renderer may not import). Envelopes are checked here; payloads by the contract client.
import { z } from 'zod';
import { errorDataSchema } from '../../shared/contract';

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.int().min(1), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.string().max(64), payload: z.unknown() }),
  z.object({ type: z.literal('pong'), id: z.int().min(1) }),
  // A logon on an enrolled device: the resume token (shared/room/resume.ts), kept in memory only.
  z.object({ type: z.literal('session'), token: z.string().max(64) }),
  z.object({
    type: z.literal('resumed'),
    ok: z.boolean(),
    token: z.string().max(64).optional(),
    refusal: z.string().max(32).optional(),
  }),
]);

export const invokeResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorDataSchema }),
]);

export interface PingMessage {
  type: 'ping';
  id: number;
}

export interface ResumeMessage {
  type: 'resume';
  token: string;
}

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  channel: string;
  payload: unknown;
}

/** The session token is in the fragment (`#token=…&view=desk`), so it never appears in a request line. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}
