// Every acting command carries a request id the client chose (a UUID, made once per operator action
// and sent again on every retry of it). The core keeps what the first attempt answered, so a retry
// after a lost answer returns that answer and never acts twice (core/room/idempotency.ts).
import { z } from 'zod';

/** A UUID as crypto.randomUUID() makes it; anything else is refused with the field named. */
export const requestIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'requestId: a UUID');

/**
 * The channels that act: each request schema gains an optional `requestId` through withRequestId.
 * Optional, not required, so the command line, the shell and older tests keep working; the pages'
 * contract client always sends one (shared/contract-client.ts), and only a command with one is
 * protected from acting twice.
 */
export const IDEMPOTENT_CHANNELS = [
  'acknowledge',
  'dispatch',
  'confirmDispatch',
  'closeFlag',
  'recordFollowUp',
  'revealFlag',
  'silenceAlarm',
  'cancelSilence',
  'setRoster',
  'signHandover',
  'receiveHandover',
  'takeOverFlag',
  'acknowledgeReceipt',
  'recordUnitStep',
  'handBack',
] as const;
export type IdempotentChannel = (typeof IDEMPOTENT_CHANNELS)[number];

/** How long the core remembers a command's answer: far longer than any reconnect, shorter than a shift log. */
export const REQUEST_RESULT_RETENTION_MS = 24 * 3600_000;

/** Adds the optional request id to a strict request schema (one helper, so every channel spells it alike). */
export function withRequestId<Shape extends z.ZodRawShape, Config extends z.core.$ZodObjectConfig>(
  schema: z.ZodObject<Shape, Config>,
) {
  return schema.extend({ requestId: requestIdSchema.optional() });
}

export function isIdempotentChannel(channel: string): channel is IdempotentChannel {
  return (IDEMPOTENT_CHANNELS as readonly string[]).includes(channel);
}
