import { describe, expect, it } from 'vitest';
import {
  WALL_RELOAD_AFTER_LINK_LOST_MS,
  WALL_RELOAD_HEAP_BYTES,
  WALL_STALE_AFTER_MS,
  dataAgeMs,
  isStale,
  reloadReason,
  shownDataAgeMs,
} from './wall-recovery';

const healthy = { nowMs: 100_000, disconnectedSinceMs: null, heapUsedBytes: 50 * 1024 * 1024 };

describe('wall self-recovery', () => {
  it('does nothing while connected and small', () => {
    expect(reloadReason(healthy)).toBeNull();
    expect(reloadReason({ ...healthy, heapUsedBytes: null })).toBeNull();
  });

  it('reloads only after the link has been lost for more than 30 s', () => {
    const lost = (ms: number) => reloadReason({ ...healthy, disconnectedSinceMs: healthy.nowMs - ms });
    expect(WALL_RELOAD_AFTER_LINK_LOST_MS).toBe(30_000);
    expect(lost(5_000)).toBeNull();
    expect(lost(30_000)).toBeNull();
    expect(lost(30_001)).toBe('link_lost');
  });

  it('reloads when the heap passes 400 MB', () => {
    expect(WALL_RELOAD_HEAP_BYTES).toBe(400 * 1024 * 1024);
    expect(reloadReason({ ...healthy, heapUsedBytes: WALL_RELOAD_HEAP_BYTES })).toBeNull();
    expect(reloadReason({ ...healthy, heapUsedBytes: WALL_RELOAD_HEAP_BYTES + 1 })).toBe('memory');
  });

  it('ages the data from the last message, or from page start when nothing came yet', () => {
    expect(dataAgeMs(20_000, 15_000, 0)).toBe(5_000);
    expect(dataAgeMs(20_000, null, 8_000)).toBe(12_000);
    expect(dataAgeMs(20_000, 21_000, 0)).toBe(0);
  });

  it('while the link is down, ages the data from the loss at the latest, and never heard is not known', () => {
    // Connected: as above.
    expect(shownDataAgeMs(20_000, 15_000, 0, null)).toBe(5_000);
    // Down since 12 s: a later "heard" cannot make the data newer than the link's loss.
    expect(shownDataAgeMs(20_000, 19_500, 0, 12_000)).toBe(8_000);
    expect(shownDataAgeMs(20_000, 10_000, 0, 12_000)).toBe(10_000);
    // A revoked page that reloaded heard nothing: not known, not "0 s" from the page's start.
    expect(shownDataAgeMs(20_000, null, 19_999, 19_999)).toBeNull();
  });

  it('is stale after more than 10 s', () => {
    expect(WALL_STALE_AFTER_MS).toBe(10_000);
    expect(isStale(10_000)).toBe(false);
    expect(isStale(10_001)).toBe(true);
  });
});
