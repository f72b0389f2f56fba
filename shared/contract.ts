// The one contract between the renderer and the main process. The Electron preload and the
// headless host's WebSocket both carry exactly this, and both sides validate every payload they
// receive against these schemas.
import { z } from 'zod';
import { personNameSchema } from './person-name';
import { FEED_STATES, FLAG_SOUNDS, FLAG_STATES, PLATFORM_STATUSES, RISKS } from './domain';
import { closeDetailsSchema, confirmationSchema, dispatchDetailsSchema } from './dispatch';
import { ERROR_KINDS } from './errors';
import type { ErrorCode, ErrorParamValue } from './error-codes';
import { followUpDetailsSchema } from './follow-ups';
import { CHANNEL_ACCESS, sessionUserSchema, type AccountRole } from './accounts';
import { accountInvokeContract } from './contract-accounts';
import { registryInvokeContract } from './contract-registry';
import { reportInvokeContract } from './contract-reports';
import { revealReasonSchema } from './need-to-know';
import { handoverNotes, handoverRecordSchema, handoverSummarySchema } from './handover';
import { CONFIDENCES, ROUTE_BASES, ROUTE_OUTCOMES } from './routing/route';
import { rosterSchema, scheduleSchema } from './shifts/schedule';
import { clientReportSchema, clientStateSchema, clientStatesSchema } from './presence';
import { withRequestId } from './room/request-id';
import { heldBySchema } from './room/holds';
import { roomContract, roomEventContract } from './room/contract-room';
import { unitInvokeContract } from './contract-units';
import { handBackSchema, unitProgressSchema } from './unit-actions';

const flagId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const operatorName = personNameSchema('operator');

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
  receivedAtMs: z.number(),
  riskRaisePending: z.boolean(),
  route: z.object({
    outcome: z.enum(ROUTE_OUTCOMES),
    unitKey: z.string().nullable(),
    districtKey: z.string().nullable(),
    basis: z.enum(ROUTE_BASES),
    confidence: z.enum(CONFIDENCES).nullable(),
    /** The likely districts and their units, most likely first (shared/routing/route.ts). */
    candidates: z
      .array(z.object({ districtKey: z.string(), unitKey: z.string(), basis: z.enum(ROUTE_BASES) }))
      .max(48),
  }),
  dispatch: z
    .object({
      unitKey: z.string(),
      atMs: z.number(),
      confirmedAtMs: z.number().nullable(),
      /** The unit's side: who received it and how, and its steps (shared/unit-actions.ts). */
      progress: unitProgressSchema.nullable().optional(),
    })
    .nullable(),
  /** A unit handed it back and the supervisor has not routed it again yet (shared/unit-actions.ts). */
  handBack: handBackSchema.nullable().optional(),
  followUp: z.object({ sequence: z.int().min(1), afterMs: z.number(), dueAtMs: z.number() }).nullable(),
  /** "Held by NAME at DESK": set by the core for the flag an operator has open (shared/room/holds.ts). */
  heldBy: heldBySchema.nullable().optional(),
});

