// Accounts and roles of the room (law-enforcement workstation rules, CJIS-style): who may log on,
// what each role may do, the lockout and the idle lock. Main enforces; the views only reflect it.
import { z } from 'zod';
import { personNameSchema } from './person-name';

/**
 * `unit`: a district control room's operator, bound to one police unit or a few (shared/units.ts):
 * sees and works only the flags dispatched to its units (enforced in the core, core/units/).
 */
export const ACCOUNT_ROLES = ['operator', 'supervisor', 'auditor', 'administrator', 'unit'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const accountNameSchema = personNameSchema('name');

export const passwordSchema = z
  .string()
  .min(10, 'password: at least 10 characters')
  .max(200, 'password: at most 200 characters');

/**
 * The lockout, CJIS AC-7 style: five failed logons or desk unlocks within fifteen minutes lock the
 * account for fifteen minutes (CJIS asks for at least ten), after which it opens by itself. A lock
 * that only a supervisor could lift let anyone who can reach a logon screen shut the room's
 * supervisors and administrator out for good; a lock that ends still costs a guesser fifteen
 * minutes for every five guesses. A supervisor may lift it sooner, and on the console machine
 * whoever holds the database key may (break-glass, audited).
 */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

/** When a lock set at lockedAtMs ends by itself (null: not locked). */
export function lockEndsAtMs(lockedAtMs: number | null): number | null {
  return lockedAtMs === null ? null : lockedAtMs + LOCKOUT.lockMs;
}

/** Whether an account locked at lockedAtMs is still locked at nowMs. */
export function isLockedOut(lockedAtMs: number | null, nowMs: number): boolean {
  const ends = lockEndsAtMs(lockedAtMs);
  return ends !== null && nowMs < ends;
}

/** A lock that is set but has run its time: the next look at the account clears it. */
export function lockHasExpired(lockedAtMs: number | null, nowMs: number): boolean {
  return lockedAtMs !== null && !isLockedOut(lockedAtMs, nowMs);
}

/** Whether this many failures within LOCKOUT.windowMs (the latest included) lock the account. */
export function failuresLock(failuresInWindow: number): boolean {
  return failuresInWindow >= LOCKOUT.failures;
}

/**
 * The one answer to every failed logon, whether the name exists, is locked, or was just locked: a
 * different answer for real names would tell a guesser which names to try.
 */
export const LOGON_REFUSED = `Name or password not recognised. After ${LOCKOUT.failures} failures an account is locked for ${
  LOCKOUT.lockMs / 60_000
} minutes.`;

/** A wrong password at a locked desk (the user is known: nothing to hide about the name). */
/** The lockout's numbers as the refusals' error parameters (shared/error-codes.ts). */
export const LOCKOUT_PARAMS = { failures: LOCKOUT.failures, minutes: LOCKOUT.lockMs / 60_000 };
export const UNLOCK_REFUSED = 'Password not recognised; or log off.';
/** The unlock failure that locked the account: the session has ended. */
export const UNLOCK_ENDED = `Password not recognised ${LOCKOUT.failures} times: you are logged off, and the account is locked for ${
  LOCKOUT.lockMs / 60_000
} minutes.`;

/** The desk locks after this long without input (configurable up to the maximum). */
export const IDLE_LOCK = { defaultMs: 15 * 60_000, maxMs: 30 * 60_000, minMs: 60_000 } as const;

/**
 * How the page keeps in step with main's idle lock: it reports real input at most every
 * reportEveryMs (the last input of a burst included, so main never counts idle from earlier than
 * the page does), and re-reads the session every rereadEveryMs to show a lock main has applied.
 */
export const IDLE_MIRROR = { reportEveryMs: 15_000, rereadEveryMs: 15_000 } as const;

/** Whether a session last active at lastActivityMs has idled past idleMs by nowMs. */
export function idleLockDue(lastActivityMs: number, nowMs: number, idleMs: number): boolean {
  return nowMs - lastActivityMs >= idleMs;
}

/**
 * What counts as an operator at the desk, for the idle lock main enforces: the page's report of a
 * key, click or touch (reportActivity), and every channel that acts or changes something. Reads do
 * not count, because the page sends many of them by itself (queue and health refreshes, the alarm,
 * the session, reports re-read on a timer): were they activity, an unattended desk would never lock.
 * A read an operator asked for by clicking is covered by the click's own reportActivity. A channel
 * missing from this list fails safe: the desk locks on time while it is used.
 */
export const ACTIVITY_CHANNELS = [
  'reportActivity',
  'revealFlag',
  'acknowledge',
  'dispatch',
  'confirmDispatch',
  'closeFlag',
  'recordFollowUp',
  'silenceAlarm',
  'cancelSilence',
  'recordAlarmTest',
  'confirmAlarmHeard',
  'recordReportExport',
  'setRoster',
  'signHandover',
  'receiveHandover',
  'saveHandoverPdf',
  'addAccount',
  'setAccountRole',
  'releaseAccount',
  'setUnitContact',
  'saveUnitRegistry',
  'holdFlag',
  'takeOverFlag',
  'acknowledgeReceipt',
  'recordUnitStep',
  'handBack',
] as const satisfies readonly (keyof typeof CHANNEL_ACCESS)[];

export interface SessionUser {
  name: string;
  role: AccountRole;
  /** The `unit` role's police units; absent for every other role. */
  units?: string[];
}

export const sessionUserSchema = z.object({
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  units: z.array(z.string()).optional(),
});

export const accountSummarySchema = z.object({
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  locked: z.boolean(),
  /** The `unit` role's police units; absent for every other role. */
  units: z.array(z.string()).optional(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

const ANYONE: readonly AccountRole[] = ACCOUNT_ROLES;
/** The command centre's own people: the room's queue, handover, roster and figures are theirs. */
const ROOM: readonly AccountRole[] = ['operator', 'supervisor', 'auditor', 'administrator'];
const WORKS_FLAGS: readonly AccountRole[] = ['operator', 'supervisor', 'administrator'];
/** A district control room's desk on the flags dispatched to its units (core/units/unit-scope.ts). */
const WORKS_OR_UNIT: readonly AccountRole[] = [...WORKS_FLAGS, 'unit'];
const UNIT: readonly AccountRole[] = ['unit'];
const SUPERVISES: readonly AccountRole[] = ['supervisor', 'administrator'];

/**
 * What each channel needs: 'public' (the wall's reads, logging on) or the account roles allowed.
 * An auditor reads and reports, never acts on a flag; only supervisors sign a handover or edit the
 * roster; only an administrator manages accounts.
 */
export const CHANNEL_ACCESS = {
  getSession: 'public',
  listQueue: 'public',
  getFeedHealth: 'public',
  getAlarm: 'public',
  logon: 'public',
  // Said by every page, logged on or not: a desk at the logon screen must still be heard.
  reportClientState: 'public',
  getClientStates: 'public',
  createFirstAdministrator: 'public',
  logoff: ANYONE,
  lockDesk: ANYONE,
  unlockDesk: ANYONE,
  reportActivity: ANYONE,
  getFlagDetail: ANYONE,
  revealFlag: WORKS_OR_UNIT,
  holdFlag: WORKS_FLAGS,
  releaseFlag: WORKS_FLAGS,
  takeOverFlag: WORKS_FLAGS,
  acknowledge: WORKS_FLAGS,
  dispatch: WORKS_FLAGS,
  confirmDispatch: WORKS_FLAGS,
  closeFlag: WORKS_FLAGS,
  undoClose: WORKS_FLAGS,
  recordFollowUp: WORKS_OR_UNIT,
  acknowledgeReceipt: UNIT,
  recordUnitStep: UNIT,
  handBack: UNIT,
  getUnitReport: ['supervisor', 'auditor', 'administrator', 'unit'],
  silenceAlarm: WORKS_FLAGS,
  cancelSilence: WORKS_FLAGS,
  recordAlarmTest: WORKS_OR_UNIT,
  confirmAlarmHeard: WORKS_OR_UNIT,
  getAlarmKpis: ROOM,
  // Per-operator figures and silence reasons: for those who oversee the room, not the desks.
  getReport: ['supervisor', 'auditor', 'administrator'],
  recordReportExport: ['supervisor', 'auditor', 'administrator'],
  listQuarantine: ROOM,
  getHandover: ROOM,
  getRoster: ROOM,
  setRoster: SUPERVISES,
  signHandover: SUPERVISES,
  receiveHandover: SUPERVISES,
  saveHandoverPdf: ROOM,
  listAccounts: SUPERVISES,
  addAccount: ['administrator'],
  setAccountRole: ['administrator'],
  releaseAccount: SUPERVISES,
  listUnitContacts: ROOM,
  setUnitContact: ['administrator'],
  getUnitRegistry: ANYONE,
  // The registry decides where every flag goes: police headquarters' word, entered by the administrator.
  saveUnitRegistry: ['administrator'],
  listRegistryVersions: ['administrator', 'supervisor', 'auditor'],
} as const satisfies Record<string, 'public' | readonly AccountRole[]>;
