// The contract's channels of a district control room's desk (the `unit` role): acknowledge receipt
// of a dispatched flag, record what the unit did, hand a flag back. Spread into invokeContract
// (contract.ts); CHANNEL_ACCESS (accounts.ts) gives them to the unit role only, and the core checks
// that the flag was dispatched to one of the session's units (core/units/unit-scope.ts).
import { z } from 'zod';
import { withRequestId } from './room/request-id';
import { handBackReasonSchema, unitStepSchema } from './unit-actions';
import { unitReportRequestSchema, unitReportSchema } from './unit-report';

const flagId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id: a flag id');

/** The queue item is defined in contract.ts, which spreads this in: the answer is given there. */
export function unitInvokeContract<T extends z.ZodType>(queueItem: T) {
  return {
    /** The unit has the case: its confirmation, by the logged-on unit operator, at once on every desk. */
    acknowledgeReceipt: {
      request: withRequestId(z.object({ id: flagId }).strict()),
      response: queueItem,
    },
    /** Officers sent, contact made, the outcome: each a step the command centre sees live. */
    recordUnitStep: {
      request: withRequestId(z.object({ id: flagId, step: unitStepSchema }).strict()),
      response: queueItem,
    },
    /** Not this unit's case: back to the command centre's supervisor, with the reason, to route again. */
    handBack: {
      request: withRequestId(z.object({ id: flagId, reason: handBackReasonSchema }).strict()),
      response: queueItem,
    },
    /** Per-unit times and hand-backs: every unit for the command centre's overseers, its own for a unit. */
    getUnitReport: { request: unitReportRequestSchema, response: unitReportSchema },
  } as const;
}
