// The core's open flags kept in step with the store: changes this core made (applyChanges), and
// those others wrote — an import from the command line, another core's desk — read from the event
// log (refreshFromStore), with the holds, the silence and the unit registry that came with them.
// Each change goes out as queueChanged, with the flags that left a unit (departures). Built by
// console-core.ts, which owns the open flags.
import type { EventName, EventPayload } from '../../../../shared/contract';
import type { QueueItem } from '../../../../shared/domain';
import { isOpen } from '../../../../shared/queue-order';
import { changeRefresh, type ChangeRefresh } from '../cluster/change-refresh';
import type { createRoom } from '../room/room-core';
import type { Store } from '../store/store';
import type { Departures } from '../units/unit-scope';
import { currentUnitRegistry, loadUnitRegistry } from '../units/unit-registry';
import type { FeedAlarmPublisher } from './feed-alarm-publisher';

export interface QueueRefreshDeps {
  store: Store;
  now: () => number;
  log: (line: string) => void;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  training: boolean;
  /** The core's open flags: kept here, read by the room, the alarm and the handlers. */
  open: Map<string, QueueItem>;
  room: ReturnType<typeof createRoom>;
  alarm: FeedAlarmPublisher;
}

export interface QueueRefresh {
  /** Flags changed (by this core, or read from the store): the open flags follow, the room is told. */
  applyChanges(changed: QueueItem[]): void;
  /** Which flags left which unit with a queueChanged payload, for the unit desks' view of it. */
  readonly departures: Departures;
  /** The open flags as the store has them, and the event log read from here on (at start). */
  load(): Promise<void>;
  /** Asks for refreshFromStore: at once (another core's notification) or by the timer (tick). */
  readonly refresh: ChangeRefresh;
}

export function createQueueRefresh(deps: QueueRefreshDeps): QueueRefresh {
  const { store, now, log, emit, training, open, room, alarm } = deps;
  const silence = alarm.silence;
  // The unit each flag was last pushed as dispatched to, so a unit's desk is told when one leaves it.
  const lastUnit = new Map<string, string>();
  const departures: Departures = new WeakMap();

  function applyChanges(changed: QueueItem[]): void {
    if (changed.length === 0) return;
    const left: { id: string; unitKey: string }[] = [];
    for (const item of changed) {
      const before = lastUnit.get(item.id);
      if (before !== undefined && before !== item.dispatch?.unitKey)
        left.push({ id: item.id, unitKey: before });
      if (item.dispatch && isOpen(item)) lastUnit.set(item.id, item.dispatch.unitKey);
      else lastUnit.delete(item.id);
      if (isOpen(item)) open.set(item.id, item);
      else {
        open.delete(item.id);
        room.closed(item.id);
      }
    }
    const payload = { upserts: changed.map((item) => room.withHold(item)) };
    if (left.length > 0) departures.set(payload, left);
    emit('queueChanged', payload);
    alarm.publishAlarm();
  }

  let eventSeq = -1;
  // One refresh at a time: a store slowed by a long report is not asked again until it answers.
  const refresh = changeRefresh(() => refreshFromStore(), log);
  /** Picks up flags written by another process (lifeline import) or another desk. */
  async function refreshFromStore(): Promise<void> {
    const changes = await store.changesSince(eventSeq, training);
    eventSeq = changes.lastEventSeq;
    const unseen = changes.insertedIds.filter((id) => !open.has(id));
    const changed = changes.items.filter(
      (item) => JSON.stringify(open.get(item.id)) !== JSON.stringify(isOpen(item) ? item : undefined),
    );
    alarm.engine().recordArrivals(now(), unseen.length);
    applyChanges(changed);
    // Check-ins fall due by the clock; surfacing them here keeps them within one refresh of due.
    applyChanges((await store.surfaceDueFollowUps(now())).filter((item) => item.training === training));
    // A registry imported from the command line (lifeline units import) routes the next flag.
    const [latest] = await store.listRegistryVersions();
    if ((latest?.version ?? 0) !== currentUnitRegistry().version) await loadUnitRegistry(store);
    // Holds and the silence are the room's, whichever core's desk set them (room/, alarm/shared-silence.ts).
    await room.reload();
    await silence.reload();
    alarm.publishAlarm();
  }

  return {
    applyChanges,
    departures,
    async load() {
      eventSeq = (await store.changesSince(-1, training)).lastEventSeq;
      for (const item of await store.listOpenQueue(training)) open.set(item.id, item);
    },
    refresh,
  };
}
