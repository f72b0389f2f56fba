// The flag columns and alarm log entries a handover summary reads, as both engines' SQL yields them,
// and what the summary makes of them: one layout and one mapping, so the engines cannot drift apart.
import { caseNoOf } from '../../../../shared/case-number';
import type { FlagState, Risk } from '../../../../shared/domain';
import type { BreachCandidate, HandoverSummary } from '../../../../shared/handover';
import { nextStep } from '../../../../shared/next-step';

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

/** An open flag as the incoming shift takes it over. */
export const carriedOverOf = (r: HandoverFlagRow): HandoverSummary['carriedOver'][number] => ({
  id: r.id,
  caseNo: caseNoOf(r.seq),
  risk: r.risk,
  state: r.state,
  withdrawn: r.status === 'withdrawn',
  districtKey: r.district_key,
  receivedAtMs: r.received_at_ms,
  acknowledgedBy: r.acknowledged_by,
  unitKey: r.dispatch_unit_key,
  // A dispatch still awaiting the unit's receipt is nextAction 'confirm'; a hand-back waits for the supervisor.
  nextAction: nextStep(r.state, r.confirmed_at_ms),
  ...(r.handed_back_unit_key ? { handedBackBy: r.handed_back_unit_key } : {}),
});

/** A feed alarm's start or end, or a silence, from the day before the shift to its end, in log order. */
export interface HandoverLogEntry {
  at_ms: number;
  kind: string;
  actor: string | null;
  /** The entry's detail (a feed alarm's state, a silence's reason and minutes). */
  detail: () => Record<string, unknown>;
}

/** The feed outages that reached into the shift, and the silences in it. */
export function outagesAndSilences(
  log: readonly HandoverLogEntry[],
  shiftStartMs: number,
): Pick<HandoverSummary, 'feedOutages' | 'silences'> {
  const feedOutages: HandoverSummary['feedOutages'] = [];
  for (const e of log) {
    if (e.kind === 'feed_alarm_start')
      feedOutages.push({ startMs: e.at_ms, endMs: null, state: String(e.detail().feedState ?? '') });
    else if (e.kind === 'feed_alarm_end' && feedOutages.at(-1)?.endMs === null)
      feedOutages.at(-1)!.endMs = e.at_ms;
  }
  const silences = log
    .filter((e) => e.kind === 'silence' && e.at_ms >= shiftStartMs)
    .map((e) => {
      const detail = e.detail() as { reason?: string; minutes?: number };
      return { atMs: e.at_ms, by: e.actor, reason: detail.reason ?? '', minutes: detail.minutes ?? 0 };
    });
  return { feedOutages: feedOutages.filter((o) => (o.endMs ?? Infinity) >= shiftStartMs), silences };
}
