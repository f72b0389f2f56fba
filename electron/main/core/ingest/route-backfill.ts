// Flags stored before routing existed (schema < 4) are routed once, on the first open after the
// upgrade. Routing is an ingest rule, so it is decided here, in the core, and the store is handed
// the result as plain data (the store itself never routes: it may run in a worker thread, and its
// layer does not import the core's routing data).
import { routeLocation, type RoutableLocation, type Route } from '../../../../shared/routing/route';
import { routingData } from '../routing/routing-data';
import type { Store } from '../store/store';

export function decideRoutes(
  unrouted: readonly { id: string; location: RoutableLocation | null }[],
): { id: string; route: Route }[] {
  return unrouted.map(({ id, location }) => ({ id, route: routeLocation(location, routingData) }));
}

/** For the console's store (async, in its worker). */
export async function routeUnroutedFlags(
  store: Pick<Store, 'listUnroutedFlags' | 'setFlagRoutes'>,
): Promise<void> {
  const unrouted = await store.listUnroutedFlags();
  if (unrouted.length > 0) await store.setFlagRoutes(decideRoutes(unrouted));
}
