// The flag columns a handover summary reads, as both engines' SQL yields them, and what the shared
// rules take from them: one layout, so an engine cannot hand a rule a different milestone.
import type { FlagState, Risk } from '../../../../shared/domain';
import type { BreachCandidate } from '../../../../shared/handover';

export interface HandoverFlagRow {
  seq: number;
  id: string;
  risk: Risk;
  state: FlagState;
  status: string;
  district_key: string | null;
  received_at_ms: number;
  acknowledged_by: string | null;
  acknowledged_at_ms: number | null;
  dispatch_unit_key: string | null;
  dispatched_at_ms: number | null;
  confirmed_at_ms: number | null;
  closed_at_ms: number | null;
  handed_back_unit_key: string | null;
}

/** The columns of HandoverFlagRow, for both dialects' SELECT. */
export const HANDOVER_FLAG_COLUMNS = `seq, id, risk, state, status, district_key, received_at_ms, acknowledged_by, acknowledged_at_ms,
         dispatch_unit_key, dispatched_at_ms, confirmed_at_ms, closed_at_ms, handed_back_unit_key`;

export const breachCandidateOf = (r: HandoverFlagRow): BreachCandidate => ({
  id: r.id,
  seq: r.seq,
  risk: r.risk,
  receivedAtMs: r.received_at_ms,
  acknowledgedAtMs: r.acknowledged_at_ms,
  dispatchedAtMs: r.dispatched_at_ms,
  confirmedAtMs: r.confirmed_at_ms,
  closedAtMs: r.closed_at_ms,
});
