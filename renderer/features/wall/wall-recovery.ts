// The wall has nobody at it to press reload. It reloads itself (the hash keeps its place) when
// its link to main has been gone too long or the page's memory has grown past a sane size, and
// says STALE, loudly, as soon as what it shows is older than a few seconds.

/** Link to main lost for longer than this: reload. */
export const WALL_RELOAD_AFTER_LINK_LOST_MS = 30_000;
/** JS heap above this (Chromium's performance.memory): reload before the page falls over. */
export const WALL_RELOAD_HEAP_BYTES = 400 * 1024 * 1024;
/** Nothing from main for longer than this: the wall says STALE. */
export const WALL_STALE_AFTER_MS = 10_000;
/** How often the wall asks main for the feed health, so a quiet but healthy link is never stale. */
export const WALL_HEARTBEAT_MS = 4_000;
/** How often the wall checks whether it should reload. */
export const WALL_RECOVERY_CHECK_MS = 5_000;

export type ReloadReason = 'link_lost' | 'memory';

export interface WallVitals {
  nowMs: number;
  /** Since when the link has been down, or null while connected. */
  disconnectedSinceMs: number | null;
  /** performance.memory.usedJSHeapSize where the browser has it, else null. */
  heapUsedBytes: number | null;
}

export function reloadReason({ nowMs, disconnectedSinceMs, heapUsedBytes }: WallVitals): ReloadReason | null {
  if (disconnectedSinceMs !== null && nowMs - disconnectedSinceMs > WALL_RELOAD_AFTER_LINK_LOST_MS)
    return 'link_lost';
  if (heapUsedBytes !== null && heapUsedBytes > WALL_RELOAD_HEAP_BYTES) return 'memory';
  return null;
}

/** How old the wall's data is: since main was last heard, or since the page started if never. */
export function dataAgeMs(nowMs: number, lastMessageAtMs: number | null, pageStartMs: number): number {
  return Math.max(0, nowMs - (lastMessageAtMs ?? pageStartMs));
}

/**
 * The data age the wall shows. While the link is down (`disconnectedSinceMs` set) nothing newer than
 * the link's loss can have been heard from the core, whatever else marked the page as heard: the age
 * runs from the earlier of the two. Never heard at all while down (a revoked page that reloaded):
 * not known (null), never "0 s".
 */
export function shownDataAgeMs(
  nowMs: number,
  lastMessageAtMs: number | null,
  pageStartMs: number,
  disconnectedSinceMs: number | null,
): number | null {
  if (disconnectedSinceMs === null) return dataAgeMs(nowMs, lastMessageAtMs, pageStartMs);
  if (lastMessageAtMs === null) return null;
  return Math.max(0, nowMs - Math.min(lastMessageAtMs, disconnectedSinceMs));
}

export const isStale = (ageMs: number): boolean => ageMs > WALL_STALE_AFTER_MS;