const flagEventSchema = z.object({
  seq: z.int(),
  atMs: z.number(),
  kind: z.string(),
  actor: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const flagDetailSchema = queueItemSchema.extend({
  events: z.array(flagEventSchema),
  related: z.array(
    z.object({
      id: flagId,
      caseNo: z.string(),
      risk: z.enum(RISKS),
      state: z.enum(FLAG_STATES),
      flaggedAtMs: z.number(),
      outcome: z.string().nullable(),
    }),
  ),
});

export const personalDetailSchema = z.object({
  id: flagId,
  subject: z.record(z.string(), z.unknown()),
  content: z.record(z.string(), z.unknown()).nullable(),
  location: z.record(z.string(), z.unknown()).nullable(),
  institution: z.string().nullable(),
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
  pollingCore: z.string().max(64).nullable(),
  thisCore: z.string().max(64),
  sharedStore: z.boolean(),
});

export const VIEW_ROLES = ['desk', 'wall'] as const;
export type ViewRole = (typeof VIEW_ROLES)[number];

const riskOrNull = z.enum(RISKS).nullable();
export const alarmStateSchema = z.object({
  flagIds: z.array(flagId),
  highestRisk: riskOrNull,
  escalatedIds: z.array(flagId),
  unconfirmedIds: z.array(flagId),
  feedAlarm: z.boolean(),
  flood: z.object({ active: z.boolean(), sinceMs: z.number().nullable(), arrivalsLast10Min: z.int() }),
  silence: z.object({ untilMs: z.number(), reason: z.string(), by: z.string() }).nullable(),
  tooQuiet: z.object({ active: z.boolean(), lastArrivalMs: z.number().nullable(), thresholdMs: z.number() }),
  sound: z.object({ flag: z.enum(FLAG_SOUNDS).nullable(), escalated: z.boolean(), feed: z.boolean() }),
  noDesk: z.object({ active: z.boolean(), sinceMs: z.number().nullable() }).optional(),
});

const ackTimes = z.object({ count: z.int(), medianMs: z.number().nullable(), p95Ms: z.number().nullable() });
export const alarmKpisSchema = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  alarms: z.int(),
  alarmsPer10Min: z.number(),
  floodMs: z.number(),
  floodShare: z.number(),
  silences: z.int(),
  timeToAcknowledge: z.object({ imminent: ackTimes, high: ackTimes, elevated: ackTimes }),
});

/** Limits of an operator's silence of the audible alarm. */
export const SILENCE_MAX_MINUTES = 15;
export const silenceReason = z
  .string()
  .trim()
  .min(5, 'reason: at least 5 characters')
  .max(200, 'reason: at most 200 characters');

export const sessionInfoSchema = z.object({
  training: z.boolean(),
  version: z.string(),
  schemaVersion: z.int(),
  host: z.enum(['electron', 'headless']),
  /** What this window is: the wall may only read the queue, never a flag's personal details. */
  role: z.enum(VIEW_ROLES),
  /** The room's shift schedule (IST); the views compute the shift clock from it (shared/shifts). */
  schedule: scheduleSchema,
  /** Who is logged on at this window (null: nobody), and whether any account exists (first run). */
  user: sessionUserSchema.nullable(),
  accountsExist: z.boolean(),
  /** The desk is locked after idling; only unlock or log off until then. */
  locked: z.boolean(),
  idleLockMs: z.int(),
});

const empty = z.object({}).strict();
const shiftId = z.string().regex(/^\d{4}-\d{2}-\d{2}:[a-z][a-z0-9-]{0,23}$/, 'shiftId: YYYY-MM-DD:key');

