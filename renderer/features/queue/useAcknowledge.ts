import { useCallback, useState } from 'react';
import type { ConsoleApi } from '../../api/connection';
import type { WindowActions } from '../../window-state/window-state';
import { failureText } from '../../i18n/failure-text';

export interface AcknowledgeState {
  pendingId: string | null;
  /** The last failure, for the flag it concerns: shown only while that flag is selected. */
  error: { id: string; message: string } | null;
  acknowledge(id: string, operator: string): void;
}

export function useAcknowledge(api: ConsoleApi, actions: WindowActions): AcknowledgeState {
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<AcknowledgeState['error']>(null);

  const acknowledge = useCallback(
    (id: string, operator: string) => {
      setPendingId(id);
      setError(null);
      api.invoke('acknowledge', { id, operator: operator.trim() }).then(
        (item) => {
          actions.queue.upsert([item]);
          setPendingId(null);
        },
        (failure: unknown) => {
          setError({ id, message: failureText(failure) });
          setPendingId(null);
        },
      );
    },
    [api, actions],
  );

  return { pendingId, error, acknowledge };
}
