// Who in the room is receiving flags, from the connections' states (shared/presence.ts). Pure.
import type { ClientState } from '../presence';

/** A desk that is connected and has somebody logged on: flags reach a person there. */
export function desksReceiving(clients: readonly Pick<ClientState, 'role' | 'loggedOn'>[]): number {
  return clients.filter((c) => c.role === 'desk' && c.loggedOn === true).length;
}

/**
 * Flags are open and no desk is receiving them. A desk reloading its page is gone for a second; the
 * room is told only if none is back within NO_DESK_GRACE_MS, so a reload does not sound the walls.
 */
export const NO_DESK_GRACE_MS = 10_000;

export function noDeskReceiving(
  clients: readonly Pick<ClientState, 'role' | 'loggedOn'>[],
  lastReceivingAtMs: number,
  nowMs: number,
  graceMs = NO_DESK_GRACE_MS,
): boolean {
  return desksReceiving(clients) === 0 && nowMs - lastReceivingAtMs >= graceMs;
}
