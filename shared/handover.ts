// The shift-handover summary: what the outgoing shift hands over, computed from the store, signed
// by the outgoing supervisor, acknowledged by the incoming one, then kept unchangeable. It holds
// case numbers, never a subject's personal details.
import { z } from 'zod';
import { FLAG_STATES, RISKS } from './domain';
import { coded, type CodedMessage } from './errors';
import { caseNoOf } from './case-number';
import { flagTimers, TIMER_STAGES, type FlagMilestones, type TimerTargets } from './timers';
import { rosterSchema } from './shifts/schedule';

const byRisk = z.object({ imminent: z.int(), high: z.int(), elevated: z.int() });

/**
 * A handover lists the breaches a supervisor can act on, not thousands: a room that fell that far
 * behind needs the count and the worst cases (the reports have the rest).
 */
export const BREACH_LIST_MAX = 100;

export const handoverSummarySchema = z.object({
  shiftId: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  generatedAtMs: z.number(),
  training: z.boolean(),
  received: z.object({
    total: z.int(),
    byRisk,
    byDistrict: z.array(z.object({ districtKey: z.string().nullable(), count: z.int() })),
  }),
  acknowledged: z.int(),
  dispatched: z.int(),
  closed: z.object({ total: z.int(), byOutcome: z.record(z.string(), z.int()) }),
  withdrawn: z.int(),
  carriedOver: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string(),
      risk: z.enum(RISKS),
      state: z.enum(FLAG_STATES),
      withdrawn: z.boolean(),
      districtKey: z.string().nullable(),
      receivedAtMs: z.number(),
      acknowledgedBy: z.string().nullable(),
      /** The unit it was dispatched to; absent in summaries signed before dispatch existed. */
      unitKey: z.string().nullable().default(null),
      nextAction: z.enum(['acknowledge', 'dispatch', 'confirm', 'close']),
      /** The unit that handed it back, for the supervisor to route again (absent otherwise). */
      handedBackBy: z.string().optional(),
    }),
  ),
  /** The most overdue breaches first, at most BREACH_LIST_MAX; breachesTotal counts them all. */
  breaches: z.array(
    z.object({
      caseNo: z.string(),
      risk: z.enum(RISKS),
      stage: z.enum(TIMER_STAGES),
      elapsedMs: z.number(),
      targetMs: z.number(),
    }),
  ),
  /** All breaches, listed or not (absent in summaries signed before the list was capped). */
  breachesTotal: z.int().min(0).optional(),
  feedOutages: z.array(z.object({ startMs: z.number(), endMs: z.number().nullable(), state: z.string() })),
  silences: z.array(
    z.object({ atMs: z.number(), by: z.string().nullable(), reason: z.string(), minutes: z.number() }),
  ),
  quarantined: z.int(),
  roster: rosterSchema,
  /**
   * The audit trail's last entry when the summary was signed (absent before signing, and in
   * summaries signed before anchors existed). Printed on the handover and kept by the incoming
   * supervisor, it is a copy of the chain's head outside the database: `lifeline verify --anchor`
   * proves the trail still passes through it (core/audit/audit-anchors.ts).
   */
  auditAnchor: z
    .object({ seq: z.int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex') })
    .optional(),
});
export type HandoverSummary = z.infer<typeof handoverSummarySchema>;

export const handoverRecordSchema = z.object({
  shiftId: z.string(),
  summary: handoverSummarySchema,
  notes: z.string(),
  signedBy: z.string(),
  signedAtMs: z.number(),
  receivedBy: z.string().nullable(),
  receivedAtMs: z.number().nullable(),
  /** SHA-256 of the summary and notes as signed: shows the record was not changed after signing. */
  sha256: z.string(),
});
export type HandoverRecord = z.infer<typeof handoverRecordSchema>;

export const handoverNotes = z.string().trim().max(4000, 'notes: at most 4,000 characters');

/**
 * Why this supervisor cannot receive this handover, or null when they can. Taking over is a second
 * person's check of what the first signed: the signer can never receive his own handover.
 */
export function receiveRefusal(
  record: Pick<HandoverRecord, 'shiftId' | 'signedBy' | 'receivedBy'>,
  by: string,
): CodedMessage | null {
  if (record.receivedBy)
    return coded('handover.already_received', { shiftId: record.shiftId, by: record.receivedBy });
  if (record.signedBy === by) return coded('handover.same_supervisor', {});
  return null;
}

/** A flag as the breach ranking reads it: which flag, its case (the store's seq) and its milestones. */
export interface BreachCandidate extends FlagMilestones {
  id: string;
  seq: number;
}

/**
 * The handover's breaches, for every engine: each stage of each flag past its target at asOfMs is
 * counted once per flag (a flag may be both received in the shift and still open), and only the
 * BREACH_LIST_MAX most overdue (elapsed / target) are listed, worst first, in a bounded list (a room
 * far behind has tens of thousands: creating and sorting them all was most of the time). `targets`
 * is required, undefined meaning the defaults, so that no engine can leave the room's targets out.
 */
export function rankBreaches(
  candidates: Iterable<BreachCandidate>,
  asOfMs: number,
  targets: TimerTargets | undefined,
): Pick<HandoverSummary, 'breaches'> & { breachesTotal: number } {
  const unique = new Map<string, BreachCandidate>();
  for (const c of candidates) unique.set(c.id, c);
  const breaches: HandoverSummary['breaches'] = [];
  const ratioOf = (b: { elapsedMs: number; targetMs: number }) => b.elapsedMs / b.targetMs;
  let breachesTotal = 0;
  for (const c of unique.values()) {
    for (const timer of flagTimers(c, asOfMs, targets)) {
      if (!timer.breached || timer.elapsedMs === null) continue;
      breachesTotal++;
      const ratio = timer.elapsedMs / timer.targetMs;
      if (breaches.length === BREACH_LIST_MAX && ratio <= ratioOf(breaches[BREACH_LIST_MAX - 1]!)) continue;
      const entry = {
        caseNo: caseNoOf(c.seq),
        risk: c.risk,
        stage: timer.stage,
        elapsedMs: timer.elapsedMs,
        targetMs: timer.targetMs,
      };
      let at = breaches.length;
      while (at > 0 && ratioOf(breaches[at - 1]!) < ratio) at--;
      breaches.splice(at, 0, entry);
      if (breaches.length > BREACH_LIST_MAX) breaches.pop();
    }
  }
  return { breaches, breachesTotal };
}
