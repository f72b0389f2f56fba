// The holds of the room, in the core's memory: one per flag being worked. The rules are pure in
// shared/room/holds.ts; this keeps the map and says what changed. Not kept in the store: after a
// restart of the core every flag is back with the room, and the desks hold again what they open.
import {
  decideHold,
  holdExpired,
  mayTakeOver,
  publicHold,
  type HeldBy,
  type Hold,
  type HoldDecision,
} from '../../../../shared/room/holds';
import type { AccountRole } from '../../../../shared/accounts';

export interface Holder {
  name: string;
  role: AccountRole;
  connection: string;
  desk: string;
}

export class RoomHolds {
  private readonly holds = new Map<string, Hold>();

  constructor(private readonly graceMs: number) {}

  /** The hold as it stands (the connection included), for the rules of shared/room/holds.ts. */
  get(id: string): Hold | null {
    return this.holds.get(id) ?? null;
  }

  heldBy(id: string): HeldBy | null {
    const hold = this.holds.get(id);
    return hold ? publicHold(hold) : null;
  }

  /** Opening a flag: held by `who` unless another desk holds it (then nothing changes). */
  hold(id: string, who: Holder, nowMs: number): HoldDecision {
    const decision = decideHold(this.holds.get(id) ?? null, who, nowMs);
    if (decision.kind === 'hold') this.set(id, who, nowMs);
    // Back at a desk within the grace: the hold follows the operator to this connection.
    if (decision.kind === 'already_yours') {
      const current = this.holds.get(id)!;
      this.holds.set(id, { ...current, connection: who.connection, desk: who.desk, releaseAtMs: null });
    }
    return decision;
  }

  /** The holder let go; false when the connection did not hold it (nothing changes). */
  release(id: string, connection: string): boolean {
    const hold = this.holds.get(id);
    if (!hold || hold.connection !== connection) return false;
    this.holds.delete(id);
    return true;
  }

  /** An explicit takeover: returns the hold it replaced (null if the flag was free). */
  takeOver(id: string, who: Holder, nowMs: number): { previous: Hold | null } | null {
    const previous = this.holds.get(id) ?? null;
    if (previous !== null && !mayTakeOver(previous, who)) return null;
    if (previous === null && decideHold(null, who, nowMs).kind !== 'hold') return null;
    this.set(id, who, nowMs);
    return { previous };
  }

  /** The desk went away or logged off: its holds run out after the grace. Returns the flags. */
  connectionGone(connection: string, nowMs: number): string[] {
    const ids: string[] = [];
    for (const [id, hold] of this.holds) {
      if (hold.connection !== connection || hold.releaseAtMs !== null) continue;
      this.holds.set(id, { ...hold, releaseAtMs: nowMs + this.graceMs });
      ids.push(id);
    }
    return ids;
  }

  /** Holds whose grace has run out, removed: these flags are back with the room. */
  takeExpired(nowMs: number): { id: string; hold: Hold }[] {
    const gone: { id: string; hold: Hold }[] = [];
    for (const [id, hold] of this.holds) {
      if (!holdExpired(hold, nowMs)) continue;
      this.holds.delete(id);
      gone.push({ id, hold });
    }
    return gone;
  }

  /** The flag is no longer open (closed or withdrawn): nobody holds it any more. */
  drop(id: string): void {
    this.holds.delete(id);
  }

  private set(id: string, who: Holder, nowMs: number): void {
    this.holds.set(id, {
      name: who.name,
      desk: who.desk,
      connection: who.connection,
      sinceMs: nowMs,
      releaseAtMs: null,
    });
  }
}
