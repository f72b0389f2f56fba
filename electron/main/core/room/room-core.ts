// What makes several desks one room, inside the core: holds on the flags being worked, their
// takeover and release, and whether any desk is receiving flags. Built by console-core.ts, which
// owns the queue and the events; this owns the room's state and says what to tell the room.
import type { EventName, EventPayload, InvokeHandlers } from '../../../../shared/contract';
import type { QueueItem } from '../../../../shared/domain';
import { coded, ContractError } from '../../../../shared/errors';
import { noDeskReceiving, desksReceiving } from '../../../../shared/room/room-presence';
import type { SessionRegistry } from '../accounts/sessions';
import type { ClientStates } from '../presence/client-state';
import type { Store } from '../store/store';
import { RoomHolds, type Holder } from './room-holds';
import { HOLD_GUARDED_CHANNELS, mayAct } from '../../../../shared/room/holds';
import type { CallContext } from '../../../../shared/contract';

export interface RoomOptions {
  store: Store;
  now: () => number;
  log: (line: string) => void;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  sessions: SessionRegistry;
  clients: ClientStates;
  graceMs: number;
  /** The open flag by id (the core's queue). */
  openItem: (id: string) => QueueItem | undefined;
}

export type RoomHandlers = Pick<InvokeHandlers, 'holdFlag' | 'releaseFlag' | 'takeOverFlag'>;

export function createRoom(options: RoomOptions) {
  const { store, now, log, emit, sessions, clients, openItem } = options;
  const holds = new RoomHolds(options.graceMs);
  let lastReceivingAtMs = now();

  const withHold = (item: QueueItem): QueueItem => ({ ...item, heldBy: holds.heldBy(item.id) });
  const pushItems = (ids: string[]) => {
    const upserts = ids
      .map(openItem)
      .filter((i): i is QueueItem => i !== undefined)
      .map(withHold);
    if (upserts.length > 0) emit('queueChanged', { upserts });
  };

  function holder(connection: string): Holder {
    const user = sessions.get(connection)?.user;
    // The guard let only a logged-on user of a working role through.
    if (!user) throw new ContractError('forbidden', coded('session.none', {}));
    return { name: user.name, role: user.role, connection, desk: clients.label(connection) ?? 'desk' };
  }

  function openFlag(id: string): QueueItem {
    const item = openItem(id);
    if (!item) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
    return item;
  }

  const handlers: RoomHandlers = {
    holdFlag: async ({ id }, context) => {
      openFlag(id);
      const decision = holds.hold(id, holder(context.connection), now());
      if (decision.kind === 'refused')
        throw new ContractError('forbidden', coded('hold.role_forbidden', {}), 'id');
      if (decision.kind !== 'held_by_other') pushItems([id]);
      return { id, heldBy: holds.heldBy(id) };
    },
    releaseFlag: async ({ id }, context) => {
      if (holds.release(id, context.connection)) pushItems([id]);
      return { id, heldBy: holds.heldBy(id) };
    },
    takeOverFlag: async ({ id }, context) => {
      const item = openFlag(id);
      const who = holder(context.connection);
      const atMs = now();
      const taken = holds.takeOver(id, who, atMs);
      if (!taken) throw new ContractError('forbidden', coded('hold.takeover_forbidden', {}), 'id');
      const from = taken.previous;
      if (from && from.connection !== who.connection) {
        // In the flag's history, which the audit trail copies: who took it, from whom, at which desks.
        await store.recordFlagEvent(id, atMs, 'taken_over', who.name, {
          fromOperator: from.name,
          fromDesk: from.desk,
          toDesk: who.desk,
        });
        emit('roomNotice', {
          kind: 'taken_over',
          id,
          caseNo: item.caseNo,
          atMs,
          by: who.name,
          from: from.name,
        });
      }
      pushItems([id]);
      return { id, heldBy: holds.heldBy(id) };
    },
  };

  /**
   * A flag held at another desk is worked there: acting on it here needs an explicit takeover
   * first (the answer names who holds it). Inside the idempotency wrapper, so a retried command
   * still gets its first answer even if the flag was taken over since.
   */
  function enforceHolds(all: InvokeHandlers): InvokeHandlers {
    const guarded: Partial<Record<string, unknown>> = {};
    for (const channel of HOLD_GUARDED_CHANNELS) {
      const handler = all[channel] as (request: unknown, context: CallContext) => Promise<unknown>;
      guarded[channel] = async (request: { id: string }, context: CallContext) => {
        const hold = holds.get(request.id);
        const name = sessions.get(context.connection)?.user.name ?? '';
        if (!mayAct(hold, { name }, now()))
          throw new ContractError(
            'conflict',
            coded('hold.held_by_other', {
              // The case number the room quotes, and the desk's number: words, not ids, in any language.
              caseNo: openItem(request.id)?.caseNo ?? request.id,
              name: hold!.name,
              desk: hold!.desk.replace(/^desk /, ''),
            }),
            'id',
          );
        return handler(request, context);
      };
    }
    return { ...all, ...guarded } as InvokeHandlers;
  }

  return {
    handlers,
    enforceHolds,
    withHold,
    /** The flag left the open queue: its hold goes with it. */
    closed: (id: string) => holds.drop(id),
    /** The desk's connection ended or its operator logged off: its holds wait out the grace. */
    connectionGone(connection: string): void {
      pushItems(holds.connectionGone(connection, now()));
    },
    /** Every tick: holds past their grace go back to the room, and the room is told. */
    async tick(): Promise<void> {
      for (const { id, hold } of holds.takeExpired(now())) {
        const item = openItem(id);
        if (!item) continue;
        const atMs = now();
        emit('roomNotice', {
          kind: 'hold_released',
          id,
          caseNo: item.caseNo,
          atMs,
          by: null,
          from: hold.name,
        });
        pushItems([id]);
        await store
          .recordFlagEvent(id, atMs, 'hold_released', 'system', {
            fromOperator: hold.name,
            fromDesk: hold.desk,
          })
          .catch((error: unknown) => log(`hold release not recorded: ${(error as Error).name}`));
      }
    },
    /** Whether some logged-on desk is connected now, or was within the grace (a reload is no alarm). */
    deskReceiving(): boolean {
      const list = clients.list();
      const at = now();
      if (desksReceiving(list) > 0) lastReceivingAtMs = at;
      return !noDeskReceiving(list, lastReceivingAtMs, at);
    },
  };
}
