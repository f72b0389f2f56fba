// Dispatch, the unit's confirmation, close and welfare check-ins, sent to main (which checks the flag's state and
// may refuse: its message is shown as it comes). The answer updates the queue at once.
import { useCallback, useState } from 'react';
import type { InvokeRequest } from '../../../shared/contract';
import type { QueueItem } from '../../../shared/domain';
import type { ConsoleApi } from '../../api/connection';
import type { WindowActions } from '../../window-state/window-state';
import { failureText } from '../../i18n/failure-text';

type Step = 'dispatch' | 'confirmDispatch' | 'closeFlag' | 'undoClose' | 'recordFollowUp';

export interface CaseSteps {
  pending: { id: string; step: Step } | null;
  error: { id: string; message: string } | null;
  /** `onDone` runs with main's answer once the step is recorded (the desk offers an undo after a close). */
  run<S extends Step>(step: S, request: InvokeRequest<S>, onDone?: (item: QueueItem) => void): void;
}

export function useCaseSteps(api: ConsoleApi, actions: WindowActions): CaseSteps {
  const [pending, setPending] = useState<CaseSteps['pending']>(null);
  const [error, setError] = useState<CaseSteps['error']>(null);
  const run = useCallback(
    <S extends Step>(step: S, request: InvokeRequest<S>, onDone?: (item: QueueItem) => void) => {
      const { id } = request;
      setPending({ id, step });
      setError(null);
      api.invoke(step, request).then(
        (item) => {
          actions.queue.upsert([item]);
          setPending(null);
          onDone?.(item);
        },
        (failure: unknown) => {
          setError({ id, message: failureText(failure) });
          setPending(null);
        },
      );
    },
    [api, actions],
  );
  return { pending, error, run };
}
