// Holds: the operator who opens a flag to work it holds it, and every screen says "held by NAME at
// DESK" so two operators do not phone the same district about the same student. The rules are here,
// pure; the store keeps the holds for every core (stored-holds.ts, core/room/room-holds.ts).
import { z } from 'zod';
import type { AccountRole } from '../accounts';

/** A held flag whose desk disconnected or logged off goes back to the room after this. */
export const DEFAULT_HOLD_GRACE_MS = 60_000;
export const HOLD_GRACE_LIMITS = { minMs: 5_000, maxMs: 15 * 60_000 } as const;

export const heldBySchema = z.object({
  name: z.string(),
  /** "desk 2": the desk's number in the room (shared/presence.ts), never an address. */
  desk: z.string(),
  sinceMs: z.number(),
  /** Set while the holder's desk is gone: the flag goes back to the room at this time. */
  releaseAtMs: z.number().nullable(),
});
export type HeldBy = z.infer<typeof heldBySchema>;

export interface Hold extends HeldBy {
  /** The connection of the holding desk (its logon session), never shown. */
  connection: string;
}

/** The roles that work flags (CHANNEL_ACCESS's acting channels) may hold one. */
const WORKING_ROLES: readonly AccountRole[] = ['operator', 'supervisor', 'administrator'];

export type HoldDecision =
  | { kind: 'hold' }
  | { kind: 'already_yours' }
  | { kind: 'held_by_other'; holder: HeldBy }
  | { kind: 'refused'; reason: 'role' };

/** What opening a flag does: hold it when free or when its hold has run out; never take it silently. */
export function decideHold(
  current: Hold | null,
  who: { name: string; role: AccountRole; connection: string },
  nowMs: number,
): HoldDecision {
  if (!WORKING_ROLES.includes(who.role)) return { kind: 'refused', reason: 'role' };
  if (current === null || holdExpired(current, nowMs)) return { kind: 'hold' };
  // The same operator back at a desk (a reload, a reconnect, another seat) while the hold waits
  // out its grace: still theirs, nobody else was told otherwise.
  if (current.name === who.name && (current.connection === who.connection || current.releaseAtMs !== null))
    return { kind: 'already_yours' };
  return { kind: 'held_by_other', holder: current };
}

/** Taking over is explicit and open to any operator or supervisor: the room works as one queue. */
export function mayTakeOver(current: Hold | null, who: { role: AccountRole }): boolean {
  return current !== null && WORKING_ROLES.includes(who.role);
}

export function holdExpired(hold: Hold, nowMs: number): boolean {
  return hold.releaseAtMs !== null && nowMs >= hold.releaseAtMs;
}

/** The grace a configuration asks for, within limits (a typo must not keep a flag away for hours). */
export function holdGraceMs(configured: number | undefined): number {
  if (configured === undefined || !Number.isFinite(configured)) return DEFAULT_HOLD_GRACE_MS;
  return Math.min(HOLD_GRACE_LIMITS.maxMs, Math.max(HOLD_GRACE_LIMITS.minMs, configured));
}

/** What the room sees of a hold (the connection key stays in the core). */
export function publicHold(hold: Hold): HeldBy {
  return { name: hold.name, desk: hold.desk, sinceMs: hold.sinceMs, releaseAtMs: hold.releaseAtMs };
}

/** The flag channels that act on one flag: refused at a desk that does not hold it while another does. */
export const HOLD_GUARDED_CHANNELS = [
  'acknowledge',
  'dispatch',
  'confirmDispatch',
  'closeFlag',
  'recordFollowUp',
  'revealFlag',
] as const;

/**
 * Whether `who` may act on a flag: nobody holds it, the hold has run out, or it is theirs (at any
 * desk: an operator back after a reconnect, retrying a command, is still the one working it).
 */
export function mayAct(current: Hold | null, who: { name: string }, nowMs: number): boolean {
  return current === null || holdExpired(current, nowMs) || current.name === who.name;
}
