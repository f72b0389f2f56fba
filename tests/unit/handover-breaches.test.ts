// The handover's breach ranking (shared/handover.ts rankBreaches), the one both engines call.
import { describe, expect, it } from 'vitest';
import { BREACH_LIST_MAX, rankBreaches, type BreachCandidate } from '../../shared/handover';
import { DEFAULT_TARGETS, type TimerTargets } from '../../shared/timers';

const MIN = 60_000;
const flag = (seq: number, over: Partial<BreachCandidate> = {}): BreachCandidate => ({
  id: `fl_${seq}`,
  seq,
  risk: 'elevated',
  receivedAtMs: 0,
  acknowledgedAtMs: null,
  ...over,
});
const slim = (b: { caseNo: string; stage: string; elapsedMs: number; targetMs: number }) =>
  `${b.caseNo} ${b.stage} ${b.elapsedMs / MIN}/${b.targetMs / MIN}`;

describe('rankBreaches', () => {
  it('times every stage against the targets it is given, worst ratio first', () => {
    const targets: TimerTargets = {
      ...DEFAULT_TARGETS,
      acknowledgeMs: { imminent: 20 * MIN, high: 20 * MIN, elevated: 2 * MIN },
      dispatchMs: { imminent: 60 * MIN, high: 60 * MIN, elevated: 60 * MIN },
    };
    const flags = [
      flag(1, { risk: 'imminent' }),
      flag(2),
      flag(3, { risk: 'high', receivedAtMs: -20 * MIN }),
    ];
    const ranked = rankBreaches(flags, 10 * MIN, targets);
    expect(ranked.breaches.map(slim)).toEqual(['LC-000002 acknowledge 10/2', 'LC-000003 acknowledge 30/20']);
    expect(ranked.breachesTotal).toBe(2);
    // The same flags against the defaults: the imminent one is the worst, and more stages are late.
    const byDefault = rankBreaches(flags, 10 * MIN, undefined);
    expect(byDefault.breaches.map(slim)).toEqual([
      'LC-000003 acknowledge 30/2',
      'LC-000001 acknowledge 10/1',
      'LC-000003 dispatch 30/10',
      'LC-000001 dispatch 10/5', // a tie keeps the flags' order
      'LC-000002 acknowledge 10/5',
    ]);
    expect(byDefault.breachesTotal).toBe(5);
  });

  it('counts a flag once when it is both received in the shift and still open, its last row winning', () => {
    const inShift = flag(1, { acknowledgedAtMs: null });
    const open = flag(1, { acknowledgedAtMs: 1 * MIN });
    const ranked = rankBreaches([inShift, open], 10 * MIN, undefined);
    expect(ranked.breachesTotal).toBe(0);
    expect(rankBreaches([open, inShift], 10 * MIN, undefined).breachesTotal).toBe(1);
  });

  it(`lists at most ${BREACH_LIST_MAX}, the most overdue, and counts them all`, () => {
    const flags = Array.from({ length: BREACH_LIST_MAX + 20 }, (_, i) =>
      flag(i + 1, { receivedAtMs: -i * MIN }),
    );
    const ranked = rankBreaches(flags, 6 * MIN, undefined);
    // Every flag's acknowledgement is late (6 min and more against 5); dispatch from 30 min on.
    expect(ranked.breachesTotal).toBe(BREACH_LIST_MAX + 20 + (BREACH_LIST_MAX + 20 - 24));
    expect(ranked.breaches).toHaveLength(BREACH_LIST_MAX);
    const ratios = ranked.breaches.map((b) => b.elapsedMs / b.targetMs);
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
    expect(ranked.breaches[0]).toMatchObject({
      caseNo: `LC-000${BREACH_LIST_MAX + 20}`,
      stage: 'acknowledge',
    });
  });
});
