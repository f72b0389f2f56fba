import type { Risk } from '../../../../shared/domain';
import { HOUR_MS } from '../../../../shared/time/ist';
import { DEFAULT_TARGETS } from '../../../../shared/timers';

export interface AlarmConfig {
  /** Unacknowledged this long, a flag's alarm escalates (louder, faster, marked on the wall). */
  escalateAfterMs: Record<Risk, number>;
  /** Dispatched and not confirmed by the unit this long, a flag alarms again. */
  reAlarmUnconfirmedAfterMs: number;
  flood: { windowMs: number; enterAbove: number; exitBelow: number };
  /** "Too quiet" = no new flag for factor × the usual gap at this hour of the week, within [minMs, maxMs]. */
  tooQuiet: {
    defaultMs: number;
    minMs: number;
    maxMs: number;
    factor: number;
    historyMs: number;
    minHistoryMs: number;
  };
}

export const DEFAULT_ALARM_CONFIG: AlarmConfig = {
  // Escalation comes when the time-to-acknowledge target is breached (shared/timers.ts).
  escalateAfterMs: DEFAULT_TARGETS.acknowledgeMs,
  // …and an unconfirmed dispatch when the confirmation target is (default 15 minutes).
  reAlarmUnconfirmedAfterMs: DEFAULT_TARGETS.confirmMs,
  flood: { windowMs: 600_000, enterAbove: 10, exitBelow: 5 },
  tooQuiet: {
    defaultMs: 4 * HOUR_MS,
    minMs: 30 * 60_000,
    maxMs: 12 * HOUR_MS,
    factor: 3,
    historyMs: 8 * 7 * 24 * HOUR_MS,
    minHistoryMs: 7 * 24 * HOUR_MS,
  },
};
