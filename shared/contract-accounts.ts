// The contract's account channels: logging on and off, the idle lock, and account management.
// Spread into invokeContract (contract.ts); CHANNEL_ACCESS (accounts.ts) says who may call each.
import { z } from 'zod';
import {
  ACCOUNT_ROLES,
  accountNameSchema,
  accountSummarySchema,
  passwordSchema,
  sessionUserSchema,
} from './accounts';
import { unitContactSchema } from './routing/police-units';
import { accountUnitsSchema } from './units';

/** The system-use notice must be acknowledged on the logon form itself, every time. */
const unitContactRecordSchema = z.object({
  unitKey: z.string(),
  contact: z.string(),
  changedBy: z.string(),
  changedAtMs: z.number(),
});

const bannerAccepted = z.literal(true, { error: 'bannerAccepted: accept the system-use notice first' });
const done = z.object({ done: z.literal(true) });

export const accountInvokeContract = {
  logon: {
    request: z.object({ name: accountNameSchema, password: z.string().max(200), bannerAccepted }).strict(),
    response: sessionUserSchema,
  },
  /** First run only: no account exists yet, so whoever installs the console creates the administrator. */
  createFirstAdministrator: {
    request: z.object({ name: accountNameSchema, password: passwordSchema, bannerAccepted }).strict(),
    response: sessionUserSchema,
  },
  logoff: { request: z.object({}).strict(), response: done },
  /** The desk went idle: main refuses this connection everything but unlock and logoff until unlocked. */
  lockDesk: { request: z.object({}).strict(), response: done },
  unlockDesk: { request: z.object({ password: z.string().max(200) }).strict(), response: sessionUserSchema },
  /**
   * The operator pressed a key, clicked or touched the desk (sent at most every few seconds): main's
   * idle lock counts from here. Reads the page makes by itself never count (ACTIVITY_CHANNELS).
   */
  reportActivity: { request: z.object({}).strict(), response: done },
  listAccounts: { request: z.object({}).strict(), response: z.array(accountSummarySchema) },
  addAccount: {
    request: z
      .object({
        name: accountNameSchema,
        role: z.enum(ACCOUNT_ROLES),
        password: passwordSchema,
        /** The unit role's police units (required for it, refused for any other role). */
        units: accountUnitsSchema.optional(),
      })
      .strict(),
    response: accountSummarySchema,
  },
  setAccountRole: {
    request: z
      .object({ name: accountNameSchema, role: z.enum(ACCOUNT_ROLES), units: accountUnitsSchema.optional() })
      .strict(),
    response: accountSummarySchema,
  },
  /** The police units' control-room numbers as entered on site (units without one are absent). */
  listUnitContacts: {
    request: z.object({}).strict(),
    response: z.array(unitContactRecordSchema),
  },
  /** An administrator enters or corrects a unit's control-room number. */
  setUnitContact: {
    request: z
      .object({
        unitKey: z.string().regex(/^[a-z0-9-]{2,48}$/, 'unitKey: a unit from the table'),
        contact: unitContactSchema,
      })
      .strict(),
    response: unitContactRecordSchema,
  },
  /** Lifts a lockout after failed logons (supervisor or administrator). */
  releaseAccount: { request: z.object({ name: accountNameSchema }).strict(), response: accountSummarySchema },
} as const;
