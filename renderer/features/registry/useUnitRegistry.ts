// The unit registry in force, for the administrator's panel; read again after each save. A save is
// the whole registry as a new version, made on the version this desk read (the core refuses it
// when another was saved meanwhile).
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleApi } from '../../api/connection';
import { failureText } from '../../i18n/failure-text';
import { setRegistryInForce } from './registry-in-force';
import type { RegistryVersion, UnitRegistry } from '../../../shared/routing/unit-registry';

export interface UnitRegistryState {
  inForce: RegistryVersion | null;
  error: string | null;
  /** The new version's number, or the failure in the desk's language. */
  save(registry: UnitRegistry): Promise<{ version: number } | { failure: string }>;
}

export function useUnitRegistry(api: ConsoleApi): UnitRegistryState {
  const [inForce, setInForce] = useState<RegistryVersion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.invoke('getUnitRegistry', {}).then(
      (version) => (setInForce(version), setRegistryInForce(version.registry), setError(null)),
      (failure: unknown) => setError(failureText(failure)),
    );
  }, [api]);
  useEffect(load, [load]);
  const save = useCallback(
    async (registry: UnitRegistry) => {
      try {
        const saved = await api.invoke('saveUnitRegistry', { registry, basedOn: inForce?.version ?? 0 });
        setInForce(saved);
        setRegistryInForce(saved.registry);
        return { version: saved.version };
      } catch (failure) {
        load();
        return { failure: failureText(failure) };
      }
    },
    [api, inForce, load],
  );
  return { inForce, error, save };
}
