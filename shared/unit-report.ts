// Per-unit figures for the superintendent and each district control room: from dispatch to the
// unit's receipt, to contact and to its outcome, against targets, and hand-backs, per police unit.
// Live flags only; each dispatch counts once (a flag handed back and sent on counts at both units).
import { z } from 'zod';
import { reportRequestSchema } from './report';
import { DEFAULT_TARGETS } from './timers';

/**
 * From dispatch: receipt within the unconfirmed-dispatch target (the re-alarm), contact with the
 * student within the hour, an outcome within four hours. Working figures, to be set with the police.
 */
export const UNIT_TARGETS = {
  receiptMs: DEFAULT_TARGETS.confirmMs,
  contactMs: 60 * 60_000,
  outcomeMs: 4 * 60 * 60_000,
} as const;

const count = z.int().min(0);
const unitStageSchema = z.object({
  /** Done (the samples of the median and p90). */
  count,
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  /** Not done yet (and not handed back). */
  running: count,
  /** Done or running at or past the target. */
  breached: count,
  targetMs: z.number(),
});
export type UnitStageStats = z.infer<typeof unitStageSchema>;

export const unitFiguresSchema = z.object({
  unitKey: z.string(),
  dispatches: count,
  /** Receipts at a unit desk, and confirmations typed in after a telephone call. */
  viaConsole: count,
  viaTelephone: count,
  handBacks: count,
  receipt: unitStageSchema,
  contact: unitStageSchema,
  outcome: unitStageSchema,
});
export type UnitFigures = z.infer<typeof unitFiguresSchema>;

export const unitReportSchema = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  generatedAtMs: z.number(),
  /** Slowest median receipt first; units with no dispatch in the range are absent. */
  units: z.array(unitFiguresSchema),
});
export type UnitReport = z.infer<typeof unitReportSchema>;

export const unitReportRequestSchema = reportRequestSchema;
