// Need-to-know for a district control room's session (the `unit` role), enforced here in the core
// whatever carries the contract: every channel is classified in shared/unit-scope.ts; a channel
// that names another unit's flag, or one that is the command centre's own, is refused with
// `forbidden` and an audit entry ('unit.refused'); lists and the alarm are answered with the unit's
// own flags; the events pushed to its connections are filtered the same way (unitEventView).
import type { CallContext, EventName, InvokeChannel, InvokeHandlers } from '../../../../shared/contract';
import type { AlarmState, FlagDetail, QueueItem } from '../../../../shared/domain';
import { coded, ContractError } from '../../../../shared/errors';
import { unitChannelScope, UNIT_EVENT_SCOPE } from '../../../../shared/unit-scope';
import { dispatchedToUnits } from '../../../../shared/units';
import type { UnitReport } from '../../../../shared/unit-report';
import type { SessionRegistry } from '../accounts/sessions';
import type { Store } from '../store/store';

export interface UnitScopeDeps {
  sessions: SessionRegistry;
  store: Pick<Store, 'recordAudit' | 'getFlagDetail'>;
  now: () => number;
  /** The flag as the core holds it (open flags); the store is asked for any other. */
  openItem: (id: string) => QueueItem | undefined;
  /** The alarm of these units' desks (units/unit-alarm.ts). */
  unitAlarm: (units: readonly string[]) => AlarmState;
}

/**
 * The units this connection may see: a unit's session's units; at a desk enrolled for units, those
 * from the moment it connects, logged on or not (a unit account logged on there narrows them to its
 * own; sessions.ts lets no other account log on there, and if one were it would see no more);
 * null for everyone else (the command centre's desks and walls, the embedded window).
 */
export function unitsOf(sessions: SessionRegistry, connection: string): readonly string[] | null {
  const user = sessions.get(connection)?.user;
  const session = user?.role === 'unit' ? (user.units ?? []) : null;
  const device = sessions.deviceUnitsOf(connection);
  if (device === null) return session;
  return session === null ? device : session.filter((unit) => device.includes(unit));
}

export function unitScopedHandlers(handlers: InvokeHandlers, deps: UnitScopeDeps): InvokeHandlers {
  const { sessions, store, now } = deps;

  async function refuse(connection: string, channel: InvokeChannel, id: string | null): Promise<never> {
    // A district desk enrolled for units is held to them before anyone logs on: the connection acts.
    const user = sessions.get(connection)?.user;
    await store.recordAudit({
      atMs: now(),
      actor: user?.name ?? connection,
      action: 'unit.refused',
      target: id,
      detail: { channel, units: unitsOf(sessions, connection) ?? [] },
    });
    throw new ContractError(
      'forbidden',
      coded('unit.forbidden', { channel }),
      id === null ? undefined : 'id',
    );
  }

  /** Whether the flag's current dispatch went to one of the units (an unknown id: no). */
  async function isTheirs(id: string, units: readonly string[]): Promise<boolean> {
    const item = deps.openItem(id) ?? (await store.getFlagDetail(id));
    return item !== null && item !== undefined && dispatchedToUnits(item, units);
  }

  const scoped: Partial<Record<InvokeChannel, unknown>> = {};
  for (const channel of Object.keys(handlers) as InvokeChannel[]) {
    const handler = handlers[channel] as (request: unknown, context: CallContext) => Promise<unknown>;
    // A channel missing from the table (it cannot be, by its type) is refused: fail safe.
    const scope = unitChannelScope(channel) ?? 'refused';
    scoped[channel] = async (request: unknown, context: CallContext) => {
      const units = unitsOf(sessions, context.connection);
      if (units === null) return handler(request, context);
      if (scope === 'refused') return refuse(context.connection, channel, null);
      if (scope === 'flag') {
        const id = (request as { id?: unknown }).id;
        if (typeof id !== 'string' || !(await isTheirs(id, units)))
          return refuse(context.connection, channel, typeof id === 'string' ? id : null);
      }
      const answer = await handler(request, context);
      if (channel === 'listQueue')
        return (answer as QueueItem[]).filter((item) => dispatchedToUnits(item, units));
      if (channel === 'getAlarm') return deps.unitAlarm(units);
      if (channel === 'getUnitReport') {
        const report = answer as UnitReport;
        return { ...report, units: report.units.filter((u) => units.includes(u.unitKey)) };
      }
      // Other flags of the same account are not this unit's to know of.
      if (channel === 'getFlagDetail') return { ...(answer as FlagDetail), related: [] };
      return answer;
    };
  }
  return scoped as InvokeHandlers;
}

/** Flags that were a unit's and are no longer (handed back, sent elsewhere), per pushed change. */
export type Departures = WeakMap<object, { id: string; unitKey: string }[]>;

/**
 * An event as a unit's connection may see it: undefined means it is not sent. `departures` names
 * the flags of a queueChanged that left a unit, so its desk drops them (`removed`).
 */
export function unitEventView(
  event: EventName,
  payload: unknown,
  units: readonly string[],
  departures: Departures,
  unitAlarm: (units: readonly string[]) => AlarmState,
): unknown {
  const scope = UNIT_EVENT_SCOPE[event];
  if (event === 'queueChanged') {
    const { upserts } = payload as { upserts: QueueItem[] };
    const mine = upserts.filter((item) => dispatchedToUnits(item, units));
    const removed = (departures.get(payload as object) ?? [])
      .filter((d) => units.includes(d.unitKey) && !mine.some((item) => item.id === d.id))
      .map((d) => d.id);
    if (mine.length === 0 && removed.length === 0) return undefined;
    return removed.length > 0 ? { upserts: mine, removed } : { upserts: mine };
  }
  if (event === 'alarm') return unitAlarm(units);
  if (scope === 'flag') return undefined; // a notice or focus names a flag: never another unit's
  return payload;
}
