// Domain vocabulary shared by main and renderer. Only types and tiny constant tables live here;
// the rules that use them each have one home (queue-order.ts, alarm policy in core, …).
import type { Route } from './routing/route';

export const RISKS = ['imminent', 'high', 'elevated'] as const;
export type Risk = (typeof RISKS)[number];

/** Lower rank = more urgent. The one ordering of risk used everywhere. */
export const RISK_RANK: Readonly<Record<Risk, number>> = { imminent: 0, high: 1, elevated: 2 };

/** What the platform says about a flag. */
export const PLATFORM_STATUSES = ['active', 'withdrawn'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

/** What the room has done with a flag (operator-owned; never touched by a feed revision). */
export const FLAG_STATES = ['new', 'acknowledged', 'dispatched', 'closed'] as const;
export type FlagState = (typeof FLAG_STATES)[number];

/** A flag as the queue shows it: no personal field, safe for any view including the wall. */
export interface QueueItem {
  id: string;
  caseNo: string;
  revision: number;
  risk: Risk;
  status: PlatformStatus;
  state: FlagState;
  /** District key from shared/geo/districts.ts, or null when it could not be resolved. */
  districtKey: string | null;
  platform: string | null;
  category: string | null;
  flaggedAt: string;
  flaggedAtMs: number;
  training: boolean;
  acknowledgedBy: string | null;
  acknowledgedAtMs: number | null;
  /** When this console first stored the flag: escalation and time-to-acknowledge count from here. */
  receivedAtMs: number;
  /**
   * The platform raised the risk after the room had acknowledged the flag, and nobody has
   * acknowledged the raise yet: it alarms again until someone does.
   */
  riskRaisePending: boolean;
  /** The responsible police unit, from the flag's location by shared/routing/route.ts (computed in main). */
  route: Route;
  /** The unit it was sent to and when, and when the unit confirmed; null until dispatched. */
  dispatch: {
    unitKey: string;
    atMs: number;
    confirmedAtMs: number | null;
    /** The unit's side: who received it and how, and its steps (shared/unit-actions.ts). */
    progress?: import('./unit-actions').UnitProgress | null;
  } | null;
  /** A unit handed it back; the supervisor routes it again (shared/unit-actions.ts). */
  handBack?: import('./unit-actions').HandBack | null;
  /**
   * A welfare check-in due now on a closed flag (shared/follow-ups.ts): it brings the flag back into
   * the queue until its outcome is recorded; null otherwise.
   */
  followUp: { sequence: number; afterMs: number; dueAtMs: number } | null;
  /** "Held by NAME at DESK", set by the core while a desk works the flag (shared/room/holds.ts). */
  heldBy?: import('./room/holds').HeldBy | null;
}

export interface FlagEvent {
  seq: number;
  atMs: number;
  kind: string;
  actor: string | null;
  /** Non-personal detail (revision numbers, states). */
  detail: Record<string, unknown>;
}

/**
 * A flag's history and links for the desk's detail panel: still no personal field. Who the student
 * is and what they posted come only through an explicit, recorded reveal (PersonalDetail).
 */
export interface FlagDetail extends QueueItem {
  events: FlagEvent[];
  /** Other flags of the same account on the same platform, newest first: linked, never merged. */
  related: RelatedFlag[];
}

/** The subject's identity and the content, shown on a desk after a reveal with a reason. */
export interface PersonalDetail {
  id: string;
  subject: Record<string, unknown>;
  content: Record<string, unknown> | null;
  location: Record<string, unknown> | null;
  institution: string | null;
}

export interface RelatedFlag {
  id: string;
  caseNo: string;
  risk: Risk;
  state: FlagState;
  flaggedAtMs: number;
  outcome: string | null;
}

export const FEED_STATES = [
  'starting',
  'ok',
  'degraded',
  'down',
  'unauthorised',
  'bad_signature',
  'silent',
  // The core cannot reach its store (a shared PostgreSQL): what it shows is not live, whatever the
  // feed does, and it has stopped polling. Loudest on every client of that core.
  'store_unreachable',
] as const;
export type FeedState = (typeof FEED_STATES)[number];

export interface FeedHealth {
  state: FeedState;
  /** True when the state is itself an alarm for the room (feed down, silent, unauthorised, lying). */
  alarm: boolean;
  source: 'simulator' | 'feed';
  pollIntervalMs: number;
  lastGoodPollAtMs: number | null;
  lastAttemptAtMs: number | null;
  consecutiveFailures: number;
  /** Why the last attempt failed, in words fit for an operator (never contains flag content). */
  lastError: { kind: string; message: string } | null;
  quarantinedTotal: number;
  /**
   * The core polling the feed for the room (its name), or null when none is (a takeover under way,
   * or this core has lost its store). On SQLite the one core always polls.
   */
  pollingCore: string | null;
  /** The core this client is connected to: several cores can share one PostgreSQL. */
  thisCore: string;
  /** Several cores share this core's store (PostgreSQL): the room is told which one polls. */
  sharedStore: boolean;
}

/** A record the feed or an import sent that broke a rule: what and why, never its content. */
export interface QuarantinedRecord {
  seq: number;
  receivedAtMs: number;
  source: string;
  field: string;
  rule: string;
  idHint: string | null;
  rawSha256: string;
}

/** The room's alarm as the core decides it; the renderers only show and play it. */
export interface AlarmState {
  /** Flags that are new, active and unacknowledged: each keeps the alarm sounding. */
  flagIds: string[];
  highestRisk: Risk | null;
  /** Unacknowledged past their risk's escalation time: louder, faster, and marked on the wall. */
  escalatedIds: string[];
  /** Dispatched and not confirmed by the unit within the confirmation target: they alarm again. */
  unconfirmedIds: string[];
  feedAlarm: boolean;
  /** More than 10 new flags in 10 minutes, until fewer than 5 in 10 minutes. */
  flood: { active: boolean; sinceMs: number | null; arrivalsLast10Min: number };
  /** An operator's time-limited silence of the audible part (never of an unacknowledged imminent flag). */
  silence: { untilMs: number; reason: string; by: string } | null;
  /**
   * The feed answers but no flag has come for longer than is normal for this hour of the week.
   * The views tick "quiet for" from lastArrivalMs themselves, so this changes only when it must.
   */
  tooQuiet: { active: boolean; lastArrivalMs: number | null; thresholdMs: number };
  /** What the speakers play now. */
  sound: AlarmSound;
  /**
   * Flags are open and no logged-on desk is connected: nobody in the room is receiving them
   * (shared/room/room-presence.ts). Absent where the core serves one embedded desk.
   */
  noDesk?: { active: boolean; sinceMs: number | null };
}

export const FLAG_SOUNDS = ['imminent', 'high', 'elevated', 'flood'] as const;
export type FlagSound = (typeof FLAG_SOUNDS)[number];

export interface AlarmSound {
  /** The flag tone: the highest unacknowledged risk, or one grouped flood tone; null when quiet. */
  flag: FlagSound | null;
  escalated: boolean;
  /** The separate feed-problem tone (down, silent, unauthorised, bad signature). */
  feed: boolean;
}

/** Alarm-management figures for a period (ISA-18.2 style). */
export interface AlarmKpis {
  fromMs: number;
  toMs: number;
  alarms: number;
  alarmsPer10Min: number;
  floodMs: number;
  floodShare: number;
  silences: number;
  timeToAcknowledge: Record<Risk, { count: number; medianMs: number | null; p95Ms: number | null }>;
}