/** Request/response pairs the renderer may invoke. */
export const invokeContract = {
  ...accountInvokeContract,
  ...registryInvokeContract,
  ...reportInvokeContract,
  ...roomContract,
  ...unitInvokeContract(queueItemSchema),
  getSession: { request: empty, response: sessionInfoSchema },
  listQueue: { request: empty, response: z.array(queueItemSchema) },
  getFlagDetail: { request: z.object({ id: flagId }).strict(), response: flagDetailSchema },
  /** Need-to-know: the subject's identity and content, for a stated reason; recorded in the history and the audit. */
  revealFlag: {
    request: withRequestId(
      z.object({ id: flagId, operator: operatorName, reason: revealReasonSchema }).strict(),
    ),
    response: personalDetailSchema,
  },
  acknowledge: {
    request: withRequestId(z.object({ id: flagId, operator: operatorName }).strict()),
    response: queueItemSchema,
  },
  dispatch: {
    request: withRequestId(dispatchDetailsSchema.extend({ id: flagId, operator: operatorName }).strict()),
    response: queueItemSchema,
  },
  confirmDispatch: {
    request: withRequestId(confirmationSchema.extend({ id: flagId, operator: operatorName }).strict()),
    response: queueItemSchema,
  },
  closeFlag: {
    request: withRequestId(closeDetailsSchema.extend({ id: flagId, operator: operatorName }).strict()),
    response: queueItemSchema,
  },
  /** Takes a close back within CLOSE_UNDO_MS, by the operator who closed it; recorded as an event. */
  undoClose: {
    request: z.object({ id: flagId, operator: operatorName }).strict(),
    response: queueItemSchema,
  },
  /** The outcome of the welfare check-in now due on a closed flag. */
  recordFollowUp: {
    request: withRequestId(
      followUpDetailsSchema.extend({ id: flagId, operator: operatorName, sequence: z.int().min(1) }).strict(),
    ),
    response: queueItemSchema,
  },
  getFeedHealth: { request: empty, response: feedHealthSchema },
  getAlarm: { request: empty, response: alarmStateSchema },
  silenceAlarm: {
    request: withRequestId(
      z
        .object({
          operator: operatorName,
          reason: silenceReason,
          minutes: z.int().min(1).max(SILENCE_MAX_MINUTES),
        })
        .strict(),
    ),
    response: alarmStateSchema,
  },
  cancelSilence: {
    request: withRequestId(z.object({ operator: operatorName }).strict()),
    response: alarmStateSchema,
  },
  /** The renderer played the test alarm (or could not): recorded in the alarm log. */
  recordAlarmTest: {
    request: z
      .object({
        operator: operatorName,
        outcome: z.enum(['played', 'no_output', 'blocked']),
        audioOutputs: z.int().min(0).max(64),
      })
      .strict(),
    response: z.object({ recorded: z.literal(true) }),
  },
  /** After the test alarm the operator says whether it was heard: kept per connection, audited. */
  confirmAlarmHeard: {
    request: z.object({ heard: z.boolean() }).strict(),
    response: clientStateSchema,
  },
  getAlarmKpis: {
    request: z.object({ fromMs: z.number().optional(), toMs: z.number().optional() }).strict(),
    response: alarmKpisSchema,
  },
  /** A shift's handover: the signed record if there is one, else the summary as it stands now. */
  getHandover: {
    request: z.object({ shiftId: shiftId.optional() }).strict(),
    response: z.object({
      shiftId,
      previousShiftId: shiftId,
      nextShiftId: shiftId,
      summary: handoverSummarySchema,
      record: handoverRecordSchema.nullable(),
    }),
  },
  /** Records that broke a rule, newest first, for supervisors to follow up with the platform. */
  listQuarantine: {
    request: z.object({ limit: z.int().min(1).max(500).optional() }).strict(),
    response: z.array(
      z.object({
        seq: z.int(),
        receivedAtMs: z.number(),
        source: z.string(),
        field: z.string(),
        rule: z.string(),
        idHint: z.string().nullable(),
        rawSha256: z.string(),
      }),
    ),
  },
  getRoster: {
    request: z.object({ shiftId: shiftId.optional() }).strict(),
    response: z.object({ shiftId, entries: rosterSchema }),
  },
  setRoster: {
    request: withRequestId(z.object({ shiftId, entries: rosterSchema }).strict()),
    response: z.object({ shiftId, entries: rosterSchema }),
  },
  signHandover: {
    request: withRequestId(z.object({ shiftId, supervisor: operatorName, notes: handoverNotes }).strict()),
    response: handoverRecordSchema,
  },
  receiveHandover: {
    request: withRequestId(z.object({ shiftId, supervisor: operatorName }).strict()),
    response: handoverRecordSchema,
  },
  /** The page says whether it is seen and can sound the alarm; the room sees every connection's. */
  reportClientState: {
    request: clientReportSchema,
    response: clientStateSchema.pick({ role: true, number: true }),
  },
  getClientStates: { request: empty, response: clientStatesSchema },
  /** Electron only: print the handover page on screen to an A4 PDF (null: the operator cancelled). */
  saveHandoverPdf: {
    request: z.object({ shiftId }).strict(),
    response: z.object({ savedTo: z.string().nullable() }),
  },
} as const;

/** What each role may invoke. The wall reads; it never asks for a flag's details or acts. */
export const ROLE_CHANNELS: Readonly<Record<ViewRole, readonly (keyof typeof invokeContract)[]>> = {
  desk: Object.keys(invokeContract) as (keyof typeof invokeContract)[],
  wall: ['getSession', 'listQueue', 'getFeedHealth', 'getAlarm', 'reportClientState', 'getClientStates'],
};

