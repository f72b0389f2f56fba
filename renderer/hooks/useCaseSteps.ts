// Dispatch, the unit's confirmation, close and welfare check-ins, sent to main (which checks the flag's state and
// may refuse: its message is shown as it comes). The answer updates the queue at once.
import { useCallback, useState } from 'react';
import type { InvokeRequest } from '../../shared/contract';
import type { ConsoleApi } from '../api/connection';
import type { AppActions } from '../state/store';

type Step = 'dispatch' | 'confirmDispatch' | 'closeFlag' | 'recordFollowUp';

export interface CaseSteps {
  pending: { id: string; step: Step } | null;
  error: { id: string; message: string } | null;
  run<S extends Step>(step: S, request: InvokeRequest<S>): void;
}

export function useCaseSteps(api: ConsoleApi, actions: AppActions): CaseSteps {
  const [pending, setPending] = useState<CaseSteps['pending']>(null);
  const [error, setError] = useState<CaseSteps['error']>(null);
  const run = useCallback(
    <S extends Step>(step: S, request: InvokeRequest<S>) => {
      const { id } = request;
      setPending({ id, step });
      setError(null);
      api.invoke(step, request).then(
        (item) => {
          actions.queue.upsert([item]);
          setPending(null);
        },
        (failure: unknown) => {
          setError({ id, message: failure instanceof Error ? failure.message : String(failure) });
          setPending(null);
        },
      );
    },
    [api, actions],
  );
  return { pending, error, run };
}
