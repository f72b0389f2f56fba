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
import { ownerKey } from '../../../../shared/room/stored-holds';
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
  /** This core's instance id: its desks' holds are stored under it (several cores share a store). */
  coreId: string;
}

export type RoomHandlers = Pick<InvokeHandlers, 'holdFlag' | 'releaseFlag' | 'takeOverFlag'>;

export function createRoom(options: RoomOptions) {
  const { store, now, log, emit, sessions, clients, openItem } = options;
  const holds = new RoomHolds(store, options.coreId, options.graceMs);
  let lastReceivingAtMs = now();
  /** What the desks were last told of each flag's hold, so a change seen later (a reload, a clock) is pushed. */
  const told = new Map<string, string>();

  const withHold = (item: QueueItem): QueueItem => ({ ...item, heldBy: holds.heldBy(item.id, now()) });
  const pushItems = (ids: string[]) => {
    const upserts = ids
      .map(openItem)
      .filter((i): i is QueueItem => i !== undefined)
      .map(withHold);
    for (const item of upserts) told.set(item.id, JSON.stringify(item.heldBy));
    if (upserts.length > 0) emit('queueChanged', { upserts });
  };
  /** Pushes the open flags whose hold reads differently now than the desks were told. */
  const pushHoldChanges = (ids: Iterable<string>) =>
    pushItems(
      [...new Set(ids)].filter(
        (id) => openItem(id) && (told.get(id) ?? 'null') !== JSON.stringify(holds.heldBy(id, now())),
      ),
    );
  const notice = (
    kind: 'taken_over' | 'hold_released',
    id: string,
    atMs: number,
    by: string | null,
    from: string,
  ) => {
    const item = openItem(id);
    if (item) emit('roomNotice', { kind, id, caseNo: item.caseNo, atMs, by, from });
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

  /** The holds as the store has them (other cores' changes, or after a restart); the desks told. */
  async function reload(): Promise<void> {
    const found = await holds.reload(now());
    for (const h of found.takenOver) notice('taken_over', h.flagId, h.sinceMs, h.name, h.takenFrom!);
    for (const h of found.returned) notice('hold_released', h.flagId, now(), null, h.name);
    pushHoldChanges([...found.changed, ...told.keys()]);
  }

  const handlers: RoomHandlers = {
    holdFlag: async ({ id }, context) => {
      openFlag(id);
      const decision = await holds.hold(id, holder(context.connection), now());
      if (decision.kind === 'refused')
        throw new ContractError('forbidden', coded('hold.role_forbidden', {}), 'id');
      if (decision.kind !== 'held_by_other') pushItems([id]);
      return { id, heldBy: holds.heldBy(id, now()) };
    },
    releaseFlag: async ({ id }, context) => {
      if (await holds.release(id, context.connection)) pushItems([id]);
      return { id, heldBy: holds.heldBy(id, now()) };
    },
    takeOverFlag: async ({ id }, context) => {
      const item = openFlag(id);
      const who = holder(context.connection);
      const atMs = now();
      // Taken from another desk, the store records it in the flag's history (and so the audit trail).
      const taken = await holds.takeOver(id, who, atMs);
      if (!taken) throw new ContractError('forbidden', coded('hold.takeover_forbidden', {}), 'id');
      const from = taken.previous;
      if (from && from.connection !== ownerKey(holds.core, who.connection)) {
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
      return { id, heldBy: holds.heldBy(id, now()) };
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
        // Read from the store, not this core's copy: another core's desk may have taken it just now.
        await reload();
        const hold = holds.get(request.id, now());
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
    /** The flag left the open queue: its hold goes with it (for every core). */
    closed(id: string): void {
      told.delete(id);
      holds.drop(id).catch((error: unknown) => log(`hold not dropped: ${(error as Error).name}`));
    },
    /** The desk's connection ended or its operator logged off: its holds wait out the grace. */
    connectionGone(connection: string): void {
      holds
        .connectionGone(connection, now())
        .then(pushItems)
        .catch((error: unknown) => log(`hold not left: ${(error as Error).name}`));
    },
    /**
     * Every tick: this core says its desks are still there; holds past their grace go back to the
     * room (the store records it once, whichever core is first), and the room is told.
     */
    async tick(): Promise<void> {
      await holds.beat(now());
      for (const { id, hold } of await holds.takeExpired(now()))
        notice('hold_released', id, now(), null, hold.name);
      pushHoldChanges([...told.keys(), ...holds.ids()]);
    },
    reload,
    /** Whether some logged-on desk is connected now, or was within the grace (a reload is no alarm). */
    deskReceiving(): boolean {
      const list = clients.list();
      const at = now();
      if (desksReceiving(list) > 0) lastReceivingAtMs = at;
      return !noDeskReceiving(list, lastReceivingAtMs, at);
    },
  };
}
