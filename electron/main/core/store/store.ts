// The store seam: the async interface the core works through, whichever engine is behind it. The
// embedded default is SQLite (store/sqlite/, in a worker thread in the shell, in-process in tests);
// a shared PostgreSQL engine can implement the same interface. Only the place that starts a core
// (start-console.ts, the CLI's open-store.ts) chooses the engine; nothing else imports store/sqlite/.
// Adding a method: declare it here, list it in store-methods.ts, implement it in each engine; the
// worker proxy and the in-process adapter are generated from that list.
import type { CloseDetails, DispatchDetails } from '../../../../shared/dispatch';
import type { FeedFlag } from '../../../../shared/feed/flag-schema';
import type { FollowUpDetails } from '../../../../shared/follow-ups';
import type { UnitAction } from '../../../../shared/unit-actions';
import type { AccountRole, AccountSummary } from '../../../../shared/accounts';
import type {
  AlarmKpis,
  FlagDetail,
  FlagState,
  PersonalDetail,
  QuarantinedRecord,
  QueueItem,
} from '../../../../shared/domain';
import type { HandoverRecord, HandoverSummary } from '../../../../shared/handover';
import type { HoldDecision } from '../../../../shared/room/holds';
import type { HoldClaim, StoredHold } from '../../../../shared/room/stored-holds';
import type { RosterEntry, ShiftInstance } from '../../../../shared/shifts/schedule';
import type { TimerTargets } from '../../../../shared/timers';
import type { Report } from '../../../../shared/report';
import type { RoutableLocation, Route } from '../../../../shared/routing/route';
import type {
  AccountRecord,
  DeviceSummary,
  PurgeResult,
  RedeemResult,
  RequestResult,
  ResumeTokenRecord,
  ReportContext,
  ReportRange,
  RequestStamp,
  SessionKind,
  RegistrySave,
  RegistryVersionSummary,
  StoredRegistry,
  UnitContact,
  UnitDispatchRow,
} from './store-types';

export type * from './store-types';
export { DEVICE_KINDS, SESSION_KINDS } from './store-types';

export interface ValidFlagInput {
  flag: FeedFlag;
  /** The record exactly as it came (JSON text), unknown fields included. */
  rawJson: string;
  /** The responsible unit, decided by ingest (prepare-records.ts): plain data, so it crosses to the worker. */
  route: Route;
}

export interface QuarantineInput {
  field: string;
  rule: string;
  rawText: string;
  idHint: string | null;
}

export interface CommitPageInput {
  /** Which cursor this page advances (one per configured feed). */
  feedKey: string;
  /** The page's next_cursor; null for a file import, which has no cursor. */
  nextCursor: string | null;
  flags: ValidFlagInput[];
  quarantined: QuarantineInput[];
  training: boolean;
  source: string;
  receivedAtMs: number;
  /** Who brought the records in by hand (a file import's --by account); the feed's pages have none. */
  actor?: string;
}

export interface CommitPageResult {
  inserted: number;
  revised: number;
  duplicates: number;
  /** Older revisions arriving after a newer one: recorded in the history, not applied. */
  stale: number;
  quarantined: number;
  /** Queue items whose platform fields changed, for pushing to the views. */
  changed: QueueItem[];
  /** Flags seen for the first time (new alarms), as opposed to revisions. */
  insertedIds: string[];
}

export const ALARM_LOG_KINDS = [
  'silence',
  'silence_cancelled',
  'silence_expired',
  'flood_start',
  'flood_end',
  'escalated',
  'feed_alarm_start',
  'feed_alarm_end',
  'test_alarm',
  'dispatch_unconfirmed',
  'no_desk_start',
  'no_desk_end',
] as const;
export type AlarmLogKind = (typeof ALARM_LOG_KINDS)[number];

export interface AlarmLogEntry {
  atMs: number;
  kind: AlarmLogKind;
  actor: string | null;
  /** Non-personal detail: flag ids, risks, reasons given by operators, durations. */
  detail: Record<string, unknown>;
}

/** The room's alarm silence as the store keeps it (AlarmState['silence']). */
export interface AlarmSilence {
  by: string;
  reason: string;
  untilMs: number;
}

export interface StoreChanges {
  items: QueueItem[];
  insertedIds: string[];
  lastEventSeq: number;
}

/** New flags per IST hour of the week, for learning what "too quiet" means. */
export interface ArrivalStats {
  firstMs: number | null;
  lastMs: number | null;
  byHourOfWeek: number[];
}

/** Which engine serves the store and the version of its schema, for status lines and the session. */
export interface StoreEngineInfo {
  /** 'sqlite' (embedded); a shared engine names itself here. */
  engine: string;
  /** The engine's schema version as it tells it (SQLite: the migration number, e.g. '16'). */
  version: string;
}

