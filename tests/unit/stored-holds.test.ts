// The rules of a stored hold (shared/room/stored-holds.ts): a desk that left and a core gone silent
// both give the flag back after the grace; the same operator at another core takes it up again; a
// takeover says from whom only when it took the flag from another desk.
import { describe, expect, it } from 'vitest';
import {
  claimStoredHold,
  holdBeatMs,
  liveHold,
  ownerSilentAfterMs,
  storedHoldExpired,
  takeOverStoredHold,
  type HoldClaim,
  type StoredHold,
} from '../../shared/room/stored-holds';
import { HOLD_GRACE_LIMITS } from '../../shared/room/holds';

const GRACE = 60_000;
const asha: HoldClaim = { name: 'Op Asha', role: 'operator', desk: 'desk 1', core: 'a', connection: 'ws-1' };
const ravi: HoldClaim = { name: 'Op Ravi', role: 'operator', desk: 'desk 1', core: 'b', connection: 'ws-1' };
const stored = (over: Partial<StoredHold> = {}): StoredHold => ({
  flagId: 'fl',
  name: asha.name,
  desk: 'desk 1',
  core: 'a',
  connection: 'ws-1',
  sinceMs: 0,
  seenMs: 0,
  releaseAtMs: null,
  takenFrom: null,
  ...over,
});

describe('stored holds', () => {
  it('a core that stops beating is taken to be gone: its holds wait out the grace from its last word', () => {
    // Beats come often enough that a core is never silent for a whole grace, whatever the grace.
    for (const grace of [HOLD_GRACE_LIMITS.minMs, GRACE, HOLD_GRACE_LIMITS.maxMs])
      expect(ownerSilentAfterMs(grace)).toBeLessThan(grace);
    expect(holdBeatMs(GRACE)).toBe(5_000);
    const h = stored({ seenMs: 10_000 });
    expect(liveHold(h, 10_000 + ownerSilentAfterMs(GRACE), GRACE).releaseAtMs).toBeNull();
    expect(liveHold(h, 10_001 + ownerSilentAfterMs(GRACE), GRACE).releaseAtMs).toBe(10_000 + GRACE);
    expect(storedHoldExpired(h, 10_000 + GRACE - 1, GRACE)).toBe(false);
    expect(storedHoldExpired(h, 10_000 + GRACE, GRACE)).toBe(true);
    // A desk that left: the time its core set, whatever its beats.
    expect(liveHold(stored({ seenMs: 50_000, releaseAtMs: 40_000 }), 20_000, GRACE).releaseAtMs).toBe(40_000);
  });

  it('the same connection name at another core is another desk; the same operator there takes it up again', () => {
    expect(claimStoredHold('fl', stored(), ravi, 1_000, GRACE).decision.kind).toBe('held_by_other');
    expect(claimStoredHold('fl', stored(), { ...asha, core: 'b' }, 1_000, GRACE)).toMatchObject({
      decision: { kind: 'held_by_other' },
      write: null,
    });
    const back = claimStoredHold('fl', stored({ releaseAtMs: 30_000 }), { ...asha, core: 'b' }, 2_000, GRACE);
    expect(back).toMatchObject({ decision: { kind: 'already_yours' } });
    expect(back.write).toMatchObject({ core: 'b', seenMs: 2_000, releaseAtMs: null, sinceMs: 0 });
  });

  it('a takeover names whom it took the flag from, and only when that was another desk', () => {
    const taken = takeOverStoredHold('fl', stored(), ravi, 5_000, GRACE)!;
    expect(taken.write).toMatchObject({ name: ravi.name, core: 'b', takenFrom: asha.name, sinceMs: 5_000 });
    expect(taken.event).toEqual({ fromOperator: asha.name, fromDesk: 'desk 1', toDesk: 'desk 1' });
    const own = takeOverStoredHold('fl', stored(), asha, 5_000, GRACE)!;
    expect(own.event).toBeNull();
    expect(own.write.takenFrom).toBeNull();
    expect(takeOverStoredHold('fl', stored(), { ...ravi, role: 'auditor' }, 5_000, GRACE)).toBeNull();
  });
});
