// The control-room numbers entered for the police units, for the dispatch form (whom to call) and
// the administrator's table; read again after each change.
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleApi } from '../../api/connection';
import { failureText } from '../../i18n/failure-text';

export interface UnitContacts {
  byUnit: ReadonlyMap<string, string>;
  error: string | null;
  save(unitKey: string, contact: string): Promise<string | null>;
}

export function useUnitContacts(api: ConsoleApi): UnitContacts {
  const [byUnit, setByUnit] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.invoke('listUnitContacts', {}).then(
      (list) => setByUnit(new Map(list.map((c) => [c.unitKey, c.contact]))),
      (failure: unknown) => setError(failureText(failure)),
    );
  }, [api]);
  useEffect(load, [load]);
  const save = useCallback(
    async (unitKey: string, contact: string) => {
      try {
        await api.invoke('setUnitContact', { unitKey, contact });
        load();
        return null;
      } catch (failure) {
        return failureText(failure);
      }
    },
    [api, load],
  );
  return { byUnit, error, save };
}