export interface StoreStatus extends StoreEngineInfo {
  flagsByState: Record<FlagState, number>;
  withdrawn: number;
  quarantined: number;
  cursors: { feedKey: string; cursor: string | null; committedAtMs: number }[];
}

export interface Store {
  commitPage(input: CommitPageInput): Promise<CommitPageResult>;
  getCursor(feedKey: string): Promise<string | null>;
  listOpenQueue(training: boolean): Promise<QueueItem[]>;
  /**
   * The change feed: flags changed by anyone (another process's import, another desk, another core)
   * after a cursor, so a running core sees writes it did not make itself. Start with 0 (everything)
   * or with a lastEventSeq this store returned; pass each answer's lastEventSeq to the next call.
   *
   * The contract every engine keeps, under any number of concurrent writers:
   * - lastEventSeq is a position in COMMIT order. Every change reported has a position at or
   *   below it, and every change not yet visible will commit at a position above it, so calling
   *   again from it never skips a change (a change may be reported twice; items are whole current
   *   rows, so applying one again is harmless).
   * - Positions are never reused and only grow.
   * SQLite: one writer at a time, and seq is taken under that lock, so seq order is commit order;
   * the horizon and the rows are read in one snapshot. An engine with concurrent writers (where
   * sequence values commit out of order) must either take positions at commit under a lock (e.g.
   * PostgreSQL: pg_advisory_xact_lock around appending flag_events), or report only up to a safe
   * horizon, the oldest transaction still in flight (PostgreSQL: xid8 per event and
   * pg_snapshot_xmin(pg_current_snapshot())), so rows behind an in-flight writer wait for it.
   */
  changesSince(eventSeq: number, training: boolean): Promise<StoreChanges>;
  getFlagDetail(id: string): Promise<FlagDetail | null>;
  // The acting methods take an optional RequestStamp (store-types.ts) as their last argument: with
  // one, the answer is recorded under the request id in the same transaction as the action. What is
  // recorded is the method's result as JSON, except where said (see STAMP_ARGUMENT below).
  /**
   * The personal fields, recorded as a 'revealed' flag event in the same transaction. A stamp
   * records only {"flagId"}: personal fields are never kept twice.
   */
  revealFlag(
    id: string,
    operator: string,
    reason: string,
    atMs: number,
    stamp?: RequestStamp,
  ): Promise<PersonalDetail>;
  acknowledge(id: string, operator: string, atMs: number, stamp?: RequestStamp): Promise<QueueItem>;
  dispatch(
    id: string,
    operator: string,
    details: DispatchDetails,
    atMs: number,
    stamp?: RequestStamp,
  ): Promise<QueueItem>;
  confirmDispatch(
    id: string,
    operator: string,
    confirmedBy: string,
    atMs: number,
    stamp?: RequestStamp,
  ): Promise<QueueItem>;
  /**
   * A district control room's action on the flag's current dispatch (shared/unit-actions.ts):
   * receipt (its confirmation, via 'console'), a step, or a hand-back (back to 'acknowledged' for
   * the supervisor). Refused as unitActionRefusal says; appends the flag event in the same
   * transaction ('unit_received', 'unit_step', 'handed_back').
   */
  recordUnitAction(
    id: string,
    action: UnitAction,
    by: string,
    atMs: number,
    stamp?: RequestStamp,
  ): Promise<QueueItem>;
  /** Schedules welfare check-ins at these offsets when the outcome reached a person (default 24 h, 72 h, 7 d). */
  closeFlag(
    id: string,
    operator: string,
    details: CloseDetails,
    atMs: number,
    followUpAfterMs?: readonly number[],
    stamp?: RequestStamp,
  ): Promise<QueueItem>;
  /** Takes a close back within CLOSE_UNDO_MS, by the operator who closed (appends 'close_undone'). */
  undoClose(id: string, operator: string, atMs: number, stamp?: RequestStamp): Promise<QueueItem>;
  /** Check-ins that have fallen due, now shown on their flags (queue items to push). */
  surfaceDueFollowUps(nowMs: number): Promise<QueueItem[]>;
  recordFollowUp(
    id: string,
    sequence: number,
    operator: string,
    details: FollowUpDetails,
    atMs: number,
    stamp?: RequestStamp,
  ): Promise<QueueItem>;
  status(): Promise<StoreStatus>;
  /** Cheap (status() counts every flag by state): the engine and its schema version. */
  engineInfo(): Promise<StoreEngineInfo>;
  listQuarantine(limit: number): Promise<QuarantinedRecord[]>;
  /** Cheap, for start-up (status() counts every flag by state). */
  countQuarantined(): Promise<number>;
  /** Flags stored before routing existed, while their routing is pending (start-up; see route-backfill.ts). */
  listUnroutedFlags(): Promise<{ id: string; location: RoutableLocation | null }[]>;
  /** The routes decided for listUnroutedFlags(); ends that pending backfill. */
  setFlagRoutes(routes: { id: string; route: Route }[]): Promise<void>;
  appendAlarmLog(entries: AlarmLogEntry[]): Promise<void>;
  arrivalStats(sinceMs: number, training: boolean): Promise<ArrivalStats>;
  alarmKpis(fromMs: number, toMs: number, training: boolean): Promise<AlarmKpis>;
  /** Breaches are timed against `targets` (the room's; shared/timers.ts's defaults when absent). */
  handoverSummary(
    shift: ShiftInstance,
    nowMs: number,
    training: boolean,
    targets?: TimerTargets,
  ): Promise<HandoverSummary>;
  /** The supervisors' report over live flags received in the range (shared/report.ts). */
  report(range: ReportRange, context: ReportContext): Promise<Report>;
  /** The live dispatches made in the range, one row each, for the per-unit figures (reports/unit-figures.ts). */
  unitDispatchRows(range: ReportRange): Promise<UnitDispatchRow[]>;
  /**
   * Background work that makes later reports fast, in small steps so it never holds the store for
   * long: up to maxSteps steps, resolving with how many it did (0: nothing is left to do). What a
   * step is belongs to the engine (SQLite keeps one settled day of report parts per step; an engine
   * that needs no such work resolves 0).
   */
  prepareReports(context: ReportContext, maxSteps: number): Promise<number>;
  getHandover(shiftId: string): Promise<HandoverRecord | null>;
  getRoster(shiftId: string): Promise<RosterEntry[]>;
  /**
   * Replaces the shift's roster in one transaction. A stamp records the setRoster channel's answer,
   * {"shiftId", "entries"} with the roster as read back after the change.
   */
  setRoster(shiftId: string, entries: RosterEntry[], stamp?: RequestStamp): Promise<void>;
  signHandover(
    summary: HandoverSummary,
    notes: string,
    by: string,
    atMs: number,
    stamp?: RequestStamp,
  ): Promise<HandoverRecord>;
  receiveHandover(shiftId: string, by: string, atMs: number, stamp?: RequestStamp): Promise<HandoverRecord>;
  /**
   * Retention: erases the personal fields of flags closed more than olderThanMs before nowMs (and
   * the raw text of quarantined records received before then), keeping the de-identified record.
   */
  purgePersonal(olderThanMs: number, nowMs: number, by: string): Promise<PurgeResult>;
  countAccounts(): Promise<number>;
  getAccount(name: string): Promise<AccountRecord | null>;
  /** Each account's lock as it stands at nowMs (a lock ends by itself after LOCKOUT.lockMs). */
  listAccounts(nowMs: number): Promise<AccountSummary[]>;
  createAccount(
    /** `units`: required for the `unit` role (ids checked by shared/units.ts), refused for any other. */
    account: { name: string; role: AccountRole; passwordHash: string; units?: readonly string[] },
    by: string,
    atMs: number,
    options?: { onlyIfFirst?: boolean },
  ): Promise<AccountSummary>;
  updateAccount(
    name: string,
    /** `units`: a unit account's new units; a change of role away from `unit` drops them. */
    change: {
      role?: AccountRole;
      lockedAtMs?: number | null;
      passwordHash?: string;
      units?: readonly string[] | null;
    },
    by: string,
    atMs: number,
  ): Promise<AccountSummary>;
  logSession(name: string, kind: SessionKind, desk: string, atMs: number): Promise<void>;
  /** Logs a failed logon or unlock and applies the lockout rule; true when the account is locked. */
  recordLogonFailure(
    name: string,
    desk: string,
    atMs: number,
    kind?: 'logon_failed' | 'unlock_failed',
  ): Promise<boolean>;
  /** An audited action that changes no table of its own (an export made on a desk). */
  recordAudit(entry: {
    atMs: number;
    actor: string;
    action: string;
    target: string | null;
    detail: object;
  }): Promise<void>;
  listUnitContacts(): Promise<UnitContact[]>;
  setUnitContact(unitKey: string, contact: string, by: string, atMs: number): Promise<UnitContact>;
  // The unit registry (migration 20), validated by the core before it gets here; audited by the engine.
  /** The latest saved version; null while none is (the shipped registry, version 0, is in force). */
  getUnitRegistry(): Promise<StoredRegistry | null>;
  /** Saves the next version and returns its number; refused (registry.stale) unless basedOn is the latest. */
  saveUnitRegistry(save: RegistrySave): Promise<number>;
  /** Every saved version, newest first. */
  listRegistryVersions(): Promise<RegistryVersionSummary[]>;
  // The room's enrolled devices (core/net). Hashes in hex: codes and credentials are never stored.
  /** Spends a one-time enrolment code and enrols its device under this credential hash. */
  redeemEnrolment(codeHash: string, credentialHash: string, atMs: number): Promise<RedeemResult>;
  findDeviceByCredential(credentialHash: string): Promise<DeviceSummary | null>;
  listDevices(): Promise<DeviceSummary[]>;
  // The room (core/room/*, store/sqlite/room-queries.ts): acting commands' first answers, room flag events.
  getRequestResult(requestId: string): Promise<RequestResult | null>;
  putRequestResult(entry: RequestResult): Promise<void>;
  purgeRequestResults(olderThanMs: number): Promise<number>;
  recordFlagEvent(id: string, atMs: number, kind: string, actor: string, detail: object): Promise<void>;
  readPersonalDetail(id: string): Promise<PersonalDetail>;
  // Resume tokens (core/accounts/resume-tokens.ts): by the token's hash; an upsert keeps one current.
  saveResumeToken(record: ResumeTokenRecord): Promise<void>;
  findResumeToken(tokenHash: string): Promise<ResumeTokenRecord | null>;
  deleteResumeToken(tokenHash: string): Promise<void>;
  /** Deletes tokens the core has not known alive since this time; returns how many. */
  pruneResumeTokens(seenBeforeMs: number): Promise<number>;
  // The room's holds, shared by every core on the store (shared/room/stored-holds.ts has the rules;
  // core/room/room-holds.ts the use). Each change is one transaction that wakes the other cores.
  listHolds(): Promise<StoredHold[]>;
  /** Opening a flag: its hold decided against the stored one (claimStoredHold) and written. */
  claimHold(
    id: string,
    who: HoldClaim,
    nowMs: number,
    graceMs: number,
  ): Promise<{ decision: HoldDecision; hold: StoredHold | null }>;
  /**
   * An explicit takeover (takeOverStoredHold); taken from another desk, the 'taken_over' flag event
   * is recorded in the same transaction. Null: not allowed (nothing changes).
   */
  takeOverHold(
    id: string,
    who: HoldClaim,
    nowMs: number,
    graceMs: number,
  ): Promise<{ previous: StoredHold | null; hold: StoredHold } | null>;
  /** Lets go of the flag's hold: only the owner's when `owner` is given, any when null (the flag closed). */
  releaseHold(id: string, owner: { core: string; connection: string } | null): Promise<boolean>;
  /** The desk went away: its holds (not already leaving) go back to the room at releaseAtMs; their flags. */
  leaveHolds(core: string, connection: string, releaseAtMs: number): Promise<string[]>;
  /** The core's desks are still there: their holds' seenMs is now (does not wake the other cores). */
  beatHolds(core: string, nowMs: number): Promise<void>;
  /** Removes the holds past their grace and records 'hold_released' on each flag; returns them. */
  expireHolds(nowMs: number, graceMs: number): Promise<StoredHold[]>;
  // The alarm's silence, one for the room whichever core's desk gave it (core/alarm/shared-silence.ts).
  getAlarmSilence(): Promise<AlarmSilence | null>;
  /**
   * Starts (next) or ends (null) the silence, appending its alarm-log entry in the same transaction.
   * Ending with `untilMs` ends only that silence (an expiry: the first core to see it logs it); false
   * when there was nothing to end (and nothing is logged).
   */
  setAlarmSilence(next: AlarmSilence | null, entry: AlarmLogEntry, untilMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The acting methods that take a RequestStamp, and the index of that argument (the one after their
 * last declared one), so the core can hand a command's stamp to the store call that carries it
 * (core/room/idempotency.ts) without every handler passing it along.
 */
export const STAMP_ARGUMENT = {
  revealFlag: 4,
  acknowledge: 3,
  dispatch: 4,
  confirmDispatch: 4,
  closeFlag: 5,
  undoClose: 3,
  recordFollowUp: 5,
  setRoster: 2,
  signHandover: 4,
  receiveHandover: 3,
  recordUnitAction: 4,
} as const;
export type StampedMethod = keyof typeof STAMP_ARGUMENT;

// An index that is not the stamp's argument of its method makes this a type error naming it.
type MisplacedStamp = {
  [K in StampedMethod]: RequestStamp extends Parameters<Store[K]>[(typeof STAMP_ARGUMENT)[K]] ? never : K;
}[StampedMethod];
const MISPLACED: [MisplacedStamp] extends [never] ? true : MisplacedStamp = true;
void MISPLACED;
