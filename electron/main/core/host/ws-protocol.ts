// The WebSocket framing of the contract, used by the headless host and the renderer's client.
import { z } from 'zod';

export const clientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.int().min(1),
  channel: z.string().max(64),
  payload: z.unknown(),
});

export type ServerMessage =
  { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown };
