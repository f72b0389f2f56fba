// Flags stored before routing existed (schema < 4) are routed once, on the first open after the
// upgrade. Routing is an ingest rule, so it is decided here, in the core, and the store is handed
// the result as plain data (the store itself never routes: it may run in a worker thread, and its
// layer does not import the core's routing data).
import { routeLocation, type RoutableLocation, type Route } from '../../../../shared/routing/route';
import { routingData } from '../routing/routing-data';
import { currentUnitRegistry, loadUnitRegistry } from '../units/unit-registry';
import type { Store } from '../store/store';

export function decideRoutes(
  unrouted: readonly { id: string; location: RoutableLocation | null }[],
): { id: string; route: Route }[] {
  const data = { ...routingData, registry: currentUnitRegistry().registry };
  return unrouted.map(({ id, location }) => ({ id, route: routeLocation(location, data) }));
}

/** For the console's store (async, in its worker). */
export async function routeUnroutedFlags(
  store: Pick<Store, 'listUnroutedFlags' | 'setFlagRoutes' | 'getUnitRegistry'>,
): Promise<void> {
  await loadUnitRegistry(store);
  const unrouted = await store.listUnroutedFlags();
  if (unrouted.length > 0) await store.setFlagRoutes(decideRoutes(unrouted));
}
