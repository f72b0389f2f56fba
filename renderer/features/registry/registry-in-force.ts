// The unit registry in force as this page last read it: the names of units (detail, dispatch form,
// handover sheet) and which units may be sent to. The shipped registry until the core is asked
// (after logon), and again after an administrator's save on this desk. Names of units only: a page
// that has not read it yet shows the shipped names, and a unit it does not know by its id.
import { useEffect, useSyncExternalStore } from 'react';
import type { ConsoleApi } from '../../api/connection';
import {
  DEFAULT_UNIT_REGISTRY,
  unitOf,
  type RegistryUnit,
  type UnitRegistry,
} from '../../../shared/routing/unit-registry';

let inForce: UnitRegistry = DEFAULT_UNIT_REGISTRY;
const listeners = new Set<() => void>();

export function setRegistryInForce(registry: UnitRegistry): void {
  inForce = registry;
  for (const listener of listeners) listener();
}

/** A unit by id in the registry as last read (retired units included: past flags name them). */
export const registryUnit = (key: string | null): RegistryUnit | undefined => unitOf(inForce, key);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export const useRegistryInForce = (): UnitRegistry => useSyncExternalStore(subscribe, () => inForce);

/** Reads the registry once someone is logged on (the channel needs a session). */
export function useRegistryLoad(api: ConsoleApi, loggedOn: boolean): void {
  useEffect(() => {
    if (!loggedOn) return;
    api.invoke('getUnitRegistry', {}).then(
      (version) => setRegistryInForce(version.registry),
      // The shipped names stay; the panel and the core's refusals say what went wrong.
      () => {},
    );
  }, [api, loggedOn]);
}
