// The feed-health state: what the room sees about the feed itself. Pure, over an injected clock.
import type { FeedHealth, FeedState } from '../../../../shared/domain';
import { FEED_LOST_STATES } from '../../../../shared/feed-loss';

export type FailureKind =
  | 'unauthorised'
  | 'bad_signature'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'timeout'
  | 'network'
  | 'too_large'
  | 'bad_page';

const ALARM_STATES: ReadonlySet<FeedState> = new Set(FEED_LOST_STATES);
/** Consecutive failures after which the feed counts as down, not merely degraded. */
export const DOWN_AFTER_FAILURES = 3;

export class FeedHealthTracker {
  private lastGoodPollAtMs: number | null = null;
  private lastAttemptAtMs: number | null = null;
  private consecutiveFailures = 0;
  private lastError: { kind: FailureKind; message: string } | null = null;
  private quarantinedTotal = 0;

  constructor(
    private readonly source: FeedHealth['source'],
    private readonly pollIntervalMs: number,
    private startedAtMs: number,
    /** This core's name: the tracker is the polling core's own view of the feed. */
    private readonly coreName = 'core',
  ) {}

  /** "Silent" counts from when polling starts, not from when the tracker was made (slow start-up). */
  markStarted(nowMs: number): void {
    this.startedAtMs = nowMs;
  }

  recordSuccess(nowMs: number, quarantined = 0): void {
    this.lastGoodPollAtMs = nowMs;
    this.lastAttemptAtMs = nowMs;
    this.consecutiveFailures = 0;
    this.lastError = null;
    this.quarantinedTotal += quarantined;
  }

  recordFailure(nowMs: number, kind: FailureKind, message: string): void {
    this.lastAttemptAtMs = nowMs;
    this.consecutiveFailures++;
    this.lastError = { kind, message };
  }

  setQuarantinedTotal(total: number): void {
    this.quarantinedTotal = total;
  }

  get failures(): number {
    return this.consecutiveFailures;
  }

  evaluate(nowMs: number): FeedHealth {
    const state = this.stateAt(nowMs);
    return {
      state,
      alarm: ALARM_STATES.has(state),
      source: this.source,
      pollIntervalMs: this.pollIntervalMs,
      lastGoodPollAtMs: this.lastGoodPollAtMs,
      lastAttemptAtMs: this.lastAttemptAtMs,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      quarantinedTotal: this.quarantinedTotal,
      pollingCore: this.coreName,
      thisCore: this.coreName,
      sharedStore: false,
    };
  }

  private stateAt(nowMs: number): FeedState {
    if (this.consecutiveFailures > 0 && this.lastError?.kind === 'unauthorised') return 'unauthorised';
    if (this.consecutiveFailures > 0 && this.lastError?.kind === 'bad_signature') return 'bad_signature';
    // A feed that keeps refusing or failing is DOWN however long it lasts: the room must read
    // "down" (someone should call the platform), not "silent" (maybe a quiet night).
    if (this.consecutiveFailures >= DOWN_AFTER_FAILURES) return 'down';
    // No successful poll for 2 × the poll interval without failing answers (a hanging feed, or
    // too few attempts yet): FEED SILENT.
    if (nowMs - (this.lastGoodPollAtMs ?? this.startedAtMs) > 2 * this.pollIntervalMs) return 'silent';
    if (this.consecutiveFailures > 0) return 'degraded';
    return this.lastGoodPollAtMs === null ? 'starting' : 'ok';
  }
}
