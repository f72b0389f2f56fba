// Accounts and roles of the room (law-enforcement workstation rules, CJIS-style): who may log on,
// what each role may do, the lockout and the idle lock. Main enforces; the views only reflect it.
import { z } from 'zod';

export const ACCOUNT_ROLES = ['operator', 'supervisor', 'auditor', 'administrator'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const accountNameSchema = z
  .string()
  .trim()
  .min(2, 'name: at least 2 characters')
  .max(64, 'name: at most 64 characters')
  .regex(/^[\p{L}\p{M}\p{N} .'-]+$/u, "name: letters, digits, spaces, . ' - only");

export const passwordSchema = z
  .string()
  .min(10, 'password: at least 10 characters')
  .max(200, 'password: at most 200 characters');

/** Five failed logons within fifteen minutes lock the account until a supervisor releases it. */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000 } as const;

/** The desk locks after this long without input (configurable up to the maximum). */
export const IDLE_LOCK = { defaultMs: 15 * 60_000, maxMs: 30 * 60_000, minMs: 60_000 } as const;

export interface SessionUser {
  name: string;
  role: AccountRole;
}

export const sessionUserSchema = z.object({ name: z.string(), role: z.enum(ACCOUNT_ROLES) });

export const accountSummarySchema = z.object({
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  locked: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

const ANYONE: readonly AccountRole[] = ACCOUNT_ROLES;
const WORKS_FLAGS: readonly AccountRole[] = ['operator', 'supervisor', 'administrator'];
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
  createFirstAdministrator: 'public',
  logoff: ANYONE,
  lockDesk: ANYONE,
  unlockDesk: ANYONE,
  getFlagDetail: ANYONE,
  revealFlag: WORKS_FLAGS,
  acknowledge: WORKS_FLAGS,
  dispatch: WORKS_FLAGS,
  confirmDispatch: WORKS_FLAGS,
  closeFlag: WORKS_FLAGS,
  undoClose: WORKS_FLAGS,
  recordFollowUp: WORKS_FLAGS,
  silenceAlarm: WORKS_FLAGS,
  cancelSilence: WORKS_FLAGS,
  recordAlarmTest: WORKS_FLAGS,
  getAlarmKpis: ANYONE,
  // Per-operator figures and silence reasons: for those who oversee the room, not the desks.
  getReport: ['supervisor', 'auditor', 'administrator'],
  recordReportExport: ['supervisor', 'auditor', 'administrator'],
  listQuarantine: ANYONE,
  getHandover: ANYONE,
  getRoster: ANYONE,
  setRoster: SUPERVISES,
  signHandover: SUPERVISES,
  receiveHandover: SUPERVISES,
  saveHandoverPdf: ANYONE,
  listAccounts: SUPERVISES,
  addAccount: ['administrator'],
  setAccountRole: ['administrator'],
  releaseAccount: SUPERVISES,
  listUnitContacts: ANYONE,
  setUnitContact: ['administrator'],
} as const satisfies Record<string, 'public' | readonly AccountRole[]>;
