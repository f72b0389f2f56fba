// Domain values for tests on both sides (pure: imported by renderer slice tests too).
import type { FeedHealth, QueueItem } from '../../shared/domain';

export function queueItem(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    caseNo: `LC-${id}`,
    revision: 1,
    risk: 'high',
    status: 'active',
    state: 'new',
    districtKey: 'kota',
    platform: 'instagram',
    category: 'suicide',
    flaggedAt: '2026-11-25T10:00:00+05:30',
    flaggedAtMs: 1000,
    training: true,
    acknowledgedBy: null,
    acknowledgedAtMs: null,
    receivedAtMs: 1000,
    riskRaisePending: false,
    route: {
      outcome: 'unit',
      unitKey: 'kota-city',
      districtKey: 'kota',
      basis: 'city',
      confidence: 'high',
      candidates: [],
    },
    dispatch: null,
    followUp: null,
    ...overrides,
  };
}

export function feedHealth(overrides: Partial<FeedHealth> = {}): FeedHealth {
  return {
    state: 'ok',
    alarm: false,
    source: 'simulator',
    pollIntervalMs: 2000,
    lastGoodPollAtMs: 1,
    lastAttemptAtMs: 1,
    consecutiveFailures: 0,
    lastError: null,
    quarantinedTotal: 0,
    pollingCore: 'core-test',
    thisCore: 'core-test',
    sharedStore: false,
    ...overrides,
  };
}
