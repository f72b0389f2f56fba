// Shapes the handover summary into the rows the document prints. The summary is computed and
// frozen by main; nothing here changes a figure, it only orders and derives display values.
import { RISKS, type Risk } from '../../../shared/domain';
import type { HandoverSummary } from '../../../shared/handover';
import { OUTCOMES, type Outcome } from '../../../shared/dispatch';

export function riskRows(summary: HandoverSummary): { risk: Risk; count: number }[] {
  return RISKS.map((risk) => ({ risk, count: summary.received.byRisk[risk] }));
}

/** Outcomes by count, largest first, then by name, so the printed order is stable. */
/**
 * The words for an outcome code as the handover prints it: the desk's own name of the outcome, "not
 * recorded", or, for a code this version does not know (an older or newer store), "other" with the
 * code — never the bare code alone.
 */
export function outcomeLabel(code: string): { key: string; values?: Record<string, string> } {
  if ((OUTCOMES as readonly string[]).includes(code)) return { key: `dispatch.outcomes.${code as Outcome}` };
  if (code === 'unspecified') return { key: 'handover.doc.outcomes.unspecified' };
  return { key: 'handover.doc.outcomes.other', values: { code } };
}

export function outcomeRows(summary: HandoverSummary): { outcome: string; count: number }[] {
  return Object.entries(summary.closed.byOutcome)
    .map(([outcome, count]) => ({ outcome, count }))
    .sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
}

export type CarriedRow = HandoverSummary['carriedOver'][number] & { ageMs: number };

/** Each open flag with its age when the summary was generated (not when it is printed). */
export function carriedRows(summary: HandoverSummary): CarriedRow[] {
  return summary.carriedOver.map((row) => ({ ...row, ageMs: summary.generatedAtMs - row.receivedAtMs }));
}

/** The first characters of a hash: enough to quote to the platform, short enough for a table. */
export const shortHash = (sha256: string, length = 12) => sha256.slice(0, length);

/** The contract's limit on the outgoing supervisor's notes (shared/handover.ts). */
export const HANDOVER_NOTES_MAX = 4000;

/** A long list printed in two side-by-side tables: the first half (rounded up) on the left. */
export function halves<T>(rows: readonly T[]): [T[], T[]] {
  const left = Math.ceil(rows.length / 2);
  return [rows.slice(0, left), rows.slice(left)];
}