/** Events main pushes to every renderer. */
export const eventContract = {
  /** `removed`: sent to a unit's desk only, for flags no longer dispatched to it (handed back, sent elsewhere). */
  queueChanged: z.object({ upserts: z.array(queueItemSchema), removed: z.array(flagId).optional() }),
  feedHealth: feedHealthSchema,
  alarm: alarmStateSchema,
  /** Which desks and walls are seen and can hear (shared/presence.ts). */
  clientStates: clientStatesSchema,
  ...roomEventContract,
  /** Electron only, from the shell to its desk: select this flag (its notification was clicked). */
  focusFlag: z.object({ id: flagId }),
  /** Electron only, from the shell: the window was minimised or hidden (or shown again). */
  windowShown: z.object({ visible: z.boolean() }),
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
  code: z.string().max(100).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** What crosses the boundary for every invoke: a value or an error with a kind. */
export type InvokeResult<C extends InvokeChannel> =
  { ok: true; value: InvokeResponse<C> } | { ok: false; error: z.infer<typeof errorDataSchema> };

/** The API as the renderer sees it, whatever carries it (Electron preload or WebSocket). */
export interface LifelineApi {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Who is calling: set by the transport from the window or token, never by the caller's payload. */
export interface CallContext {
  role: ViewRole;
  /** This window or WebSocket connection: the key of its logon session in main. */
  connection: string;
}

/** The handlers main implements; the transport validates requests before calling them. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (
    request: z.infer<(typeof invokeContract)[C]['request']>,
    context: CallContext,
  ) => Promise<InvokeResponse<C>>;
};

/**
 * Turns a zod failure into the one-line English message that names the field and the rule, and the
 * same as an error code with parameters (from zod's issue code) that a desk words in its language.
 */
export function describeZodError(error: z.ZodError): {
  field: string;
  message: string;
  code: ErrorCode;
  params: Record<string, ErrorParamValue>;
} {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.') || '(payload)';
  const rule = issue?.message ?? 'invalid';
  // A value checked on its own (a form's field) has no path, but its rule already names the field
  // ("password: at least 10 characters"): no "(payload): " before it, which only a developer reads.
  const named = field === '(payload)' ? /^([a-zA-Z][\w.]*): /.exec(rule) : null;
  const coded = zodIssueCode(issue, named ? named[1]! : field, named ? rule.slice(named[0].length) : rule);
  if (named) return { field, message: rule, ...coded };
  return { field, message: `${field}: ${rule}`, ...coded };
}

function zodIssueCode(
  issue: z.core.$ZodIssue | undefined,
  field: string,
  rule: string,
): { code: ErrorCode; params: Record<string, ErrorParamValue> } {
  const bound = (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value as number));
  switch (issue?.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? { code: 'invalid.too_short', params: { field, min: bound(issue.minimum) } }
        : { code: 'invalid.too_small', params: { field, min: bound(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { code: 'invalid.too_long', params: { field, max: bound(issue.maximum) } }
        : { code: 'invalid.too_big', params: { field, max: bound(issue.maximum) } };
    case 'invalid_format':
      // The schema's own words say what form is meant ("a telephone number of …"): English keeps them.
      return { code: 'invalid.pattern', params: { field, rule } };
    case 'invalid_type':
      return { code: 'invalid.type', params: { field, expected: issue.expected } };
    case 'invalid_value':
      return { code: 'invalid.value', params: { field } };
    case 'unrecognized_keys':
      return { code: 'invalid.unknown_keys', params: { field, keys: issue.keys.join(', ') } };
    default:
      return { code: 'invalid.rule', params: { field, rule } };
  }
}

/** Every channel has its rule of who may call it (a channel missing from CHANNEL_ACCESS fails to compile). */
export const CHANNEL_RULES: Readonly<Record<InvokeChannel, 'public' | readonly AccountRole[]>> =
  CHANNEL_ACCESS;
