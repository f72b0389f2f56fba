// Holds as the store keeps them, shared by every core on one database: the rules of holds.ts applied
// to a stored row, pure. A hold names the core that owns the holding desk's connection; that core
// refreshes `seenMs` while the desk is connected, so any core can tell a desk that went away (its
// core set releaseAtMs) from a core that went away (seenMs stopped moving): either way the flag goes
// back to the room after the grace.
import type { AccountRole } from '../accounts';
import { decideHold, mayTakeOver, type HeldBy, type Hold, type HoldDecision } from './holds';

export interface StoredHold {
  flagId: string;
  name: string;
  /** The desk's label at its core ("desk 2"). */
  desk: string;
  /** The core (its instance id) that owns the holding desk's connection, and that connection there. */
  core: string;
  connection: string;
  sinceMs: number;
  /** Refreshed by the owning core while the desk is connected (holdBeatMs). */
  seenMs: number;
  /** Set by the owning core when the desk went away or logged off: back to the room at this time. */
  releaseAtMs: number | null;
  /** Whom it was taken over from, so every core tells its own desks (null: opened, not taken). */
  takenFrom: string | null;
}

export interface HoldClaim {
  name: string;
  role: AccountRole;
  desk: string;
  core: string;
  connection: string;
}

/** How often the owning core says its desks still hold their flags: 5 times a grace, 1–5 s. */
export function holdBeatMs(graceMs: number): number {
  return Math.min(5_000, Math.max(1_000, Math.floor(graceMs / 5)));
}

/** A core silent this long is taken to be gone: its holds wait out the grace from its last word. */
export function ownerSilentAfterMs(graceMs: number): number {
  return 3 * holdBeatMs(graceMs);
}

/** One key for a connection across cores (connection names repeat from core to core). */
export function ownerKey(core: string, connection: string): string {
  return `${core}/${connection}`;
}

/** The hold as holds.ts's rules see it: when it goes back to the room, if it does. */
export function liveHold(stored: StoredHold, nowMs: number, graceMs: number): Hold {
  const silent = nowMs - stored.seenMs > ownerSilentAfterMs(graceMs);
  return {
    name: stored.name,
    desk: stored.desk,
    sinceMs: stored.sinceMs,
    connection: ownerKey(stored.core, stored.connection),
    releaseAtMs: stored.releaseAtMs ?? (silent ? stored.seenMs + graceMs : null),
  };
}

export function liveHeldBy(stored: StoredHold, nowMs: number, graceMs: number): HeldBy {
  const { name, desk, sinceMs, releaseAtMs } = liveHold(stored, nowMs, graceMs);
  return { name, desk, sinceMs, releaseAtMs };
}

export function storedHoldExpired(stored: StoredHold, nowMs: number, graceMs: number): boolean {
  const { releaseAtMs } = liveHold(stored, nowMs, graceMs);
  return releaseAtMs !== null && nowMs >= releaseAtMs;
}

function fresh(flagId: string, who: HoldClaim, nowMs: number, takenFrom: string | null): StoredHold {
  return {
    flagId,
    name: who.name,
    desk: who.desk,
    core: who.core,
    connection: who.connection,
    sinceMs: nowMs,
    seenMs: nowMs,
    releaseAtMs: null,
    takenFrom,
  };
}

/**
 * Opening a flag against its stored hold: the decision of holds.ts, and the row to write (null:
 * nothing changes). The same operator back within the grace takes the hold to this connection.
 */
export function claimStoredHold(
  flagId: string,
  current: StoredHold | null,
  who: HoldClaim,
  nowMs: number,
  graceMs: number,
): { decision: HoldDecision; write: StoredHold | null } {
  const live = current ? liveHold(current, nowMs, graceMs) : null;
  const decision = decideHold(live, { ...who, connection: ownerKey(who.core, who.connection) }, nowMs);
  if (decision.kind === 'hold') return { decision, write: fresh(flagId, who, nowMs, null) };
  if (decision.kind === 'already_yours' && current) {
    const moved = { ...current, desk: who.desk, core: who.core, connection: who.connection };
    return { decision, write: { ...moved, seenMs: nowMs, releaseAtMs: null } };
  }
  return { decision, write: null };
}

/**
 * An explicit takeover: the row to write, and the flag event to record when the flag was taken from
 * another desk (null when it was free or this desk's own). Null: not allowed.
 */
export function takeOverStoredHold(
  flagId: string,
  current: StoredHold | null,
  who: HoldClaim,
  nowMs: number,
  graceMs: number,
): {
  previous: Hold | null;
  write: StoredHold;
  event: { fromOperator: string; fromDesk: string; toDesk: string } | null;
} | null {
  const previous = current ? liveHold(current, nowMs, graceMs) : null;
  if (previous !== null && !mayTakeOver(previous, who)) return null;
  if (previous === null && decideHold(null, who, nowMs).kind !== 'hold') return null;
  const fromOther = previous !== null && previous.connection !== ownerKey(who.core, who.connection);
  return {
    previous,
    write: fresh(flagId, who, nowMs, fromOther ? previous.name : null),
    event: fromOther ? { fromOperator: previous.name, fromDesk: previous.desk, toDesk: who.desk } : null,
  };
}
