// The WebSocket framing of the contract, used by the headless host and the renderer's client.
import { z } from 'zod';

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invoke'),
    id: z.int().min(1),
    channel: z.string().max(64),
    payload: z.unknown(),
  }),
  // The page's heartbeat (shared/room/heartbeat.ts): a browser cannot send WebSocket pings, and a
  // link that went silent must be noticed by the page within seconds, not when TCP gives up.
  z.object({ type: z.literal('ping'), id: z.int().min(1) }).strict(),
  // First thing on a new connection: the resume token of the session the link lost
  // (shared/room/resume.ts). Anything the client sends after it is served after it.
  z.object({ type: z.literal('resume'), token: z.string().max(64) }).strict(),
]);

export type ServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'pong'; id: number }
  // A logon on an enrolled device's connection: the token to present after a lost link.
  | { type: 'session'; token: string }
  // The answer to 'resume': the session is back (with the next token), or why not.
  | { type: 'resumed'; ok: true; token: string }
  | { type: 'resumed'; ok: false; refusal: string };
