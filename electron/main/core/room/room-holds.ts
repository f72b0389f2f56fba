// The holds of the room, kept in the store so every core sharing it (and a restarted core) sees the
// same ones; this core keeps a copy of them for its reads, updated by its own changes and by a
// reload on every refresh. The rules are pure in shared/room/holds.ts and stored-holds.ts.
import type { HeldBy, Hold, HoldDecision } from '../../../../shared/room/holds';
import {
  holdBeatMs,
  liveHeldBy,
  liveHold,
  storedHoldExpired,
  type StoredHold,
} from '../../../../shared/room/stored-holds';
import type { AccountRole } from '../../../../shared/accounts';
import type { Store } from '../store/store';

export interface Holder {
  name: string;
  role: AccountRole;
  connection: string;
  desk: string;
}

/** What a reload found other cores did: flags whose hold changed, takeovers, holds back with the room. */
export interface HoldsReloaded {
  changed: string[];
  takenOver: StoredHold[];
  returned: StoredHold[];
}

export class RoomHolds {
  private holds = new Map<string, StoredHold>();
  /** Bumped by each change made here: a reload read while one was under way is read again. */
  private writes = 0;
  private lastBeatMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    /** This core's instance id: the owner of its desks' holds. */
    readonly core: string,
    private readonly graceMs: number,
  ) {}

  /** The hold as it stands (the connection key included), for the rules of shared/room/holds.ts. */
  get(id: string, nowMs: number): Hold | null {
    const stored = this.holds.get(id);
    return stored ? liveHold(stored, nowMs, this.graceMs) : null;
  }

  /** The flags held, as this core knows. */
  ids(): string[] {
    return [...this.holds.keys()];
  }

  heldBy(id: string, nowMs: number): HeldBy | null {
    const stored = this.holds.get(id);
    return stored ? liveHeldBy(stored, nowMs, this.graceMs) : null;
  }

  private claim(who: Holder) {
    return { name: who.name, role: who.role, desk: who.desk, core: this.core, connection: who.connection };
  }

  private keep(id: string, hold: StoredHold | null): void {
    if (hold) this.holds.set(id, hold);
    else this.holds.delete(id);
  }

  /** Opening a flag: held by `who` unless another desk holds it (then nothing changes). */
  async hold(id: string, who: Holder, nowMs: number): Promise<HoldDecision> {
    this.writes++;
    const { decision, hold } = await this.store.claimHold(id, this.claim(who), nowMs, this.graceMs);
    this.keep(id, hold);
    return decision;
  }

  /** The holder let go; false when the connection did not hold it (nothing changes). */
  async release(id: string, connection: string): Promise<boolean> {
    const held = this.holds.get(id);
    if (!held || held.core !== this.core || held.connection !== connection) return false;
    this.writes++;
    const released = await this.store.releaseHold(id, { core: this.core, connection });
    if (released) this.holds.delete(id);
    return released;
  }

  /** An explicit takeover: the hold it replaced (null if the flag was free); null if not allowed. */
  async takeOver(id: string, who: Holder, nowMs: number): Promise<{ previous: Hold | null } | null> {
    this.writes++;
    const taken = await this.store.takeOverHold(id, this.claim(who), nowMs, this.graceMs);
    if (!taken) return null;
    this.keep(id, taken.hold);
    return { previous: taken.previous ? liveHold(taken.previous, nowMs, this.graceMs) : null };
  }

  /** The desk went away or logged off: its holds run out after the grace. Returns the flags. */
  async connectionGone(connection: string, nowMs: number): Promise<string[]> {
    const mine = [...this.holds.values()].some((h) => h.core === this.core && h.connection === connection);
    if (!mine) return [];
    this.writes++;
    const releaseAtMs = nowMs + this.graceMs;
    const ids = await this.store.leaveHolds(this.core, connection, releaseAtMs);
    for (const id of ids) {
      const hold = this.holds.get(id);
      if (hold) this.holds.set(id, { ...hold, releaseAtMs });
    }
    return ids;
  }

  /** While its desks are connected, this core says so, often enough that no other core counts it gone. */
  async beat(nowMs: number): Promise<void> {
    if (nowMs - this.lastBeatMs < holdBeatMs(this.graceMs)) return;
    const mine = [...this.holds.values()].filter((h) => h.core === this.core && h.releaseAtMs === null);
    this.lastBeatMs = nowMs;
    if (mine.length === 0) return;
    await this.store.beatHolds(this.core, nowMs);
    for (const h of mine)
      if (this.holds.get(h.flagId) === h) this.holds.set(h.flagId, { ...h, seenMs: nowMs });
  }

  /** Holds whose grace has run out, removed by this core (another may have been first): back with the room. */
  async takeExpired(nowMs: number): Promise<{ id: string; hold: Hold }[]> {
    const due = [...this.holds.values()].filter((h) => storedHoldExpired(h, nowMs, this.graceMs));
    if (due.length === 0) return [];
    this.writes++;
    const gone = await this.store.expireHolds(nowMs, this.graceMs);
    for (const h of due) this.holds.delete(h.flagId);
    return gone.map((h) => ({ id: h.flagId, hold: liveHold(h, nowMs, this.graceMs) }));
  }

  /** The flag is no longer open (closed or withdrawn): nobody holds it any more. */
  async drop(id: string): Promise<void> {
    if (!this.holds.delete(id)) return;
    this.writes++;
    await this.store.releaseHold(id, null);
  }

  /**
   * The holds as the store has them now (every core's changes); what changed since this core last
   * knew, so it can tell its desks. A read overtaken by a change made here is read again.
   */
  async reload(nowMs: number): Promise<HoldsReloaded> {
    for (let attempt = 0; ; attempt++) {
      const writes = this.writes;
      const rows = await this.store.listHolds();
      if (writes !== this.writes && attempt < 3) continue;
      return this.replace(rows, nowMs);
    }
  }

  private replace(rows: StoredHold[], nowMs: number): HoldsReloaded {
    const next = new Map(rows.map((h) => [h.flagId, h]));
    const result: HoldsReloaded = { changed: [], takenOver: [], returned: [] };
    for (const id of new Set([...this.holds.keys(), ...next.keys()])) {
      const before = this.holds.get(id);
      const after = next.get(id);
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      result.changed.push(id);
      const newHolder = after && (!before || before.sinceMs !== after.sinceMs || before.name !== after.name);
      if (after && newHolder && after.takenFrom !== null) result.takenOver.push(after);
      // Gone while it was waiting out its grace: it went back to the room (a release by its desk is
      // made while the desk is there, and a closed flag is not told about).
      if (before && !after && liveHold(before, nowMs, this.graceMs).releaseAtMs !== null)
        result.returned.push(before);
    }
    this.holds = next;
    return result;
  }
}
