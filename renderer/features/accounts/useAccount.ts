// Logon, first-run administrator, logoff, idle lock and unlock: each asks main, then re-reads the
// session so every view shows what main now holds (main decides; the page only reflects it).
import { useCallback, useState } from 'react';
import type { InvokeChannel, InvokeRequest } from '../../../shared/contract';
import type { ConsoleApi } from '../../api/connection';
import type { WindowActions } from '../../window-state/window-state';
import { failureText } from '../../i18n/failure-text';

type AccountStep = Extract<
  InvokeChannel,
  'logon' | 'createFirstAdministrator' | 'logoff' | 'lockDesk' | 'unlockDesk'
>;

export interface AccountControls {
  pending: AccountStep | null;
  error: string | null;
  run<S extends AccountStep>(step: S, request: InvokeRequest<S>): Promise<boolean>;
}

export function useAccount(api: ConsoleApi, actions: WindowActions): AccountControls {
  const [pending, setPending] = useState<AccountStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <S extends AccountStep>(step: S, request: InvokeRequest<S>) => {
      setPending(step);
      setError(null);
      let ok = true;
      try {
        await api.invoke(step, request);
      } catch (failure) {
        ok = false;
        setError(failureText(failure));
      }
      try {
        actions.session.setInfo(await api.invoke('getSession', {}));
      } finally {
        setPending(null);
      }
      return ok;
    },
    [api, actions],
  );
  return { pending, error, run };
}
