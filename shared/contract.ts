// The one contract between the renderer and the main process. The Electron preload and the
// headless host's WebSocket both carry exactly this, and both sides validate every payload they
// receive against these schemas.
import { z } from 'zod';
import { FEED_STATES, FLAG_STATES, PLATFORM_STATUSES, RISKS } from './domain';
import { ERROR_KINDS } from './errors';

const flagId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const operatorName = z
  .string()
  .trim()
  .min(2, 'operator: at least 2 characters')
  .max(64, 'operator: at most 64 characters')
  .regex(/^[\p{L}\p{M}\p{N} .'-]+$/u, "operator: letters, digits, spaces, . ' - only");

export const queueItemSchema = z.object({
  id: flagId,
  caseNo: z.string(),
  revision: z.int().min(1),
  risk: z.enum(RISKS),
  status: z.enum(PLATFORM_STATUSES),
  state: z.enum(FLAG_STATES),
  districtKey: z.string().nullable(),
  platform: z.string().nullable(),
  category: z.string().nullable(),
  flaggedAt: z.string(),
  flaggedAtMs: z.number(),
  training: z.boolean(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAtMs: z.number().nullable(),
});

const flagEventSchema = z.object({
  seq: z.int(),
  atMs: z.number(),
  kind: z.string(),
  actor: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const flagDetailSchema = queueItemSchema.extend({
  subject: z.record(z.string(), z.unknown()),
  content: z.record(z.string(), z.unknown()).nullable(),
  location: z.record(z.string(), z.unknown()).nullable(),
  institution: z.string().nullable(),
  events: z.array(flagEventSchema),
});

export const feedHealthSchema = z.object({
  state: z.enum(FEED_STATES),
  alarm: z.boolean(),
  source: z.enum(['simulator', 'feed']),
  pollIntervalMs: z.number(),
  lastGoodPollAtMs: z.number().nullable(),
  lastAttemptAtMs: z.number().nullable(),
  consecutiveFailures: z.int(),
  lastError: z.object({ kind: z.string(), message: z.string() }).nullable(),
  quarantinedTotal: z.int(),
});

export const alarmStateSchema = z.object({
  flagIds: z.array(flagId),
  highestRisk: z.enum(RISKS).nullable(),
  feedAlarm: z.boolean(),
});

export const sessionInfoSchema = z.object({
  training: z.boolean(),
  version: z.string(),
  schemaVersion: z.int(),
  host: z.enum(['electron', 'headless']),
});

const empty = z.object({}).strict();

/** Request/response pairs the renderer may invoke. */
export const invokeContract = {
  getSession: { request: empty, response: sessionInfoSchema },
  listQueue: { request: empty, response: z.array(queueItemSchema) },
  getFlagDetail: { request: z.object({ id: flagId }).strict(), response: flagDetailSchema },
  acknowledge: {
    request: z.object({ id: flagId, operator: operatorName }).strict(),
    response: queueItemSchema,
  },
  getFeedHealth: { request: empty, response: feedHealthSchema },
  getAlarm: { request: empty, response: alarmStateSchema },
} as const;

/** Events main pushes to every renderer. */
export const eventContract = {
  queueChanged: z.object({ upserts: z.array(queueItemSchema) }),
  feedHealth: feedHealthSchema,
  alarm: alarmStateSchema,
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export type EventName = keyof typeof eventContract;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['response']>;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]>;

export const INVOKE_CHANNELS = Object.keys(invokeContract) as InvokeChannel[];
export const EVENT_NAMES = Object.keys(eventContract) as EventName[];

export const errorDataSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  field: z.string().optional(),
});

/** What crosses the boundary for every invoke: a value or an error with a kind. */
export type InvokeResult<C extends InvokeChannel> =
  { ok: true; value: InvokeResponse<C> } | { ok: false; error: z.infer<typeof errorDataSchema> };

/** The API as the renderer sees it, whatever carries it (Electron preload or WebSocket). */
export interface LifelineApi {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The handlers main implements; the transport validates requests before calling them. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (
    request: z.infer<(typeof invokeContract)[C]['request']>,
  ) => Promise<InvokeResponse<C>>;
};

/** Turns a zod failure into the one-line message that names the field and the rule. */
export function describeZodError(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.') || '(payload)';
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}
