// Per-flag timers, in one place for every view and report: time to acknowledge, to dispatch, to the
// unit's confirmation and to close, each against its target. The acknowledgement target is also
// when an unacknowledged flag's alarm escalates.
import type { Risk } from './domain';

export const TIMER_STAGES = ['acknowledge', 'dispatch', 'confirm', 'close'] as const;
export type TimerStage = (typeof TIMER_STAGES)[number];

export interface TimerTargets {
  acknowledgeMs: Record<Risk, number>;
  dispatchMs: Record<Risk, number>;
  /** From dispatch to the receiving unit's confirmation. */
  confirmMs: number;
  closeMs: Record<Risk, number>;
}

const MIN = 60_000;
export const DEFAULT_TARGETS: TimerTargets = {
  acknowledgeMs: { imminent: 1 * MIN, high: 2 * MIN, elevated: 5 * MIN },
  dispatchMs: { imminent: 5 * MIN, high: 10 * MIN, elevated: 30 * MIN },
  confirmMs: 15 * MIN,
  closeMs: { imminent: 4 * 60 * MIN, high: 8 * 60 * MIN, elevated: 24 * 60 * MIN },
};

/** When each step happened; null while it has not. */
export interface FlagMilestones {
  risk: Risk;
  receivedAtMs: number;
  acknowledgedAtMs: number | null;
  dispatchedAtMs?: number | null;
  confirmedAtMs?: number | null;
  closedAtMs?: number | null;
}

export interface FlagTimer {
  stage: TimerStage;
  /** Null while the stage cannot start yet (confirmation before any dispatch). */
  startMs: number | null;
  doneAtMs: number | null;
  elapsedMs: number | null;
  targetMs: number;
  breached: boolean;
}

/** A stage's target for a flag of this risk (confirmation has one target for every risk). */
export function stageTarget(stage: TimerStage, risk: Risk, targets: TimerTargets = DEFAULT_TARGETS): number {
  return stage === 'confirm' ? targets.confirmMs : targets[`${stage}Ms`][risk];
}

export function flagTimers(
  m: FlagMilestones,
  nowMs: number,
  targets: TimerTargets = DEFAULT_TARGETS,
): FlagTimer[] {
  const timer = (
    stage: TimerStage,
    startMs: number | null,
    doneAtMs: number | null,
    targetMs: number,
  ): FlagTimer => {
    const elapsedMs = startMs === null ? null : (doneAtMs ?? nowMs) - startMs;
    return {
      stage,
      startMs,
      doneAtMs,
      elapsedMs,
      targetMs,
      // At the target is already late: the alarm escalates at that moment too.
      breached: elapsedMs !== null && elapsedMs >= targetMs,
    };
  };
  return [
    timer('acknowledge', m.receivedAtMs, m.acknowledgedAtMs, stageTarget('acknowledge', m.risk, targets)),
    timer('dispatch', m.receivedAtMs, m.dispatchedAtMs ?? null, stageTarget('dispatch', m.risk, targets)),
    timer(
      'confirm',
      m.dispatchedAtMs ?? null,
      m.confirmedAtMs ?? null,
      stageTarget('confirm', m.risk, targets),
    ),
    timer('close', m.receivedAtMs, m.closedAtMs ?? null, stageTarget('close', m.risk, targets)),
  ];
}
